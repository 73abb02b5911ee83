import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bilingual } from '../units/unit-kinds';
import { type RankingEntry, rankUnits } from './rank-units';
import { type AdvancedRules, advancedPlaces, selectAdvanced } from './select-advanced';
import { entry } from './test/assessment-factory';

const RULES: AdvancedRules = {
  quotaPercent: 20,
  rounding: 'floor',
  ties: 'all_out',
  eligibleGrades: ['excellent'],
};
const NONE = new Map<string, Bilingual[]>();
const rank = (entries: RankingEntry[]) =>
  rankUnits(entries, { groupBy: ['kind', 'level'], minimumIndicators: 3 });

/** Ten towns scoring 99, 98, … 90: all excellent, two places at 20 %. */
const tenTowns = (scores = [99, 98, 97, 96, 95, 94, 93, 92, 91, 90]) =>
  scores.map((score, index) => entry(`t${index}`, score));

const selected = (entries: RankingEntry[], rules: Partial<AdvancedRules> = {}, barred = NONE) =>
  selectAdvanced(rank(entries), { rules: { ...RULES, ...rules }, barred }).groups.flatMap((g) => g.selected);

describe('advancedPlaces', () => {
  it.each([
    [10, 20, 'floor', 2],
    [5, 20, 'floor', 1],
    [7, 20, 'floor', 1],
    [7, 20, 'round', 1],
    [8, 20, 'round', 2],
    [7, 20, 'ceil', 2],
    [5, 20, 'ceil', 1],
    [3, 10, 'floor', 0],
    [0, 20, 'ceil', 0],
  ] as const)('%i ranked units at %i percent, %s → %i places', (count, quotaPercent, rounding, places) => {
    expect(advancedPlaces(count, { quotaPercent, rounding })).toBe(places);
  });
});

