import { describe, expect, it } from 'vitest';
import type { EligibilityWindow } from '../rulebook/rulebook.schema';
import { calculateBarEnd, type DecidedStep, deriveBars, type HeldPost } from './derive-bars';

const cite = (article: string) => ({ doc: 'zhuzhou-2018', article });
/** 000 art. 29 (株洲县 preset): listed supervision bars for half a year. */
const listing: EligibilityWindow[] = [
  {
    id: 'listing-unit',
    months: 6,
    bars: ['comprehensive_honours'],
    who: ['unit'],
    source: cite('第二十九条'),
  },
  {
    id: 'listing-leaders',
    months: 6,
    bars: ['award', 'promotion'],
    who: ['principal', 'responsible', 'in_charge'],
    source: cite('第二十九条'),
  },
];
/** 000 art. 31: veto bars for one year. */
const veto: EligibilityWindow[] = [
  { id: 'veto-unit', months: 12, bars: ['comprehensive_honours'], who: ['unit'], source: cite('第三十一条') },
  { id: 'veto-leaders', months: 12, bars: ['award', 'promotion'], who: ['principal', 'in_charge'] },
];
/** 001 major case: until the situation has changed. */
const majorCase: EligibilityWindow[] = [
  {
    id: 'case-leaders',
    until: { zh: '治安面貌改变前', en: 'until the security situation has changed' },
    bars: ['promotion'],
    who: ['principal', 'in_charge', 'responsible'],
  },
];

const step = (over: Partial<DecidedStep>): DecidedStep => ({
  stepId: 1,
  caseId: 10,
  unitId: 100,
  step: 'listed_supervision',
  decidedOn: '2026-08-31',
  relevantOn: '2026-06-30',
  liftedOn: null,
  windows: listing,
  rulebookId: 'zhuzhou-county-2018',
  rulebookVersion: 1,
  ...over,
});

const post = (
  personId: number,
  postKind: string,
  startDate = '2025-01-01',
  endDate: string | null = null,
  unitId = 100,
): HeldPost => ({
  personId,
  unitId,
  postKind,
  startDate,
  endDate,
});

describe('calculateBarEnd: windows and their end dates', () => {
  it.each([
    ['6 months from a month end clamps to February', { months: 6 }, '2026-08-31', null, '2027-02-28'],
    ['6 months from mid-month', { months: 6 }, '2026-03-15', null, '2026-09-15'],
    ['one year', { months: 12 }, '2026-08-31', null, '2027-08-31'],
    ['one year from 29 February', { months: 12 }, '2028-02-29', null, '2029-02-28'],
    ['until, not lifted: open', { until: { zh: '改变前', en: 'until changed' } }, '2026-08-31', null, null],
    [
      'until, lifted: ends on the lift',
      { until: { zh: '改变前', en: 'until changed' } },
      '2026-08-31',
      '2026-12-01',
      '2026-12-01',
    ],
    ['months ignore a lift', { months: 6 }, '2026-08-31', '2026-09-10', '2027-02-28'],
  ] as const)('%s', (_name, duration, decidedOn, liftedOn, expected) => {
    const w: EligibilityWindow = { id: 'w', bars: ['promotion'], who: ['principal'], ...duration };
    expect(calculateBarEnd(w, decidedOn, liftedOn)).toBe(expected);
  });
});

describe('deriveBars', () => {
  const posts = [
    post(1, 'party_secretary'),
    post(2, 'chief'),
    post(3, 'deputy_in_charge'),
    post(4, 'member'),
    post(5, 'village_cadre'),
    post(6, 'grid_worker'),
  ];

  it('bars the unit from comprehensive honours and its principals and leader in charge from award and promotion', () => {
    const bars = deriveBars([step({})], posts);
    expect(bars.filter((b) => b.partyKind === 'unit').map((b) => [b.partyId, b.bar, b.from, b.to])).toEqual([
      [100, 'comprehensive_honours', '2026-08-31', '2027-02-28'],
    ]);
    const people = bars.filter((b) => b.partyKind === 'person');
    expect([...new Set(people.map((b) => b.partyId))]).toEqual([1, 2, 3]);
    expect(people.filter((b) => b.partyId === 3).map((b) => [b.bar, b.roles, b.citation?.article])).toEqual([
      ['award', ['in_charge'], '第二十九条'],
      ['promotion', ['in_charge'], '第二十九条'],
    ]);
  });

  it('maps who: principal → 第一责任人, in_charge and responsible → 直接责任人; members and cadres are not barred', () => {
    const only = (who: EligibilityWindow['who']) => [
      ...new Set(
        deriveBars([step({ windows: [{ id: 'w', months: 6, bars: ['promotion'], who }] })], posts).map(
          (b) => `${b.partyKind}:${b.partyId}`,
        ),
      ),
    ];
    expect(only(['principal'])).toEqual(['person:1', 'person:2']);
    expect(only(['in_charge'])).toEqual(['person:3']);
    expect(only(['responsible'])).toEqual(['person:3']);
    expect(only(['unit'])).toEqual(['unit:100']);
  });

  it('looks at the posts held on relevant_on, not at the decision date', () => {
    const history = [
      post(1, 'party_secretary', '2020-01-01', '2026-07-01'),
      post(7, 'party_secretary', '2026-07-01'),
      post(3, 'deputy_in_charge', '2026-07-01'),
    ];
    const people = deriveBars([step({ relevantOn: '2026-06-30' })], history).filter(
      (b) => b.partyKind === 'person',
    );
    expect([...new Set(people.map((b) => b.partyId))]).toEqual([1]);
  });

  it('ignores posts in other units and unknown post kinds', () => {
    const bars = deriveBars(
      [step({})],
      [post(1, 'party_secretary', '2025-01-01', null, 999), post(2, 'janitor')],
    );
    expect(bars.every((b) => b.partyKind === 'unit')).toBe(true);
  });

  it('gives one bar per window and bar kind to a person holding two posts, with both roles', () => {
    const bars = deriveBars([step({ windows: veto })], [post(1, 'chief'), post(1, 'deputy_in_charge')]);
    expect(bars.filter((b) => b.partyKind === 'person').map((b) => [b.bar, b.roles, b.to])).toEqual([
      ['award', ['principal', 'in_charge'], '2027-08-31'],
      ['promotion', ['principal', 'in_charge'], '2027-08-31'],
    ]);
  });

  it('keeps an until window open until the step is lifted, and drops one lifted on its decision day', () => {
    expect(deriveBars([step({ windows: majorCase })], posts).map((b) => b.to)).toEqual([null, null, null]);
    expect(
      deriveBars([step({ windows: majorCase, liftedOn: '2027-01-05' })], posts).map((b) => b.to),
    ).toEqual(['2027-01-05', '2027-01-05', '2027-01-05']);
    expect(deriveBars([step({ windows: majorCase, liftedOn: '2026-08-31' })], posts)).toEqual([]);
  });

  it('yields nothing for steps without windows (notice, interview)', () => {
    expect(deriveBars([step({ step: 'notice', windows: [] })], posts)).toEqual([]);
  });
});
