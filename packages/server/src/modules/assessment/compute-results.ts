import {
  type AssessmentScheme,
  type AssessmentSettings,
  type Indicator,
  type Rulebook,
  type UnitKind,
  assessmentSchemeFor,
  indicatorMeasureKeys,
  rankUnits,
  scoreUnitPoints,
  selectAdvanced,
  toChinaDate,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { type NewResultSet, type PeriodRow, insertResultSet, listHonourBars } from './assessment.repository';
import { periodBounds } from './assessment-period-key';
import { collectFacts, subtreeIsWholeTree } from './collect-unit-facts';

type Rules = Rulebook['indicators'];

/** Kinds the rules assess: those the indicators name; every kind when one names none (or there are none). */
const assessedKinds = (rules: Rules): string[] | null => {
  const items: readonly Indicator[] = rules.items;
  if (items.length === 0 || items.some((i) => i.who === undefined)) return null;
  return [...new Set(items.flatMap((i) => i.who ?? []))].sort();
};

/** Every measure key the rules' indicators read, each once, in the indicators' order. */
export const factKeysOf = (rules: Rules): string[] => [...new Set(rules.items.flatMap(indicatorMeasureKeys))];

/**
 * A unit kind's scheme, and where each of the rules' indicators sits in it (-1: not this kind's),
 * built once per kind: the scheme is the same for every unit of a kind.
 */
const schemesByKind = (rulebook: { id: string; version: number; indicators: Rules }) => {
  const cache = new Map<string, { scheme: AssessmentScheme; slot: number[] }>();
  return (kind: string) => {
    let entry = cache.get(kind);
    if (!entry) {
      const scheme = assessmentSchemeFor({ rulebook, unitKind: kind as UnitKind });
      const slot = rulebook.indicators.items.map((item) =>
        scheme.indicators.findIndex((i) => i.id === item.id),
      );
      entry = { scheme, slot };
      cache.set(kind, entry);
    }
    return entry;
  };
};

/**
 * Computes the results of a period (pure domain decisions over the facts held) as `version`, the
 * record of the whole computation (assessment_result_sets), without storing it. Deterministic: the
 * rules are the period's frozen snapshot, the facts are read for the period's units and dates only
 * (as on `factsAsOf`, by default the China date of `now`), and the output is ordered; so a re-run
 * over unchanged facts gives identical figures. Each unit's facts go with its points, so its
 * explanation is rebuilt from them by the same scoring. Also returns the failing units (grade
 * failing or vetoed).
 */
export const computeResultSet = async (
  q: Queryable,
  period: PeriodRow,
  o: { version: number; now: Date; reason: string | null; factsAsOf?: string },
): Promise<{ set: NewResultSet; failing: number[] }> => {
  const rules = period.rules as Rules;
  const settings: AssessmentSettings = rules.assessment;
  const bounds = periodBounds(period.kind, period.periodKey)!;
  const root = { id: period.rootUnitId, path: period.rootPath };
  const today = o.factsAsOf ?? toChinaDate(o.now);
  const { units, facts } = await collectFacts(q, {
    units: {
      subtree: { ...root, wholeTree: await subtreeIsWholeTree(q, root) },
      kinds: assessedKinds(rules),
    },
    periodKey: period.periodKey,
    start: bounds.start,
    end: bounds.end,
    year: bounds.year,
    today,
  });
  // 月比 / 季查 / 年评: the rulebook's period of this kind says whether it ranks and grades.
  const definition = settings.periods.find((p) => p.unit === period.kind);
  const ranks = definition?.ranked ?? true;
  const grades = definition?.graded ?? true;
  const schemeOf = schemesByKind({
    id: period.rulebookId,
    version: period.rulebookVersion,
    indicators: rules,
  });
  const scores = units.map((u) => scoreUnitPoints(schemeOf(u.kind).scheme, facts.get(u.id) ?? {}));
  const ranked = rankUnits(
    units.map((u, i) => {
      const s = scores[i]!;
      return {
        unitId: String(u.id),
        kind: u.kind,
        level: u.depth,
        score: s.score,
        vetoed: s.vetoed,
        gradeId: s.grade?.id ?? null,
        indicatorsWithData: s.indicatorsWithData,
      };
    }),
    settings.ranking,
  );
  const barred = new Map<string, Awaited<ReturnType<typeof listHonourBars>>>();
  for (const bar of await listHonourBars(q, root, bounds.end)) {
    const key = String(bar.unitId);
    const list = barred.get(key);
    if (list) list.push(bar);
    else barred.set(key, [bar]);
  }
  const advanced = selectAdvanced(ranked, { rules: settings.advanced, barred });
  const decisionOf = new Map(advanced.decisions.map((d) => [d.unitId, d]));
  const indexOf = new Map(units.map((u, i) => [String(u.id), i]));
  const factKeys = factKeysOf(rules);
  const set: NewResultSet = {
    periodId: period.id,
    version: o.version,
    rulebookId: period.rulebookId,
    rulebookVersion: period.rulebookVersion,
    computedAt: o.now,
    reason: o.reason,
    factsAsOf: today,
    indicatorIds: rules.items.map((i) => i.id),
    factKeys,
    unitIds: [],
    unitKinds: [],
    unitDepths: [],
    scores: [],
    gradeIds: [],
    gradeFailing: [],
    vetoed: [],
    rankGroups: [],
    ranks: [],
    notRanked: [],
    advanced: [],
    indicatorsWithData: [],
    points: [],
    factValues: [],
    factNumerators: [],
    factDenominators: [],
    factPrevious: [],
    advancedReasons: {},
    // Each group's size, places and how many were chosen, not the chosen units themselves.
    advancedGroups: Object.fromEntries(
      advanced.groups.map(({ selected, ...g }) => [g.group, { ...g, selectedCount: selected.length }]),
    ),
  };
  const failing: number[] = [];
  // In ranking order (group, rank, unit): the set's positions are the ranking table's rows.
  for (const r of ranked) {
    const i = indexOf.get(r.unitId)!;
    const unit = units[i]!;
    const score = scores[i]!;
    const decision = decisionOf.get(r.unitId);
    // Advanced places are chosen only in a period that ranks and grades (年评).
    const outcome = ranks && grades ? (decision?.outcome ?? 'not_ranked') : 'not_applicable';
    const grade = grades ? score.grade : null;
    const gradeFailing = grades && (score.vetoed || (grade?.failing ?? false));
    set.unitIds.push(unit.id);
    set.unitKinds.push(unit.kind);
    set.unitDepths.push(unit.depth);
    set.scores.push(score.score);
    set.gradeIds.push(grade?.id ?? null);
    set.gradeFailing.push(gradeFailing);
    set.vetoed.push(score.vetoed);
    set.rankGroups.push(r.group);
    set.ranks.push(ranks ? r.rank : null);
    set.notRanked.push(ranks ? r.notRanked : 'period_not_ranked');
    set.advanced.push(outcome);
    set.indicatorsWithData.push(score.indicatorsWithData);
    if (outcome === 'barred')
      set.advancedReasons[r.unitId] = (decision?.reasons ?? []).map(({ unitId: _u, ...bar }) => bar);
    for (const slot of schemeOf(unit.kind).slot)
      set.points.push(slot < 0 ? null : (score.points[slot] ?? null));
    const unitFacts = facts.get(unit.id) ?? {};
    for (const key of factKeys) {
      const fact = Object.hasOwn(unitFacts, key) ? unitFacts[key] : undefined;
      set.factValues.push(fact?.value ?? null);
      set.factNumerators.push(fact?.basis?.numerator ?? null);
      set.factDenominators.push(fact?.basis?.denominator ?? null);
      set.factPrevious.push(fact?.previousYear ?? null);
    }
    if (gradeFailing) failing.push(unit.id);
  }
  return { set, failing };
};

/** Computes the results of a period as `version` and stores them (see computeResultSet). */
export const computeResults = async (
  q: Queryable,
  period: PeriodRow,
  o: { version: number; now: Date; reason: string | null },
): Promise<{ units: number; failing: number[] }> => {
  const { set, failing } = await computeResultSet(q, period, o);
  await insertResultSet(q, set);
  return { units: set.unitIds.length, failing };
};
