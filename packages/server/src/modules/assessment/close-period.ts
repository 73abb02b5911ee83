import type { CloseAssessmentResponse } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { assertPeriodWritable } from './assessment-access';
import { assessmentErrors } from './assessment.errors';
import { findPeriod, listResults, presentPeriod, setPeriodClosed } from './assessment.repository';
import { recordAnnualFailures } from './record-failures';

/**
 * Closes (freezes) a computed period. Closing an annual period records each failing unit's
 * failed year with the accountability module, whose rules may then propose a veto.
 */
export const closePeriod = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
): Promise<CloseAssessmentResponse> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const period = assertPeriodWritable(grants, await findPeriod(tx, id, true));
    if (period.status === 'closed') throw assessmentErrors.fail('assessment.closed');
    if (period.version === 0) throw assessmentErrors.fail('assessment.not_computed');
    await setPeriodClosed(tx, period.id, now, principal.username);
    const failing =
      period.kind === 'year'
        ? (await listResults(tx, period, period.version)).filter((r) => r.failing).map((r) => r.unitId)
        : [];
    const outcome = await recordAnnualFailures(tx, {
      unitIds: failing,
      year: Number(period.periodKey.slice(0, 4)),
      note: `考核期间 #${period.id} 第 ${period.version} 版 / assessment period #${period.id} version ${period.version}`,
      now,
      by: principal.username,
      byAccountId: principal.accountId,
      audit: (unitId, details) =>
        ctx.audit(tx, request, {
          action: 'accountability.assessment_failure_recorded',
          outcome: 'ok',
          targetType: 'unit',
          targetId: unitId,
          details,
        }),
    });
    await ctx.audit(tx, request, {
      action: 'assessment.closed',
      outcome: 'ok',
      targetType: 'assessment_period',
      targetId: period.id,
      details: { version: period.version, ...outcome },
    });
    return { period: presentPeriod((await findPeriod(tx, period.id))!), ...outcome };
  });
};
