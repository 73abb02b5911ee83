import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../rulebook/rulebook.schema';
import type { UnitFacts } from './assessment-kinds';
import { indicatorMeasureKeys, scoreIndicator } from './score-indicator';
import { indicator } from './test/assessment-factory';

const linear = (direction: 'higher_is_better' | 'lower_is_better'): Indicator =>
  indicator({
    id: 'satisfaction',
    method: 'linear',
    fact: 'satisfaction',
    thresholds: [],
    scoring: { kind: 'linear', lower: 60, upper: 100, direction, maxPoints: 20 },
  });

const deduction = indicator({
  id: 'steps',
  method: 'deduction',
  fact: 'accountability_steps_received',
  thresholds: [],
  scoring: { kind: 'deduction', maxPoints: 10, perOccurrence: 3, floor: 2 },
});

const qualitative = indicator({
  id: 'safe-creation',
  method: 'qualitative',
  dataSource: 'entered',
  fact: undefined,
  thresholds: [],
  scoring: { kind: 'qualitative', maxPoints: 5 },
});

const twoThresholds = indicator({
  id: 'public-order',
  dataSource: 'entered',
  fact: undefined,
  thresholds: [
    {
      id: 'handled',
      measure: { zh: '查处率', en: 'handled' },
      comparator: 'gte',
      value: 100,
      unit: 'percent',
    },
    {
      id: 'disasters',
      measure: { zh: '灾害事故', en: 'disasters' },
      comparator: 'eq',
      value: 0,
      unit: 'count',
    },
  ],
  scoring: { kind: 'threshold', pointsMet: 8, pointsNotMet: 2 },
});

const declining = indicator({
  id: 'offenders',
  dataSource: 'entered',
  fact: undefined,
  thresholds: [
    {
      id: 'count',
      measure: { zh: '违法犯罪人员数', en: 'offenders' },
      comparator: 'lt',
      reference: 'previous_year',
      unit: 'persons',
    },
  ],
});

const veto = indicator({
  id: 'major-case',
  method: 'veto_item',
  dataSource: 'entered',
  fact: undefined,
  thresholds: [
    {
      id: 'cases',
      measure: { zh: '重大案件', en: 'major cases' },
      comparator: 'eq',
      value: 0,
      unit: 'count',
    },
  ],
  scoring: { kind: 'veto_item' },
});

const v = (value: number, previousYear?: number) =>
  previousYear === undefined ? { value } : { value, previousYear };

describe('scoreIndicator: each method', () => {
  it.each<[string, Indicator, UnitFacts, string, number | null, boolean]>([
    // threshold: met / not met, boundary inclusive for gte
    ['threshold met at the boundary', indicator(), { signing_rate: v(100) }, 'scored', 10, false],
    ['threshold not met', indicator(), { signing_rate: v(99.5) }, 'scored', 0, false],
    ['threshold, fact absent', indicator(), {}, 'missing_data', null, false],
    ['two thresholds both met', twoThresholds, { handled: v(100), disasters: v(0) }, 'scored', 8, false],
    ['two thresholds, one not met', twoThresholds, { handled: v(100), disasters: v(1) }, 'scored', 2, false],
    ['two thresholds, one absent', twoThresholds, { handled: v(100) }, 'missing_data', null, false],
    ['previous year: fewer than last year', declining, { count: v(9, 10) }, 'scored', 10, false],
    ['previous year: as many as last year', declining, { count: v(10, 10) }, 'scored', 0, false],
    ['previous year unknown', declining, { count: v(9) }, 'missing_data', null, false],
    // linear between bounds, clamped
    ['linear below the lower bound', linear('higher_is_better'), { satisfaction: v(40) }, 'scored', 0, false],
    ['linear at the lower bound', linear('higher_is_better'), { satisfaction: v(60) }, 'scored', 0, false],
    ['linear half way', linear('higher_is_better'), { satisfaction: v(80) }, 'scored', 10, false],
    ['linear at the upper bound', linear('higher_is_better'), { satisfaction: v(100) }, 'scored', 20, false],
    [
      'linear lower is better, 3/4 way',
      linear('lower_is_better'),
      { satisfaction: v(90) },
      'scored',
      5,
      false,
    ],
    [
      'linear lower is better, below the lower bound',
      linear('lower_is_better'),
      { satisfaction: v(10) },
      'scored',
      20,
      false,
    ],
    ['linear, fact absent', linear('higher_is_better'), {}, 'missing_data', null, false],
    // deduction per occurrence with a floor
    ['deduction, none', deduction, { accountability_steps_received: v(0) }, 'scored', 10, false],
    ['deduction, two', deduction, { accountability_steps_received: v(2) }, 'scored', 4, false],
    ['deduction, down to the floor', deduction, { accountability_steps_received: v(3) }, 'scored', 2, false],
    [
      'deduction, far past the floor',
      deduction,
      { accountability_steps_received: v(50) },
      'scored',
      2,
      false,
    ],
    // qualitative: entered points, clamped to 0..max
    ['qualitative entered', qualitative, { 'safe-creation': v(3.5) }, 'scored', 3.5, false],
    ['qualitative above the maximum', qualitative, { 'safe-creation': v(9) }, 'scored', 5, false],
    // veto item
    ['veto item met', veto, { cases: v(0) }, 'scored', 0, false],
    ['veto item not met', veto, { cases: v(1) }, 'scored', 0, true],
    ['veto item without data does not veto', veto, {}, 'missing_data', null, false],
  ])('%s', (_, ind, facts, status, points, vetoes) => {
    const result = scoreIndicator(ind, facts);
    expect(result.status).toBe(status);
    expect(result.points).toBe(points);
    expect(result.vetoes).toBe(vetoes);
  });

  it('an indicator without scoring parameters is shown, not scored', () => {
    const result = scoreIndicator(indicator({ scoring: undefined }), { signing_rate: v(100) });
    expect(result).toMatchObject({ status: 'not_scored', reason: 'no_scoring', points: null, maxPoints: 0 });
    expect(result.inputs).toEqual([{ key: 'signing_rate', fact: { value: 100 } }]);
  });

  it('a threshold method without thresholds is not scored', () => {
    expect(scoreIndicator(indicator({ thresholds: [] }), {})).toMatchObject({
      status: 'not_scored',
      reason: 'no_thresholds',
    });
  });
});

