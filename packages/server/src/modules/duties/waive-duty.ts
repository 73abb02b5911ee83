import type { DutyOccurrenceDetail, WaiveDutyRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { assertInScope } from './duties-access';
import { dutyErrors } from './duties.errors';
import { findOccurrence, markWaived } from './duties.repository';
import { calculateToday } from './duty-dates';
import { getDuty } from './get-duty';

/** Waives an open occurrence with a reason (a unit founded late in the period, a merged body…). */
export const waiveDuty = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: WaiveDutyRequest,
): Promise<DutyOccurrenceDetail> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const occurrence = assertInScope(grants, await findOccurrence(tx, id, { forUpdate: true }));
    if (occurrence.waiver) throw dutyErrors.fail('duties.already_waived');
    if (occurrence.fulfilledOn) throw dutyErrors.fail('duties.already_fulfilled');
    await markWaived(tx, {
      occurrenceId: id,
      at: now,
      by: principal.username,
      byAccountId: principal.accountId,
      reason: input.reason,
    });
    await ctx.audit(tx, request, {
      action: 'duty.waived',
      outcome: 'ok',
      targetType: 'duty_occurrence',
      targetId: id,
      details: {
        dutyId: occurrence.dutyId,
        unitId: occurrence.unitId,
        periodKey: occurrence.periodKey,
        reason: input.reason,
      },
    });
    return getDuty(tx, { grants, today: calculateToday(now) }, id);
  });
};
