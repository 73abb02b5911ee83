import type { RewardRound } from '@zongzhi/contracts';
import {
  ADVANCED_INDIVIDUALS_FIELD,
  advancedIndividualPlaces,
  advancedPlaces,
  toChinaDate,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertPeriodVisible } from '../assessment/assessment-access';
import { buildAnswer } from '../eligibility/query-eligibility';
import { listPartyBars } from '../eligibility/eligibility.repository';
import {
  type RoundRow,
  countAssessedLeaders,
  countPeriodResults,
  findRound,
  individualsRulesOf,
  listCandidates,
  purposeOf,
  unitQuotaOf,
} from './rewards.repository';

/**
 * 先进个人名额 from the period's frozen rules (`indicators.assessment.advancedIndividuals`): its
 * percentage of the leaders (holders of its roles) of the assessed units on the period's last day.
 * A period frozen before the parameter existed keeps the quota it was opened with: the units'
 * percentage of the ranked units, shown as such.
 */
const individualsQuota = async (q: Queryable, round: RoundRow, rankedUnits: number) => {
  const rules = individualsRulesOf(round.rules);
  const units = unitQuotaOf(round.rules);
  const onDate = round.periodEnd;
  if (!rules) {
    const [assessed] = await q.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM assessment_results WHERE period_id = $1 AND version = $2',
      [round.periodId, round.periodVersion],
    );
    return {
      field: ADVANCED_INDIVIDUALS_FIELD,
      basis: 'legacy_units_quota' as const,
      percent: units.percent,
      rounding: units.rounding,
      roles: [],
      onDate,
      assessedUnits: assessed?.n ?? 0,
      base: rankedUnits,
      places: advancedPlaces(rankedUnits, { quotaPercent: units.percent, rounding: units.rounding }),
      source: null,
    };
  }
  const counted = await countAssessedLeaders(q, round.periodId, round.periodVersion, onDate, rules.roles);
  return {
    field: ADVANCED_INDIVIDUALS_FIELD,
    basis: rules.basis,
    percent: rules.percent,
    rounding: rules.rounding,
    roles: rules.roles,
    onDate,
    assessedUnits: counted.units,
    base: counted.leaders,
    places: advancedIndividualPlaces(counted.leaders, rules),
    source: rules.source ?? null,
  };
};

/**
 * A round with its candidates judged on `asOf` (the decision date once decided, else today): each
 * candidate barred by an accountability consequence (unit: comprehensive honours; person: award)
 * carries every bar that excludes it — case, step, rule and article, end date.
 */
export const presentRound = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  round: RoundRow,
  now: Date,
): Promise<RewardRound> => {
  const asOf = round.decidedOn ?? toChinaDate(now);
  const counts = await countPeriodResults(q, round.periodId, round.periodVersion);
  const units = unitQuotaOf(round.rules);
  const individuals = await individualsQuota(q, round, counts.ranked);
  const candidates = await Promise.all(
    (await listCandidates(q, grants, round.id)).map(async (c) => {
      const answer = buildAnswer(c.party, await listPartyBars(q, c.party, asOf), asOf, purposeOf(c));
      return { ...c, eligible: answer.eligible, exclusions: answer.reasons };
    }),
  );
  return {
    id: round.id,
    periodId: round.periodId,
    year: round.year,
    rootUnitId: round.rootUnitId,
    rootUnitName: round.rootUnitName,
    status: round.status,
    asOf,
    quota: {
      percent: units.percent,
      rounding: units.rounding,
      rankedUnits: counts.ranked,
      advancedUnits: counts.selected,
      advancedIndividuals: individuals.places,
      individuals,
    },
    candidates,
  };
};

export const getRound = async (q: Queryable, grants: readonly RoleGrant[], id: number, now: Date) =>
  presentRound(q, grants, assertPeriodVisible(grants, await findRound(q, id)), now);
