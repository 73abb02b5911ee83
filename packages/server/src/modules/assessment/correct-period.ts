import type { CorrectAssessmentRequest, CloseAssessmentResponse } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { assertPeriodWritable } from './assessment-access';
import { assessmentErrors } from './assessment.errors';
import { findPeriod, presentPeriod, setPeriodComputed } from './assessment.repository';
import { computeResults } from './compute-results';
import { recordAnnualFailures } from './record-failures';

/**
 * Corrects a closed period: its results are computed again over the facts as they now stand
 * (under the period's frozen rules) and stored as a new version with the reason; the old version
 * stays. Audited. A unit newly failing an annual period is recorded as failing.
 */
export const correctPeriod = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: CorrectAssessmentRequest,
): Promise<CloseAssessmentResponse> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const period = assertPeriodWritable(grants, await findPeriod(tx, id, true));
    if (period.status !== 'closed') throw assessmentErrors.fail('assessment.not_closed');
    const version = period.version + 1;
    // Rows of the new version first: the frozen period accepts only rows above its version.
    const computed = await computeResults(tx, period, { version, now, reason: input.reason });
    await setPeriodComputed(tx, period.id, version, now);
    const outcome = await recordAnnualFailures(tx, {
      unitIds: period.kind === 'year' ? computed.failing : [],
      year: Number(period.periodKey.slice(0, 4)),
      note: `考核期间 #${period.id} 第 ${version} 版（更正）/ assessment period #${period.id} version ${version} (correction)`,
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
      action: 'assessment.corrected',
      outcome: 'ok',
      targetType: 'assessment_period',
      targetId: period.id,
      details: {
        fromVersion: period.version,
        version,
        reason: input.reason,
        units: computed.units,
        ...outcome,
      },
    });
    return { period: presentPeriod((await findPeriod(tx, period.id))!), ...outcome };
  });
};
