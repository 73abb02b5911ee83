import type { FastifyRequest } from 'fastify';
import { toChinaDate } from '@zongzhi/domain';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { assertPeriodWritable } from '../assessment/assessment-access';
import { presentRound } from './get-round';
import { rewardErrors } from './rewards.errors';
import { findRound } from './rewards.repository';

/**
 * 决定表彰: the chosen candidates become rewards on today's date. Every chosen candidate must be
 * eligible today (a barred one is refused with its bars named), advanced units may not exceed the
 * period's advanced selection and advanced individuals the rulebook's own quota for them
 * (`indicators.assessment.advancedIndividuals`). All or nothing.
 */
export const decideRound = async (
  ctx: AppContext,
  request: FastifyRequest,
  roundId: number,
  body: { candidateIds: number[] },
) => {
  const { grants, principal } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const round = assertPeriodWritable(grants, await findRound(tx, roundId, true));
    if (round.status !== 'open') throw rewardErrors.fail('rewards.round_decided');
    const now = ctx.clock.now();
    const view = await presentRound(tx, grants, round, now);
    const byId = new Map(view.candidates.map((c) => [c.id, c]));
    const ids = [...new Set(body.candidateIds)];
    const errors = ids.flatMap((id, i) => {
      const c = byId.get(id);
      if (!c) return [field(`body.candidateIds.${i}`, '候选人不存在', 'No such candidate in this round')];
      if (!c.eligible) {
        const r = c.exclusions[0]!;
        return [
          field(
            `body.candidateIds.${i}`,
            `${c.party.name}因问责（案件${r.caseId}，${r.step}）${r.to ? `至${r.to}前` : ''}不得参评`,
            `${c.party.name} is barred by accountability case ${r.caseId} (${r.step})${r.to ? ` until ${r.to}` : ''}`,
          ),
        ];
      }
      return [];
    });
    if (errors.length > 0) throw invalid(errors);
    const chosen = ids.map((id) => byId.get(id)!);
    const units = chosen.filter((c) => c.kind === 'advanced_unit').length;
    const individuals = chosen.filter((c) => c.kind === 'advanced_individual').length;
    if (units > view.quota.advancedUnits)
      throw invalid([
        field(
          'body.candidateIds',
          `先进单位超出评先比例（最多${view.quota.advancedUnits}个）`,
          `More advanced units than the quota allows (${view.quota.advancedUnits})`,
        ),
      ]);
    if (individuals > view.quota.advancedIndividuals) {
      const q = view.quota.individuals;
      throw invalid([
        field(
          'body.candidateIds',
          `先进个人超出名额（最多${q.places}名，规则集参数 ${q.field}：${q.percent}% × ${q.base}）`,
          `More advanced individuals than the quota allows (${q.places}; rulebook parameter ${q.field}: ${q.percent}% of ${q.base})`,
        ),
      ]);
    }
    const today = toChinaDate(now);
    await tx.query(
      `INSERT INTO rewards (round_id, candidate_id, kind, person_id, unit_id, year, decided_on, decided_by, created_at)
       SELECT $1, c.id, c.kind, c.person_id, c.unit_id, $3, $4, $5, $6
         FROM reward_candidates c WHERE c.round_id = $1 AND c.id = ANY($2::bigint[])`,
      [roundId, ids, round.year, today, principal.username, now],
    );
    await tx.query(
      `UPDATE reward_rounds SET status = 'decided', decided_on = $2, decided_at = $3, decided_by = $4 WHERE id = $1`,
      [roundId, today, now, principal.username],
    );
    await ctx.audit(tx, request, {
      action: 'reward_round.decided',
      outcome: 'ok',
      targetType: 'reward_round',
      targetId: roundId,
      details: {
        candidateIds: ids,
        advancedUnits: units,
        advancedIndividuals: individuals,
        quota: view.quota,
      },
    });
    return presentRound(tx, grants, (await findRound(tx, roundId))!, now);
  });
};
