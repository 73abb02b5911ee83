import type { AssessmentExplanation } from '@zongzhi/contracts';
import {
  type FactValue,
  type Rulebook,
  type UnitKind,
  assessmentSchemeFor,
  scoreUnit,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { type RoleGrant, isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { assertPeriodVisible } from './assessment-access';
import {
  findPeriod,
  findUnitCells,
  listResults,
  presentPeriod,
  presentResult,
} from './assessment.repository';
import { periodBounds } from './assessment-period-key';
import { collectFacts } from './collect-unit-facts';

/** Whether a fact counted now differs from the one stored at the computation. */
const differs = (stored: FactValue | undefined, now: FactValue | undefined) =>
  stored?.value !== now?.value ||
  stored?.basis?.numerator !== now?.basis?.numerator ||
  stored?.basis?.denominator !== now?.basis?.denominator ||
  stored?.previousYear !== now?.previousYear;

/**
 * One unit's score explained: each indicator's inputs, rule, points and the rows behind each fact.
 * The inputs are the facts stored with the computation; the explanation is rebuilt from them by the
 * same pure scoring under the period's frozen rules, so it shows exactly the points stored. The rows
 * behind each fact are looked up now, counted as on the computation's date; a fact whose count has
 * changed since (a late correction of the data) is listed in `factsChanged`, and the score stands as
 * computed until the period is recomputed or corrected.
 */
export const getUnitExplanation = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  params: { id: number; unitId: number },
): Promise<AssessmentExplanation> => {
  const period = assertPeriodVisible(grants, await findPeriod(q, params.id));
  const [result] = period.version === 0 ? [] : await listResults(q, period, period.version, params.unitId);
  if (!result || !isInScope(grants, result.unitPath)) throw notFound();
  const cells = await findUnitCells(q, {
    periodId: period.id,
    version: period.version,
    position: result.position,
    group: result.group,
  });
  if (!cells) throw notFound();
  const stored: Record<string, FactValue> = {};
  cells.factKeys.forEach((key, i) => {
    const value = cells.factValues[i];
    if (value === null || value === undefined) return;
    const numerator = cells.factNumerators[i];
    const denominator = cells.factDenominators[i];
    const previous = cells.factPrevious[i];
    stored[key] = {
      value,
      ...(numerator === null || numerator === undefined || denominator === null || denominator === undefined
        ? {}
        : { basis: { numerator, denominator } }),
      ...(previous === null || previous === undefined ? {} : { previousYear: previous }),
    };
  });
  const bounds = periodBounds(period.kind, period.periodKey)!;
  const live = await collectFacts(
    q,
    {
      units: { ids: [result.unitId] },
      periodKey: period.periodKey,
      start: bounds.start,
      end: bounds.end,
      year: bounds.year,
      today: cells.factsAsOf,
    },
    { rows: true },
  );
  const now = live.facts.get(result.unitId) ?? {};
  // The stored facts with the rows counted now, so the drill-down reaches the records.
  const facts: Record<string, FactValue> = Object.fromEntries(
    Object.entries(stored).map(([key, fact]) => {
      const refs = now[key]?.refs;
      return [key, refs === undefined ? fact : { ...fact, refs }];
    }),
  );
  const rules = period.rules as Rulebook['indicators'];
  const scheme = assessmentSchemeFor({
    rulebook: { id: result.rulebookId, version: result.rulebookVersion, indicators: rules },
    unitKind: result.unitKind as UnitKind,
  });
  const unitScore = scoreUnit(scheme, facts);
  return {
    period: presentPeriod(period),
    version: period.version,
    result: presentResult(result),
    rulebook: { id: result.rulebookId, version: result.rulebookVersion },
    computedAt: result.computedAt,
    reason: result.reason,
    factsAsOf: cells.factsAsOf,
    unitScore,
    facts: live.sources.get(result.unitId) ?? {},
    factsChanged: cells.factKeys.filter((key) => differs(stored[key], now[key])),
    group: cells.group,
  };
};
