import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../rulebook/rulebook.schema';
import type { UnitFacts } from './assessment-kinds';
import { roundScore, scoreUnit, scoreUnitPoints } from './score-unit';
import { indicator, scheme } from './test/assessment-factory';

/** A threshold indicator on an entered value `<id>-t` (its threshold's id), met when ≥ 1. */
const item = (id: string, overrides: Partial<Indicator> = {}): Indicator =>
  indicator({
    id,
    dataSource: 'entered',
    fact: undefined,
    thresholds: [{ id: `${id}-t`, measure: { zh: id, en: id }, comparator: 'gte', value: 1, unit: 'count' }],
    scoring: { kind: 'threshold', pointsMet: 10, pointsNotMet: 0 },
    ...overrides,
  });
const met = (id: string) => ({ [`${id}-t`]: { value: 1 } });
const notMet = (id: string) => ({ [`${id}-t`]: { value: 0 } });

const vetoItem = item('veto', { method: 'veto_item', scoring: { kind: 'veto_item' } });

describe('scoreUnit', () => {
  it.each<
    [
      string,
      Indicator[],
      UnitFacts,
      Partial<ReturnType<typeof scheme>['settings']>,
      number | null,
      string | null,
    ]
  >([
    ['all met', [item('a'), item('b')], { ...met('a'), ...met('b') }, {}, 100, 'excellent'],
    [
      'weights 3 and 1, the heavier met',
      [item('a', { weight: 3 }), item('b', { weight: 1 })],
      { ...met('a'), ...notMet('b') },
      {},
      75,
      'pass',
    ],
    [
      'weights 3 and 1, the lighter met',
      [item('a', { weight: 3 }), item('b', { weight: 1 })],
      { ...notMet('a'), ...met('b') },
      {},
      25,
      'fail',
    ],
    [
      'no weight: an indicator weighs its maximum points',
      [item('a', { scoring: { kind: 'threshold', pointsMet: 30, pointsNotMet: 0 } }), item('b')],
      { ...met('a'), ...notMet('b') },
      {},
      75,
      'pass',
    ],
    [
      'missing data excluded',
      [item('a'), item('b')],
      { ...met('a') },
      { missingData: 'exclude' },
      100,
      'excellent',
    ],
    [
      'missing data counted as no points',
      [item('a'), item('b')],
      { ...met('a') },
      { missingData: 'zero' },
      50,
      'fail',
    ],
    ['no data at all: no score, no grade', [item('a'), item('b')], {}, { missingData: 'zero' }, null, null],
    [
      'rounded to the decimals',
      [item('a'), item('b'), item('c')],
      { ...met('a'), ...notMet('b'), ...notMet('c') },
      {},
      33.33,
      'fail',
    ],
    [
      'rounded to no decimals',
      [item('a'), item('b'), item('c')],
      { ...met('a'), ...met('b'), ...notMet('c') },
      { decimals: 0 },
      67,
      'pass',
    ],
    [
      'out of another maximum score',
      [item('a'), item('b')],
      { ...met('a'), ...notMet('b') },
      { maxScore: 10 },
      5,
      'fail',
    ],
    [
      'an indicator without scoring does not count',
      [item('a'), item('b', { scoring: undefined })],
      { ...met('a'), ...notMet('b') },
      {},
      100,
      'excellent',
    ],
    [
      'a weight of 0 does not count',
      [item('a'), item('b', { weight: 0 })],
      { ...met('a'), ...notMet('b') },
      {},
      100,
      'excellent',
    ],
  ])('%s', (_, indicators, facts, settings, score, grade) => {
    const result = scoreUnit(scheme(indicators, settings), facts);
    expect(result.score).toBe(score);
    expect(result.grade?.id ?? null).toBe(grade);
  });

  it('a veto item not met fails the whole assessment whatever the score, and says which', () => {
    const result = scoreUnit(scheme([item('a'), vetoItem]), { ...met('a'), ...notMet('veto') });
    expect(result).toMatchObject({
      score: 100,
      vetoed: true,
      vetoedBy: ['veto'],
      grade: { id: 'fail', failing: true },
    });
  });

  it('a veto item met neither adds nor removes points', () => {
    const result = scoreUnit(scheme([item('a'), item('b'), vetoItem]), {
      ...met('a'),
      ...notMet('b'),
      ...met('veto'),
    });
    expect(result).toMatchObject({ score: 50, vetoed: false, vetoedBy: [], indicatorsWithData: 3 });
    expect(result.indicators.find((i) => i.indicatorId === 'veto')).toMatchObject({
      counted: false,
      weight: 0,
    });
  });

  it('explains each indicator: weight, whether it counts, its contribution to the score', () => {
    const result = scoreUnit(scheme([item('a', { weight: 3 }), item('b', { weight: 1 }), item('c')]), {
      ...met('a'),
      ...notMet('b'),
    });
    expect(
      result.indicators.map((i) => [i.indicatorId, i.status, i.weight, i.counted, i.contribution]),
    ).toEqual([
      ['a', 'scored', 3, true, 75],
      ['b', 'scored', 1, true, 0],
      ['c', 'missing_data', 0, false, null],
    ]);
    expect(result.indicatorsWithData).toBe(2);
    expect(result.missingData).toBe('exclude');
  });

  it('names the rulebook and version it was computed under', () => {
    expect(scoreUnit(scheme([item('a')]), met('a')).rulebook).toEqual({ id: 'test-rulebook', version: 3 });
  });

  it('is deterministic: the same inputs give the same output, unrelated facts and key order change nothing', () => {
    const indicators = [item('a', { weight: 2 }), item('b'), vetoItem];
    const facts = { ...met('a'), ...notMet('b'), ...met('veto') };
    const first = scoreUnit(scheme(indicators), facts);
    const reordered = Object.fromEntries(Object.entries(facts).reverse());
    expect(scoreUnit(scheme(indicators), facts)).toEqual(first);
    expect(scoreUnit(scheme(indicators), { ...reordered, unrelated: { value: 42 } })).toEqual(first);
  });

  it('changing one input changes only the indicator that reads it', () => {
    const indicators = [item('a'), item('b'), item('c')];
    const before = scoreUnit(scheme(indicators), { ...met('a'), ...met('b'), ...met('c') });
    const after = scoreUnit(scheme(indicators), { ...met('a'), ...notMet('b'), ...met('c') });
    const changed = before.indicators
      .filter((i, index) => JSON.stringify(i) !== JSON.stringify(after.indicators[index]))
      .map((i) => i.indicatorId);
    expect(changed).toEqual(['b']);
  });

  it('keeps every score within 0..maxScore (property)', () => {
    const indicators = ['a', 'b', 'c', 'd'].map((id, index) => item(id, { weight: index + 1 }));
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.constantFrom<'exclude' | 'zero'>('exclude', 'zero'),
        (values, missingData) => {
          const facts: UnitFacts = Object.fromEntries(
            values.flatMap((value, index) =>
              value === undefined ? [] : [[`${'abcd'[index]}-t`, { value }]],
            ),
          );
          const { score } = scoreUnit(scheme(indicators, { missingData }), facts);
          if (values.every((value) => value === undefined)) expect(score).toBeNull();
          else {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe('scoreUnitPoints', () => {
  // Every method, a veto item and an indicator without scoring, on facts that may be missing.
  const indicators: Indicator[] = [
    item('a', { weight: 2 }),
    item('b'),
    vetoItem,
    indicator({
      id: 'lin',
      method: 'linear',
      dataSource: 'entered',
      fact: undefined,
      thresholds: [],
      scoring: { kind: 'linear', lower: 0, upper: 10, direction: 'lower_is_better', maxPoints: 20 },
    }),
    indicator({
      id: 'ded',
      method: 'deduction',
      dataSource: 'entered',
      fact: undefined,
      thresholds: [],
      scoring: { kind: 'deduction', maxPoints: 10, perOccurrence: 3, floor: 0 },
    }),
    item('none', { scoring: undefined }),
  ];

  it('gives exactly the figures scoreUnit explains (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          'a-t': fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          'b-t': fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          'veto-t': fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
          lin: fc.option(fc.double({ min: -5, max: 15, noNaN: true }), { nil: undefined }),
          ded: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        }),
        fc.constantFrom<'exclude' | 'zero'>('exclude', 'zero'),
        (values, missingData) => {
          const facts: UnitFacts = Object.fromEntries(
            Object.entries(values).flatMap(([key, value]) => (value === undefined ? [] : [[key, { value }]])),
          );
          const s = scheme(indicators, { missingData });
          const explained = scoreUnit(s, facts);
          const lean = scoreUnitPoints(s, facts);
          expect(lean).toEqual({
            score: explained.score,
            vetoed: explained.vetoed,
            grade: explained.grade,
            indicatorsWithData: explained.indicatorsWithData,
            points: explained.indicators.map((i) => i.points),
          });
        },
      ),
    );
  });
});

describe('roundScore', () => {
  it.each([
    [33.333333, 2, 33.33],
    [66.666666, 2, 66.67],
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
  ])('%d to %d decimals → %d', (value, decimals, expected) => {
    expect(roundScore(value, decimals)).toBe(expected);
  });
});
