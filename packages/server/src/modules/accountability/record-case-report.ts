import type { CaseDetail, RecordCaseReportRequest } from '@zongzhi/contracts';
import { findGoverningStep } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { assertInScope } from './accountability-access';
import { accountabilityErrors } from './accountability.errors';
import { findCase, insertReport, listSteps } from './accountability.repository';
import { checkDate, today } from './case-dates';
import { getCase } from './get-case';

/** A progress report, or the unit's submission that rectification is done, on the step whose deadlines run. */
export const recordCaseReport = async (
  ctx: AppContext,
  request: FastifyRequest,
  caseId: number,
  input: RecordCaseReportRequest,
): Promise<CaseDetail> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const c = assertInScope(grants, await findCase(tx, caseId, true));
    if (c.status !== 'open') throw accountabilityErrors.fail('accountability.case_closed');
    const step = findGoverningStep(await listSteps(tx, [c.id]))!;
    const submittedOn = input.submittedOn ?? today(now);
    const errors = checkDate('body.submittedOn', submittedOn, now, {
      date: step.decidedOn,
      zh: '报告日期不能早于该步骤的决定日期',
      en: 'the report cannot precede the decision of the step',
    });
    if (errors.length > 0) throw invalid(errors);
    const id = await insertReport(tx, {
      caseId: c.id,
      stepId: step.id,
      kind: input.kind,
      text: input.text,
      submittedOn,
      recordedAt: now,
      recordedBy: principal.username,
      recordedByAccountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: 'accountability.report_recorded',
      outcome: 'ok',
      targetType: 'accountability_case',
      targetId: c.id,
      details: { reportId: id, stepId: step.id, kind: input.kind, submittedOn },
    });
  });
  return getCase(ctx.db, grants, caseId, now);
};
