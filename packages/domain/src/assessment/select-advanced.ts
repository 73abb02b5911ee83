import type { AssessmentSettings } from '../rulebook/rulebook.schema';
import type { RankedUnit } from './rank-units';

export type AdvancedRules = Pick<
  AssessmentSettings['advanced'],
  'quotaPercent' | 'rounding' | 'ties' | 'eligibleGrades'
>;

export type AdvancedOutcome =
  | 'selected'
  /** Selected beyond the quota because tied at the last place and the rule is `all_in`. */
  | 'selected_tied'
  /** Tied at the last place and the rule is `all_out`. */
  | 'tied_out'
  | 'below_cut_off'
  /** Barred by an accountability consequence: excluded, the reasons shown. */
  | 'barred'
  | 'grade_not_eligible'
  | 'not_ranked';

export type AdvancedDecision<R> = {
  unitId: string;
  group: string;
  rank: number | null;
  outcome: AdvancedOutcome;
  /** The bars that exclude the unit (only for `barred`). */
  reasons: readonly R[];
};

export type AdvancedGroup = {
  group: string;
  rankedCount: number;
  /** quotaPercent × rankedCount / 100, rounded per the rulebook. */
  places: number;
  selected: string[];
};

export type AdvancedSelection<R> = { groups: AdvancedGroup[]; decisions: AdvancedDecision<R>[] };

const compareRankThenUnit = (a: RankedUnit, b: RankedUnit) =>
  a.rank! - b.rank! || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

const isInRankOrder = (units: readonly RankedUnit[]) => {
  for (let i = 1; i < units.length; i += 1)
    if (compareRankThenUnit(units[i - 1]!, units[i]!) > 0) return false;
  return true;
};

/** Places of a group: a tolerance keeps 20 % of 5 at exactly 1 despite binary fractions. */
export const advancedPlaces = (
  rankedCount: number,
  rules: Pick<AdvancedRules, 'quotaPercent' | 'rounding'>,
) => {
  const exact = (rules.quotaPercent * rankedCount) / 100;
  switch (rules.rounding) {
    case 'floor':
      return Math.max(0, Math.floor(exact + 1e-9));
    case 'ceil':
      return Math.max(0, Math.ceil(exact - 1e-9));
    case 'round':
      return Math.max(0, Math.round(exact + 1e-9));
  }
};

/**
 * 评先: chooses the advanced units of each ranking group within the quota (评先比例, 000 arts. 21–25).
 *
 * - Places per group = `quotaPercent` of its ranked units, rounded per the rulebook.
 * - Candidates, in rank order, are ranked units graded one of `eligibleGrades` and not barred. A
 *   unit barred by an accountability consequence (`barred`: unit id → its bars) is excluded with
 *   its reasons and takes no place: the next candidate moves up. So is a unit of another grade.
 * - Ties at the cut-off (candidates sharing the rank of the last place, some beyond it): `all_in`
 *   selects them all, exceeding the quota; `all_out` selects none of them, leaving places empty.
 *   Either way, units with equal results are never separated.
 */
export const selectAdvanced = <R>(
  ranked: readonly RankedUnit[],
  { rules, barred }: { rules: AdvancedRules; barred: ReadonlyMap<string, readonly R[]> },
): AdvancedSelection<R> => {
  const byGroup = new Map<string, RankedUnit[]>();
  for (const unit of ranked) {
    const members = byGroup.get(unit.group);
    if (members) members.push(unit);
    else byGroup.set(unit.group, [unit]);
  }
  const groups: AdvancedGroup[] = [];
  const decisions: AdvancedDecision<R>[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    const members = byGroup.get(group)!;
    const inRankOrder = members.filter((u) => u.rank !== null);
    // rankUnits already gives this order; sorted only when a caller's input is not in it.
    if (!isInRankOrder(inRankOrder)) inRankOrder.sort(compareRankThenUnit);
    const places = advancedPlaces(inRankOrder.length, rules);
    const outcome = new Map<string, AdvancedOutcome>();
    const candidates: RankedUnit[] = [];
    for (const unit of inRankOrder) {
      if ((barred.get(unit.unitId)?.length ?? 0) > 0) outcome.set(unit.unitId, 'barred');
      else if (unit.gradeId === null || !rules.eligibleGrades.includes(unit.gradeId))
        outcome.set(unit.unitId, 'grade_not_eligible');
      else candidates.push(unit);
    }
    const last = places > 0 ? candidates[places - 1] : undefined;
    const tieCrossesCutOff = last !== undefined && candidates[places]?.rank === last.rank;
    candidates.forEach((unit, index) => {
      if (index < places && !(tieCrossesCutOff && unit.rank === last?.rank && rules.ties === 'all_out'))
        outcome.set(unit.unitId, 'selected');
      else if (tieCrossesCutOff && unit.rank === last?.rank)
        outcome.set(unit.unitId, rules.ties === 'all_in' ? 'selected_tied' : 'tied_out');
      else outcome.set(unit.unitId, 'below_cut_off');
    });
    for (const unit of members) {
      const result = outcome.get(unit.unitId) ?? 'not_ranked';
      decisions.push({
        unitId: unit.unitId,
        group,
        rank: unit.rank,
        outcome: result,
        reasons: result === 'barred' ? (barred.get(unit.unitId) ?? []) : [],
      });
    }
    groups.push({
      group,
      rankedCount: inRankOrder.length,
      places,
      selected: candidates
        .filter((u) => {
          const o = outcome.get(u.unitId);
          return o === 'selected' || o === 'selected_tied';
        })
        .map((u) => u.unitId),
    });
  }
  return { groups, decisions };
};
