import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { assertPeriodWritable } from '../assessment/assessment-access';
import { findPeriod } from '../assessment/assessment.repository';
import { presentRound } from './get-round';
import { rewardErrors } from './rewards.errors';
import { findRound } from './rewards.repository';

/**
 * Opens the reward round of a closed annual period: the period's advanced selection (and the units
 * its computation found barred, so the exclusion stays visible) become the unit candidates.
 */
export const createRound = async (ctx: AppContext, request: FastifyRequest, body: { periodId: number }) => {
  const { grants, principal } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const period = assertPeriodWritable(grants, await findPeriod(tx, body.periodId, true));
    if (period.kind !== 'year' || period.status !== 'closed')
      throw rewardErrors.fail('rewards.period_not_closed_year');
    const existing = await tx.query('SELECT 1 FROM reward_rounds WHERE period_id = $1', [period.id]);
    if (existing.length > 0) throw rewardErrors.fail('rewards.round_exists');
    const now = ctx.clock.now();
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO reward_rounds (period_id, status, created_at, created_by) VALUES ($1, 'open', $2, $3) RETURNING id`,
      [period.id, now, principal.username],
    );
    const roundId = row!.id;
    const units = await tx.query<{ unit_id: number }>(
      `INSERT INTO reward_candidates (round_id, kind, unit_id, proposed_by, created_at)
       SELECT $1, 'advanced_unit', unit_id, 'assessment', $4 FROM assessment_results
        WHERE period_id = $2 AND version = $3 AND advanced IN ('selected', 'barred')
        ORDER BY unit_id
       RETURNING unit_id`,
      [roundId, period.id, period.version, now],
    );
    await ctx.audit(tx, request, {
      action: 'reward_round.created',
      outcome: 'ok',
      targetType: 'reward_round',
      targetId: roundId,
      details: {
        periodId: period.id,
        periodVersion: period.version,
        unitCandidates: units.map((u) => u.unit_id),
      },
    });
    return presentRound(tx, grants, (await findRound(tx, roundId))!, now);
  });
};
