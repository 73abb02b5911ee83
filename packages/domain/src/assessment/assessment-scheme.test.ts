import { describe, expect, it } from 'vitest';
import { rootRulebook } from '../rulebook/test/rulebook-factory';
import { assessmentSchemeFor } from './assessment-scheme';
import { indicator } from './test/assessment-factory';

describe('assessmentSchemeFor', () => {
  const base = rootRulebook();
  const rulebook = {
    ...base,
    version: 4,
    indicators: {
      ...base.indicators,
      items: [
        indicator({ id: 'everyone' }),
        indicator({ id: 'towns', who: ['town'] }),
        indicator({ id: 'departments', who: ['department', 'subunit'] }),
      ],
    },
  };

  it.each([
    ['town', ['everyone', 'towns']],
    ['department', ['everyone', 'departments']],
    ['village', ['everyone']],
  ] as const)('a %s is scored on %j', (unitKind, ids) => {
    expect(assessmentSchemeFor({ rulebook, unitKind }).indicators.map((i) => i.id)).toEqual(ids);
  });

  it('carries the rulebook id and version, the grades and the scoring settings', () => {
    const scheme = assessmentSchemeFor({ rulebook, unitKind: 'town' });
    expect(scheme.rulebook).toEqual({ id: 'root', version: 4 });
    expect(scheme.grades.map((g) => g.id)).toEqual(['good', 'bad']);
    expect(scheme.settings).toEqual({ maxScore: 100, decimals: 2, missingData: 'exclude' });
  });
});
