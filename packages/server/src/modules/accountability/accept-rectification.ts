import type { AcceptRectificationRequest, CaseDetail } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { refreshEligibilityForCase } from '../eligibility/refresh-eligibility';
import { assertInScope } from './accountability-access';
import { accountabilityErrors } from './accountability.errors';
import {
  acceptAndLiftSteps,
  closeCase,
  findCase,
  listSteps,
  supersedePendingProposals,
} from './accountability.repository';
import { checkDate, today } from './case-dates';
import { getCase } from './get-case';
import { ACCOUNTABILITY_STEPS } from '@zongzhi/domain';

/**
 * 验收: the rectification of the case is accepted. Its steps are lifted on that day (a listing is
 * lifted only so; bars without a duration end here, bars of N months run their course), pending
 * proposals lapse and the case is closed. Eligibility is refreshed in the same transaction.
 */
export const acceptRectification = async (
  ctx: AppContext,
  request: FastifyRequest,
  caseId: number,
  input: AcceptRectificationRequest,
): Promise<CaseDetail> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const c = assertInScope(grants, await findCase(tx, caseId, true));
    if (c.status !== 'open') throw accountabilityErrors.fail('accountability.case_closed');
    const steps = await listSteps(tx, [c.id]);
    const current = steps.at(-1)!;
    const acceptedOn = input.acceptedOn ?? today(now);
    const errors = checkDate('body.acceptedOn', acceptedOn, now, {
      date: current.decidedOn,
      zh: '验收日期不能早于当前步骤的决定日期',
      en: 'the acceptance cannot precede the decision of the current step',
    });
    if (errors.length > 0) throw invalid(errors);
    await acceptAndLiftSteps(tx, c.id, current.id, acceptedOn);
    const lapsed = await supersedePendingProposals(
      tx,
      c.id,
      [...ACCOUNTABILITY_STEPS],
      acceptedOn,
      now,
      null,
    );
    await closeCase(tx, c.id, acceptedOn);
    await refreshEligibilityForCase(tx, c.id);
    await ctx.audit(tx, request, {
      action: 'accountability.rectification_accepted',
      outcome: 'ok',
      targetType: 'accountability_case',
      targetId: c.id,
      details: {
        stepId: current.id,
        step: current.step,
        acceptedOn,
        note: input.note,
        lapsedProposals: lapsed,
      },
    });
  });
  return getCase(ctx.db, grants, caseId, now);
};