describe('selectAdvanced', () => {
  it('selects the best units within the quota', () => {
    expect(selected(tenTowns())).toEqual(['t0', 't1']);
  });

  it.each<[string, number[], Partial<AdvancedRules>, string[]]>([
    [
      'tie at the cut-off, all out: the tied are left out',
      [99, 98, 98, 97, 96, 95, 94, 93, 92, 91],
      { ties: 'all_out' },
      ['t0'],
    ],
    [
      'tie at the cut-off, all in: the tied are all selected',
      [99, 98, 98, 97, 96, 95, 94, 93, 92, 91],
      { ties: 'all_in' },
      ['t0', 't1', 't2'],
    ],
    [
      'tie for the first place, all out: no one',
      [99, 99, 99, 97, 96, 95, 94, 93, 92, 91],
      { ties: 'all_out' },
      [],
    ],
    [
      'tie inside the quota is no cut-off tie',
      [99, 99, 97, 97, 96, 95, 94, 93, 92, 91],
      { ties: 'all_out' },
      ['t0', 't1'],
    ],
  ])('%s', (_, scores, rules, expected) => {
    expect(selected(tenTowns(scores), rules)).toEqual(expected);
  });

  it('marks the tied units at the cut-off and those below it', () => {
    const towns = tenTowns([99, 98, 98, 97, 96, 95, 94, 93, 92, 91]);
    const outcome = (ties: AdvancedRules['ties']) =>
      selectAdvanced(rank(towns), { rules: { ...RULES, ties }, barred: NONE })
        .decisions.slice(0, 4)
        .map((d) => [d.unitId, d.outcome]);
    expect(outcome('all_in')).toEqual([
      ['t0', 'selected'],
      ['t1', 'selected'],
      ['t2', 'selected_tied'],
      ['t3', 'below_cut_off'],
    ]);
    expect(outcome('all_out')).toEqual([
      ['t0', 'selected'],
      ['t1', 'tied_out'],
      ['t2', 'tied_out'],
      ['t3', 'below_cut_off'],
    ]);
  });

  it('excludes a barred unit with its reasons shown, and the next unit takes the place', () => {
    const reason = {
      zh: '挂牌督办，半年内取消综合性评选资格',
      en: 'listed supervision: barred for six months',
    };
    const barred = new Map([['t0', [reason]]]);
    const result = selectAdvanced(rank(tenTowns()), { rules: RULES, barred });
    expect(result.groups[0]?.selected).toEqual(['t1', 't2']);
    expect(result.decisions[0]).toEqual({
      unitId: 't0',
      group: 'kind=town|level=3',
      rank: 1,
      outcome: 'barred',
      reasons: [reason],
    });
  });

  it('takes only units of an eligible grade, and lists the unranked', () => {
    const towns = [
      entry('a', 95),
      entry('b', 85),
      entry('c', 80),
      entry('d', 70),
      entry('e', 60),
      entry('f', 99, { indicatorsWithData: 1 }),
    ];
    const result = selectAdvanced(rank(towns), { rules: { ...RULES, quotaPercent: 40 }, barred: NONE });
    expect(result.groups).toEqual([
      { group: 'kind=town|level=3', rankedCount: 5, places: 2, selected: ['a'] },
    ]);
    expect(result.decisions.map((d) => [d.unitId, d.outcome])).toEqual([
      ['a', 'selected'],
      ['b', 'grade_not_eligible'],
      ['c', 'grade_not_eligible'],
      ['d', 'grade_not_eligible'],
      ['e', 'grade_not_eligible'],
      ['f', 'not_ranked'],
    ]);
  });

  it('fills the quota of each ranking group separately', () => {
    const units = [
      ...tenTowns(),
      ...[95, 94, 93, 92, 91].map((s, i) => entry(`d${i}`, s, { kind: 'department' })),
    ];
    expect(selectAdvanced(rank(units), { rules: RULES, barred: NONE }).groups).toEqual([
      { group: 'kind=department|level=3', rankedCount: 5, places: 1, selected: ['d0'] },
      { group: 'kind=town|level=3', rankedCount: 10, places: 2, selected: ['t0', 't1'] },
    ]);
  });

  const arbitrary = fc.record({
    scores: fc.array(fc.integer({ min: 85, max: 100 }), { minLength: 1, maxLength: 25 }),
    barredIndexes: fc.uniqueArray(fc.nat(24), { maxLength: 5 }),
    quotaPercent: fc.integer({ min: 0, max: 100 }),
    rounding: fc.constantFrom<AdvancedRules['rounding']>('floor', 'round', 'ceil'),
    ties: fc.constantFrom<AdvancedRules['ties']>('all_in', 'all_out'),
  });

  it('never selects a barred unit; never exceeds the quota unless tied at the cut-off under all_in (property)', () => {
    fc.assert(
      fc.property(arbitrary, ({ scores, barredIndexes, quotaPercent, rounding, ties }) => {
        const units = scores.map((s, i) => entry(`u${String(i).padStart(2, '0')}`, s));
        const barred = new Map(
          barredIndexes
            .filter((i) => i < units.length)
            .map((i) => [units[i]!.unitId, [{ zh: '禁', en: 'barred' }]]),
        );
        const ranked = rank(units);
        const rules = { ...RULES, quotaPercent, rounding, ties };
        const { groups, decisions } = selectAdvanced(ranked, { rules, barred });
        const group = groups[0]!;
        for (const id of group.selected) expect(barred.has(id)).toBe(false);
        const rankOf = new Map(ranked.map((u) => [u.unitId, u.rank]));
        if (ties === 'all_out' || group.selected.length <= group.places)
          expect(group.selected.length).toBeLessThanOrEqual(group.places);
        else {
          // Beyond the quota only units sharing the rank of the last place.
          const extra = decisions.filter((d) => d.outcome === 'selected_tied');
          const lastRank = rankOf.get(group.selected[group.selected.length - 1]!);
          for (const d of extra) expect(d.rank).toBe(lastRank);
        }
        // A selected unit is never ranked below an eligible candidate left out for the cut-off.
        const worstSelected = Math.max(...group.selected.map((id) => rankOf.get(id)!));
        for (const d of decisions.filter((x) => x.outcome === 'below_cut_off' || x.outcome === 'tied_out'))
          expect(d.rank!).toBeGreaterThanOrEqual(group.selected.length === 0 ? 1 : worstSelected);
      }),
    );
  });
});