describe('scoreIndicator: every score is explainable', () => {
  it('shows the inputs with their basis and records, each threshold compared, the rule and its citation', () => {
    const result = scoreIndicator(indicator(), {
      signing_rate: {
        value: 91.67,
        basis: { numerator: 11, denominator: 12 },
        refs: ['letter:7', 'letter:9'],
      },
      unrelated: { value: 1 },
    });
    expect(result.inputs).toEqual([
      {
        key: 'signing_rate',
        fact: { value: 91.67, basis: { numerator: 11, denominator: 12 }, refs: ['letter:7', 'letter:9'] },
      },
    ]);
    expect(result.checks).toEqual([
      {
        thresholdId: 'rate',
        measure: { zh: '签状率', en: 'signing rate' },
        comparator: 'gte',
        target: 100,
        targetFrom: 'value',
        value: 91.67,
        met: false,
      },
    ]);
    expect(result.rule.zh).toBe('全部达标（签状率 ≥ 100）得 10 分，否则得 0 分');
    expect(result.rule.en).toBe('every threshold met (signing rate ≥ 100): 10 points, otherwise 0');
    expect(result.source).toEqual({ doc: 'test-doc', article: 'art. 1' });
    expect(result.maxPoints).toBe(10);
  });

  it.each([
    [linear('higher_is_better'), '60 至 100 之间按比例计 0–20 分（越高越好），区间外取端点'],
    [deduction, '满分 10 分，每发生一次扣 3 分，最低 2 分'],
    [veto, '一票否决：任一项未达标（重大案件 = 0），整个考核不合格'],
    [qualitative, '由考核机关评定 0–5 分'],
    [declining, '全部达标（违法犯罪人员数 < 上年数）得 10 分，否则得 0 分'],
  ])('states the rule of %# with its parameters', (ind, zh) => {
    expect(scoreIndicator(ind, {}).rule.zh).toBe(zh);
  });

  it('names the previous-year target it compared with', () => {
    expect(scoreIndicator(declining, { count: v(9, 10) }).checks[0]).toMatchObject({
      target: 10,
      targetFrom: 'previous_year',
      met: true,
    });
  });
});

describe('indicatorMeasureKeys', () => {
  it.each([
    ['a computed fact', indicator(), ['signing_rate']],
    ['entered thresholds', twoThresholds, ['handled', 'disasters']],
    ['an entered single value', qualitative, ['safe-creation']],
    ['a computed count', deduction, ['accountability_steps_received']],
  ])('%s', (_, ind, keys) => {
    expect(indicatorMeasureKeys(ind)).toEqual(keys);
  });
});

describe('scoreIndicator: properties', () => {
  it('linear points never decrease as a higher-is-better value rises, and stay within 0..max', () => {
    const ind = linear('higher_is_better');
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 200, noNaN: true }),
        fc.double({ min: -50, max: 200, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const pLow = scoreIndicator(ind, { satisfaction: v(low) }).points!;
          const pHigh = scoreIndicator(ind, { satisfaction: v(high) }).points!;
          expect(pLow).toBeLessThanOrEqual(pHigh);
          expect(pLow).toBeGreaterThanOrEqual(0);
          expect(pHigh).toBeLessThanOrEqual(20);
        },
      ),
    );
  });

  it('deduction points never fall below the floor nor rise above the maximum', () => {
    fc.assert(
      fc.property(fc.nat(1000), (n) => {
        const points = scoreIndicator(deduction, { accountability_steps_received: v(n) }).points!;
        expect(points).toBeGreaterThanOrEqual(2);
        expect(points).toBeLessThanOrEqual(10);
      }),
    );
  });
});
