import { describe, expect, it } from 'vitest';
import type { Indicator } from '../rulebook/rulebook.schema';
import { readPresetFiles } from '../rulebook/test/load-presets';
import { buildTargetsFromIndicators } from './build-targets-from-indicators';
import { calculateSigningRate, decideLetterSigningState } from './calculate-signing-rate';
import { checkCascade, isAtLeastAsStrict } from './check-cascade';
import { evaluateTarget } from './evaluate-target';
import type { LetterTarget, QualitativeTarget, QuantitativeTarget, TargetComparator } from './letter-target';
import { diffLetterVersions, serialiseLetterVersion } from './letter-version';

const q = (over: Partial<QuantitativeTarget> = {}): QuantitativeTarget => ({
  kind: 'quantitative',
  key: 'crime',
  title: '刑事发案率',
  weight: 5,
  evidence: null,
  indicatorId: 'criminal-cases-per-10k',
  comparator: 'lte',
  threshold: 7,
  unit: 'per_10k_population',
  per: 'year',
  ...over,
});
const ql = (over: Partial<QualitativeTarget> = {}): QualitativeTarget => ({
  kind: 'qualitative',
  key: 'planning',
  title: '纳入总体规划',
  weight: 5,
  evidence: null,
  per: 'year',
  ...over,
});

describe('evaluateTarget', () => {
  it.each<[string, LetterTarget, number | null, string]>([
    ['≤ 7, actual 6', q(), 6, 'green'],
    ['≤ 7, actual 7', q(), 7, 'green'],
    ['≤ 7, actual 7.7 (within 10 %)', q(), 7.7, 'yellow'],
    ['≤ 7, actual 7.71 (beyond 10 %)', q(), 7.71, 'red'],
    ['< 5, actual 4.9', q({ comparator: 'lt', threshold: 5 }), 4.9, 'green'],
    ['< 5, actual 5 (miss of 0: yellow)', q({ comparator: 'lt', threshold: 5 }), 5, 'yellow'],
    ['= 0, actual 0', q({ comparator: 'eq', threshold: 0 }), 0, 'green'],
    ['= 0, actual 1 (no band at 0)', q({ comparator: 'eq', threshold: 0 }), 1, 'red'],
    ['= 100, actual 95', q({ comparator: 'eq', threshold: 100 }), 95, 'yellow'],
    ['≥ 100 %, actual 100', q({ comparator: 'gte', threshold: 100, unit: 'percent' }), 100, 'green'],
    ['≥ 100 %, actual 90', q({ comparator: 'gte', threshold: 100, unit: 'percent' }), 90, 'yellow'],
    ['≥ 100 %, actual 89.9', q({ comparator: 'gte', threshold: 100, unit: 'percent' }), 89.9, 'red'],
    ['> 10, actual 11', q({ comparator: 'gt', threshold: 10 }), 11, 'green'],
    ['> 10, actual 10', q({ comparator: 'gt', threshold: 10 }), 10, 'yellow'],
    ['missing value', q(), null, 'no_data'],
    ['qualitative met', ql(), 1, 'green'],
    ['qualitative not met', ql(), 0, 'red'],
    ['qualitative no entry', ql(), null, 'no_data'],
  ])('%s', (_, target, actual, expected) => {
    expect(evaluateTarget({ target, actual, yellowMarginPercent: 10 })).toBe(expected);
  });

  it.each<[number | null, number, string]>([
    [100, 90, 'green'],
    [100, 100, 'yellow'],
    [100, 120, 'red'],
    [null, 90, 'no_data'],
  ])('fewer than last year (%s) with %s', (previousYear, actual, expected) => {
    const target = q({ comparator: 'lt', threshold: null, reference: 'previous_year', unit: 'persons' });
    expect(evaluateTarget({ target, actual, previousYear, yellowMarginPercent: 10 })).toBe(expected);
  });

  it('a margin of 0 leaves no yellow band', () => {
    expect(evaluateTarget({ target: q(), actual: 7.01, yellowMarginPercent: 0 })).toBe('red');
  });
});

