import {
  type AssessmentSettings,
  type Indicator,
  type Rulebook,
  type UnitKind,
  assessmentSchemeFor,
  rankUnits,
  scoreUnit,
  selectAdvanced,
  toChinaDate,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import {
  type NewResult,
  type PeriodRow,
  insertResults,
  listHonourBars,
  listUnitsBelow,
} from './assessment.repository';
import { periodBounds } from './assessment-period-key';
import { collectUnitFacts } from './collect-unit-facts';

type Rules = Rulebook['indicators'];

/** Kinds the rules assess: those the indicators name; every kind when one names none (or there are none). */
const assessedKinds = (rules: Rules): Set<string> | null => {
  const items: readonly Indicator[] = rules.items;
  if (items.length === 0 || items.some((i) => i.who === undefined)) return null;
  return new Set(items.flatMap((i) => i.who ?? []));
};

/**
 * Computes the results of a period (pure domain decisions over the facts held) and stores them as
 * `version`. Deterministic: the rules are the period's frozen snapshot, the facts are read for the
 * period's units and dates only, and the output is ordered; so a re-run over unchanged facts gives
 * identical rows. Returns the failing units (grade failing or vetoed).
 */
export const computeResults = async (
  q: Queryable,
  period: PeriodRow,
  o: { version: number; now: Date; reason: string | null },
): Promise<{ units: number; failing: number[] }> => {
  const rules = period.rules as Rules;
  const settings: AssessmentSettings = rules.assessment;
  const bounds = periodBounds(period.kind, period.periodKey)!;
  const kinds = assessedKinds(rules);
  const units = (await listUnitsBelow(q, { id: period.rootUnitId, path: period.rootPath })).filter(
    (u) => kinds === null || kinds.has(u.kind),
  );
  const facts = await collectUnitFacts(q, {
    unitIds: units.map((u) => u.id),
    periodKey: period.periodKey,
    start: bounds.start,
    end: bounds.end,
    year: bounds.year,
    today: toChinaDate(o.now),
  });
  // 月比 / 季查 / 年评: the rulebook's period of this kind says whether it ranks and grades.
  const definition = settings.periods.find((p) => p.unit === period.kind);
  const ranks = definition?.ranked ?? true;
  const grades = definition?.graded ?? true;
  const rulebook = { id: period.rulebookId, version: period.rulebookVersion, indicators: rules };
  const scores = new Map(
    units.map((u) => {
      const scheme = assessmentSchemeFor({ rulebook, unitKind: u.kind as UnitKind });
      return [u.id, scoreUnit(scheme, facts.get(u.id)?.facts ?? {})];
    }),
  );
  const ranked = rankUnits(
    units.map((u) => {
      const s = scores.get(u.id)!;
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
  const bars = await listHonourBars(
    q,
    units.map((u) => u.id),
    bounds.end,
  );
  const barred = new Map<string, typeof bars>();
  for (const bar of bars) barred.set(String(bar.unitId), [...(barred.get(String(bar.unitId)) ?? []), bar]);
  const advanced = selectAdvanced(ranked, { rules: settings.advanced, barred });
  const decisionOf = new Map(advanced.decisions.map((d) => [d.unitId, d]));
  // Each explanation names its group's size, places and how many were chosen, not the chosen units
  // themselves: their list in every row grew as units² (25,000 units overflowed the insert).
  const groupOf = new Map(
    advanced.groups.map(({ selected, ...g }) => [g.group, { ...g, selectedCount: selected.length }]),
  );
  const byId = new Map(units.map((u) => [String(u.id), u]));
  const rows: NewResult[] = ranked.map((r) => {
    const unit = byId.get(r.unitId)!;
    const score = scores.get(unit.id)!;
    const decision = decisionOf.get(r.unitId);
    // Advanced places are chosen only in a period that ranks and grades (年评).
    const outcome = ranks && grades ? (decision?.outcome ?? 'not_ranked') : 'not_applicable';
    const grade = grades ? score.grade : null;
    return {
      unitId: unit.id,
      unitKind: unit.kind,
      unitDepth: unit.depth,
      score: score.score,
      gradeId: grade?.id ?? null,
      gradeFailing: grades && (score.vetoed || (grade?.failing ?? false)),
      vetoed: score.vetoed,
      group: r.group,
      rank: ranks ? r.rank : null,
      notRanked: ranks ? r.notRanked : 'period_not_ranked',
      advanced: outcome,
      advancedReasons:
        outcome === 'barred' ? (decision?.reasons ?? []).map(({ unitId: _u, ...bar }) => bar) : [],
      explanation: {
        unitScore: score,
        facts: facts.get(unit.id)?.sources ?? {},
        period: definition ?? null,
        ranking: { group: r.group, rank: r.rank, notRanked: r.notRanked, rules: settings.ranking },
        advanced: {
          outcome,
          group: groupOf.get(r.group) ?? null,
          rules: settings.advanced,
        },
      },
    };
  });
  await insertResults(
    q,
    {
      periodId: period.id,
      version: o.version,
      rulebookId: period.rulebookId,
      rulebookVersion: period.rulebookVersion,
      computedAt: o.now,
      reason: o.reason,
    },
    rows,
  );
  return { units: rows.length, failing: rows.filter((r) => r.gradeFailing).map((r) => r.unitId) };
};
