import { describe, expect, it } from 'vitest';
import { loadRulebook, RulebookInvalidError } from './load-rulebook';
import { layer, rootRulebook } from './test/rulebook-factory';
import { validateRulebook } from './validate-rulebook';

/** A deep copy of the factory rulebook with one change applied. */
// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong values at arbitrary paths of a copy
type Loose = Record<string, any>;

const rootWith = (change: (r: Loose) => void): unknown => {
  const copy = structuredClone(rootRulebook()) as Loose;
  change(copy);
  return copy;
};

describe('validateRulebook', () => {
  it('accepts a complete rulebook and a layer', () => {
    expect(validateRulebook(rootRulebook()).ok).toBe(true);
    expect(validateRulebook(layer('county', 'root', { duties: [{ id: 'x', $remove: true }] })).ok).toBe(true);
  });

  it.each<[string, unknown, string, string]>([
    [
      'a rectification period of zero',
      rootWith((r) => {
        r.ladder.steps[2].rectification.amount = 0;
      }),
      'ladder.steps[2].rectification.amount',
      'greater than 0',
    ],
    [
      'a rectification unit that does not exist',
      rootWith((r) => {
        r.ladder.steps[1].rectification.unit = 'fortnight';
      }),
      'ladder.steps[1].rectification.unit',
      'must be one of: working_day, day, month',
    ],
    [
      'a misspelt parameter',
      rootWith((r) => {
        r.ladder.steps[1].rectifcation = r.ladder.steps[1].rectification;
        delete r.ladder.steps[1].rectification;
      }),
      'ladder.steps[1].rectifcation',
      'unknown parameter',
    ],
    [
      'a missing cadence unit',
      rootWith((r) => {
        delete r.duties[0].cadence.unit;
      }),
      'duties[0].cadence.unit',
      'required parameter is missing',
    ],
    [
      'an unknown unit kind',
      rootWith((r) => {
        r.duties[1].who = ['town', 'township'];
      }),
      'duties[1].who[1]',
      'must be one of',
    ],
    [
      'a cadence of every 0 months',
      rootWith((r) => {
        r.duties[0].cadence.every = 0;
      }),
      'duties[0].cadence.every',
      'greater than 0',
    ],
    [
      'a fixed date that does not exist',
      rootWith((r) => {
        r.duties[1].deadline = { kind: 'fixed_date', month: 2, day: 30 };
      }),
      'duties[1].deadline.day',
      'the month has no such day',
    ],
    [
      'a duplicated duty id',
      rootWith((r) => {
        r.duties[1].id = 'committee-meeting';
      }),
      'duties[1].id',
      'duplicate id',
    ],
    [
      'a citation of a document not among the sources',
      rootWith((r) => {
        r.duties[0].source.doc = 'elsewhere';
      }),
      'duties[0].source.doc',
      'not among the sources',
    ],
    [
      'ladder steps out of order',
      rootWith((r) => {
        r.ladder.steps.reverse();
      }),
      'ladder.steps[1].id',
      'must be in the order',
    ],
    [
      'a window with neither months nor a condition',
      rootWith((r) => {
        delete r.ladder.steps[2].windows[0].months;
      }),
      'ladder.steps[2].windows[0]',
      'a window needs',
    ],
    [
      'a window barring an unknown party',
      rootWith((r) => {
        r.ladder.steps[2].windows[0].who = ['spouse'];
      }),
      'ladder.steps[2].windows[0].who[0]',
      'must be one of: unit, principal, in_charge, responsible',
    ],
    [
      'a rule naming a step the ladder lacks',
      rootWith((r) => {
        r.ladder.steps.pop();
        r.ladder.rules = [
          {
            kind: 'consecutive_failing_years',
            id: 'two-years',
            years: 2,
            outcome: 'veto',
            description: { zh: '连续两年', en: 'two years' },
          },
        ];
      }),
      'ladder.rules[0].outcome',
      'refers to a ladder step that does not exist',
    ],
    [
      'a consecutive-failing-years rule of one year',
      rootWith((r) => {
        r.ladder.rules = [
          {
            kind: 'consecutive_failing_years',
            id: 'one-year',
            years: 1,
            outcome: 'veto',
            description: { zh: '一年', en: 'one year' },
          },
        ];
      }),
      'ladder.rules[0].years',
      'at least 2',
    ],
    [
      'an incident limit in an unknown unit',
      rootWith((r) => {
        r.incidentReporting.limits[0].deadline.unit = 'week';
      }),
      'incidentReporting.limits[0].deadline.unit',
      'must be one of: hour, working_day, day, month',
    ],
    [
      'a Chinese name missing',
      rootWith((r) => {
        r.bodies.office.name.zh = '';
      }),
      'bodies.office.name.zh',
      'at least 1',
    ],
    [
      'an id that reads like an index',
      rootWith((r) => {
        r.duties[0].id = '2';
      }),
      'duties[0].id',
      'an id is lower-case letters',
    ],
    [
      'a layer with a wrong value in an override',
      layer('county', 'root', {
        ladder: { steps: [{ id: 'interview', firstReport: { amount: 10, unit: 'hour' as never } }] },
      }),
      'ladder.steps[0].firstReport.unit',
      'must be one of: working_day, day, month',
    ],
    [
      'a monthly report filed by a unit kind that does not exist',
      rootWith((r) => {
        r.reports.monthlySafetyReport.filers.kinds = ['town', 'township'];
      }),
      'reports.monthlySafetyReport.filers.kinds[1]',
      'must be one of',
    ],
    [
      'a monthly report filed by nobody',
      rootWith((r) => {
        r.reports.monthlySafetyReport.filers.kinds = [];
      }),
      'reports.monthlySafetyReport.filers.kinds',
      'at least 1',
    ],
    [
      'a monthly report that does not say who files it',
      rootWith((r) => {
        delete r.reports.monthlySafetyReport.filers;
      }),
      'reports.monthlySafetyReport.filers',
      'required parameter is missing',
    ],
    [
      'a layer naming a filer kind that does not exist',
      layer('county', 'root', {
        reports: { monthlySafetyReport: { filers: { kinds: ['town', 'grid_cell' as never] } } },
      }),
      'reports.monthlySafetyReport.filers.kinds[1]',
      'must be one of',
    ],
    [
      'a layer removing an entry of an unknown step id',
      layer('county', 'root', { ladder: { steps: [{ id: 'caution', $remove: true }] } } as never),
      'ladder.steps[0].id',
      'must be one of',
    ],
  ])('%s', (_, input, path, en) => {
    const result = validateRulebook(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      path,
      message: { zh: expect.any(String), en: expect.stringContaining(en) },
    });
  });

  it('gives every message in Chinese as well as English', () => {
    const result = validateRulebook(
      rootWith((r) => {
        r.ladder.steps[2].rectification.amount = 0;
        r.duties[0].source.doc = 'elsewhere';
        r.extra = true;
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const error of result.errors) expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('loadRulebook', () => {
  it('returns the rulebook, or throws naming every wrong parameter', () => {
    expect(loadRulebook(rootRulebook()).id).toBe('root');
    const bad = rootWith((r) => {
      r.ladder.steps[2].rectification.amount = 0;
    });
    expect(() => loadRulebook(bad)).toThrow(RulebookInvalidError);
    expect(() => loadRulebook(bad)).toThrow(/ladder\.steps\[2\]\.rectification\.amount/);
  });
});