describe('isAtLeastAsStrict', () => {
  it.each<[TargetComparator, number, TargetComparator, number, boolean]>([
    ['lte', 7, 'lte', 7, true],
    ['lte', 7, 'lte', 5, true],
    ['lte', 7, 'lte', 8, false],
    ['lte', 7, 'lt', 7, true],
    ['lt', 5, 'lte', 5, false],
    ['lt', 5, 'lte', 4, true],
    ['gte', 100, 'gte', 100, true],
    ['gte', 95, 'gte', 90, false],
    ['gte', 10, 'gt', 10, true],
    ['gt', 10, 'gte', 10, false],
    ['gte', 10, 'lte', 20, false],
    ['eq', 0, 'eq', 0, true],
    ['eq', 0, 'lte', 0, false],
    ['eq', 100, 'eq', 99, false],
  ])('parent %s %s, child %s %s → %s', (pc, pt, cc, ct, expected) => {
    expect(
      isAtLeastAsStrict(q({ comparator: pc, threshold: pt }), q({ comparator: cc, threshold: ct })),
    ).toBe(expected);
  });
});

describe('checkCascade', () => {
  const parent: LetterTarget[] = [
    q(),
    q({
      key: 'handling',
      indicatorId: 'case-handling-rate',
      comparator: 'gte',
      threshold: 100,
      unit: 'percent',
    }),
    ql(),
  ];
  it.each<[string, LetterTarget[], { key: string; problem: string }[]]>([
    [
      'all decomposed, same or stricter',
      [
        q({ threshold: 6 }),
        q({
          key: 'handling',
          indicatorId: 'case-handling-rate',
          comparator: 'gte',
          threshold: 100,
          unit: 'percent',
        }),
        ql(),
      ],
      [],
    ],
    [
      'by indicator under another key',
      [
        q({ key: 'c2', threshold: 7 }),
        q({
          key: 'h2',
          indicatorId: 'case-handling-rate',
          comparator: 'gte',
          threshold: 100,
          unit: 'percent',
        }),
        ql(),
      ],
      [],
    ],
    [
      'by explicit reference',
      [
        q({ key: 'x', indicatorId: 'other', decomposes: 'crime', threshold: 5 }),
        q({
          key: 'handling',
          indicatorId: 'case-handling-rate',
          comparator: 'gte',
          threshold: 100,
          unit: 'percent',
        }),
        ql({ key: 'p2', decomposes: 'planning' }),
      ],
      [],
    ],
    [
      'looser threshold',
      [
        q({ threshold: 8 }),
        q({
          key: 'handling',
          indicatorId: 'case-handling-rate',
          comparator: 'gte',
          threshold: 95,
          unit: 'percent',
        }),
        ql(),
      ],
      [
        { key: 'crime', problem: 'weaker' },
        { key: 'handling', problem: 'weaker' },
      ],
    ],
    [
      'missing targets',
      [q()],
      [
        { key: 'handling', problem: 'missing' },
        { key: 'planning', problem: 'missing' },
      ],
    ],
    [
      'qualitative decomposed only by presence',
      [
        q(),
        q({
          key: 'handling',
          indicatorId: 'case-handling-rate',
          comparator: 'gte',
          threshold: 100,
          unit: 'percent',
        }),
        ql({ title: '另写的措辞' }),
      ],
      [],
    ],
  ])('%s', (_, child, expected) => {
    const gaps = checkCascade({ parentTargets: parent, children: [{ id: 9, targets: child }] }).get(9);
    expect(gaps?.map((g) => ({ key: g.parentKey, problem: g.problem }))).toEqual(expected);
  });

  it('reports per child', () => {
    const result = checkCascade({
      parentTargets: [q()],
      children: [
        { id: 1, targets: [q()] },
        { id: 2, targets: [] },
      ],
    });
    expect(result.get(1)).toEqual([]);
    expect(result.get(2)?.[0]).toMatchObject({ parentKey: 'crime', problem: 'missing', parentThreshold: 7 });
  });
});

