import type { Grade, Indicator } from '../../rulebook/rulebook.schema';
import type { AssessmentScheme } from '../assessment-kinds';
import type { RankingEntry } from '../rank-units';

const cite = { doc: 'test-doc', article: 'art. 1' };

/** An indicator; tests override what they exercise. */
export const indicator = (overrides: Partial<Indicator> = {}): Indicator => ({
  id: 'signing',
  name: { zh: '签状率', en: 'signing rate' },
  method: 'threshold',
  dataSource: 'computed',
  fact: 'signing_rate',
  thresholds: [
    {
      id: 'rate',
      measure: { zh: '签状率', en: 'signing rate' },
      comparator: 'gte',
      value: 100,
      unit: 'percent',
    },
  ],
  scoring: { kind: 'threshold', pointsMet: 10, pointsNotMet: 0, source: cite },
  source: cite,
  ...overrides,
});

export const GRADES: Grade[] = [
  { id: 'excellent', name: { zh: '优秀', en: 'Excellent' }, minScore: 90, failing: false },
  { id: 'pass', name: { zh: '合格', en: 'Pass' }, minScore: 60, failing: false },
  { id: 'fail', name: { zh: '不合格', en: 'Fail' }, minScore: 0, failing: true },
];

export const scheme = (
  indicators: Indicator[],
  settings: Partial<AssessmentScheme['settings']> = {},
): AssessmentScheme => ({
  rulebook: { id: 'test-rulebook', version: 3 },
  indicators,
  grades: GRADES,
  settings: { maxScore: 100, decimals: 2, missingData: 'exclude', ...settings },
});

export const entry = (
  unitId: string,
  score: number | null,
  overrides: Partial<RankingEntry> = {},
): RankingEntry => ({
  unitId,
  kind: 'town',
  level: 3,
  score,
  vetoed: false,
  gradeId: score === null ? null : score >= 90 ? 'excellent' : score >= 60 ? 'pass' : 'fail',
  indicatorsWithData: 5,
  ...overrides,
});
