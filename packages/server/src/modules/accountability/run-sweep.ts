import type { RunSweepRequest, SweepResult } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { checkDate } from './case-dates';
import { sweepAccountability } from './sweep-accountability';

/** Runs the escalation sweep now (as the scheduler does), audited with what it proposed. */
export const runSweep = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: RunSweepRequest,
): Promise<SweepResult> => {
  const now = ctx.clock.now();
  if (input.asOf) {
    const errors = checkDate('body.asOf', input.asOf, now);
    if (errors.length > 0) throw invalid(errors);
  }
  const result = await sweepAccountability(ctx.db, ctx.clock, { asOf: input.asOf });
  await ctx.db.transaction(async (tx) =>
    ctx.audit(tx, request, {
      action: 'accountability.sweep_run',
      outcome: 'ok',
      targetType: 'accountability_sweep',
      targetId: null,
      details: { asOf: result.asOf, ran: result.ran, proposalIds: result.proposalIds },
    }),
  );
  return { asOf: result.asOf, ran: result.ran, proposalsCreated: result.proposalsCreated };
};