describe('signing rate', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [96, 96, 100],
    [96, 95, 98.9],
    [3, 1, 33.3],
    [3, 2, 66.6],
  ])('%s letters, %s signed → %s', (total, signed, rate) => {
    expect(calculateSigningRate({ total, signed })).toBe(rate);
  });
  it('refuses impossible counts', () => {
    expect(() => calculateSigningRate({ total: 1, signed: 2 })).toThrow();
  });
  it.each<[number, number, string]>([
    [2, 0, 'pending'],
    [2, 1, 'partially_signed'],
    [2, 2, 'signed'],
    [0, 0, 'pending'],
  ])('%s signatories, %s signed → %s', (signatories, signed, state) => {
    expect(decideLetterSigningState({ signatories, signed })).toBe(state);
  });
});

describe('letter versions', () => {
  const content = {
    letterId: 1,
    version: 1,
    year: 2026,
    issuer: { unitId: 1, name: '测试县' },
    recipient: { unitId: 2, name: '一号镇' },
    issueDate: '2026-03-02',
    title: '2026年度目标管理责任书',
    preamble: '为落实……',
    responsibilities: ['一、……'],
    targets: [q(), ql()],
  };
  it('serialises the same content identically whatever the key order or absent optionals', () => {
    const reordered = {
      ...content,
      targets: [{ ...ql(), indicatorId: null }, q({ reference: null })].reverse(),
    };
    expect(serialiseLetterVersion(reordered)).toBe(serialiseLetterVersion(content));
  });
  it.each<[string, Partial<typeof content>]>([
    ['a threshold', { targets: [q({ threshold: 6 }), ql()] }],
    ['the target order', { targets: [ql(), q()] }],
    ['the recipient', { recipient: { unitId: 3, name: '二号镇' } }],
    ['a responsibility', { responsibilities: ['一、……', '二、……'] }],
  ])('changes when %s changes', (_, change) => {
    expect(serialiseLetterVersion({ ...content, ...change })).not.toBe(serialiseLetterVersion(content));
  });

  it('diffs targets added, removed and changed, and the text parts', () => {
    const diff = diffLetterVersions({
      before: content,
      after: {
        ...content,
        preamble: '新的',
        targets: [q({ threshold: 6, title: '刑事发案率（调整）' }), ql({ key: 'new' })],
      },
    });
    expect(diff.added.map((t) => t.key)).toEqual(['new']);
    expect(diff.removed.map((t) => t.key)).toEqual(['planning']);
    expect(diff.changed).toEqual([expect.objectContaining({ key: 'crime', fields: ['title', 'threshold'] })]);
    expect(diff.text).toEqual({ title: false, preamble: true, responsibilities: false });
  });
});

describe('buildTargetsFromIndicators', () => {
  it('builds the seed-001 template: 19 items, one target per threshold', () => {
    const district = readPresetFiles().get('district-001') as { indicators: { items: Indicator[] } };
    const targets = buildTargetsFromIndicators(district.indicators.items);
    const numbers = new Set(targets.map((t) => t.number));
    expect(numbers.size).toBe(19);
    expect(numbers.has(19)).toBe(false);
    expect(targets.find((t) => t.key === 'criminal-case-rate')).toMatchObject({
      kind: 'quantitative',
      indicatorId: 'criminal-cases-per-10k',
      comparator: 'lte',
      threshold: 7,
    });
    expect(targets.find((t) => t.key === 'public-order-cases.disaster-accidents')).toMatchObject({
      comparator: 'eq',
      threshold: 0,
    });
    expect(targets.find((t) => t.key === 'offenders-decline')).toMatchObject({
      threshold: null,
      reference: 'previous_year',
    });
    expect(Math.round(targets.reduce((s, t) => s + t.weight, 0))).toBe(100);
  });
});
