import type { RewardRound } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertPeriodVisible } from '../assessment/assessment-access';
import { buildAnswer } from '../eligibility/query-eligibility';
import { listPartyBars } from '../eligibility/eligibility.repository';
import {
  type RoundRow,
  countPeriodResults,
  findRound,
  listCandidates,
  purposeOf,
  quotaOf,
} from './rewards.repository';

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
  const quota = quotaOf(round.rules, counts.ranked);
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
      percent: quota.percent,
      rounding: quota.rounding,
      rankedUnits: counts.ranked,
      advancedUnits: counts.selected,
      advancedIndividuals: quota.places,
    },
    candidates,
  };
};

export const getRound = async (q: Queryable, grants: readonly RoleGrant[], id: number, now: Date) =>
  presentRound(q, grants, assertPeriodVisible(grants, await findRound(q, id)), now);
