import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { assertPeriodWritable } from '../assessment/assessment-access';
import { findVisiblePeople } from '../eligibility/party-scope';
import { presentRound } from './get-round';
import { rewardErrors } from './rewards.errors';
import { findRound } from './rewards.repository';

/** The operator proposes an individual (先进个人, 嘉奖 or 表扬) for an open round. */
export const addCandidate = async (
  ctx: AppContext,
  request: FastifyRequest,
  roundId: number,
  body: { personId: number; kind: 'praise' | 'citation' | 'advanced_individual' },
) => {
  const { grants, principal } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const round = assertPeriodWritable(grants, await findRound(tx, roundId, true));
    if (round.status !== 'open') throw rewardErrors.fail('rewards.round_decided');
    if (!(await findVisiblePeople(tx, grants, [body.personId])).has(body.personId))
      throw invalid([field('body.personId', '人员不存在', 'No such person')]);
    const dup = await tx.query(
      'SELECT 1 FROM reward_candidates WHERE round_id = $1 AND person_id = $2 AND kind = $3',
      [roundId, body.personId, body.kind],
    );
    if (dup.length > 0) throw rewardErrors.fail('rewards.candidate_exists');
    const now = ctx.clock.now();
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO reward_candidates (round_id, kind, person_id, proposed_by, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [roundId, body.kind, body.personId, principal.username, now],
    );
    await ctx.audit(tx, request, {
      action: 'reward_candidate.proposed',
      outcome: 'ok',
      targetType: 'reward_round',
      targetId: roundId,
      details: { candidateId: row!.id, personId: body.personId, kind: body.kind },
    });
    return presentRound(tx, grants, round, now);
  });
};
