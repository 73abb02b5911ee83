import type { AssessmentFailure, RecordAssessmentFailureRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { conflict, field, invalid } from '../../platform/errors';
import { assertInScope } from './accountability-access';
import { findUnitRef, insertAssessmentFailure } from './accountability.repository';
import { today } from './case-dates';
import { proposeFromFacts } from './sweep-accountability';

/**
 * Records that a unit failed its assessment in a year (issue 6 will feed this from the
 * assessment); a `consecutive_failing_years` rule then proposes its step at once.
 */
export const recordAssessmentFailure = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: RecordAssessmentFailureRequest,
): Promise<AssessmentFailure> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unit = assertInScope(grants, await findUnitRef(tx, input.unitId));
    if (input.year > Number(today(now).slice(0, 4)))
      throw invalid([field('body.year', '年份不能晚于今年', 'the year cannot be in the future')]);
    const row = await insertAssessmentFailure(tx, {
      unitId: unit.id,
      year: input.year,
      note: input.note ?? null,
      recordedAt: now,
      recordedBy: principal.username,
      recordedByAccountId: principal.accountId,
    });
    if (!row)
      throw conflict([field('body.year', '该年度已记录为不合格', 'the year is already recorded as failed')]);
    const proposals = await proposeFromFacts(tx, { asOf: today(now), now, unitIds: [unit.id] });
    await ctx.audit(tx, request, {
      action: 'accountability.assessment_failure_recorded',
      outcome: 'ok',
      targetType: 'unit',
      targetId: unit.id,
      details: { year: input.year, failureId: row.id, proposals },
    });
    return {
      id: row.id,
      unitId: unit.id,
      year: input.year,
      note: row.note,
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at.toISOString(),
    };
  });
};
