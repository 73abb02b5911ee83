import type { FileSafetyReportRequest, SafetyReport } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { assertFiler, getSafetyReport } from './get-safety-report';
import {
  calculateClosesOn,
  calculateReportMonth,
  decideMonthStatus,
  findFilingWindow,
} from './safety-report-month';
import { safetyReportErrors } from './safety-reports.errors';
import { calculateFigures, insertRevision } from './safety-reports.repository';

/**
 * Files a unit's 平安报表 of a month: the entered fields as given, beside a snapshot of the
 * figures the system holds now (never asked of the unit). Filing again while the month is open
 * adds a revision; the earlier ones stay.
 */
export const fileSafetyReport = async (
  ctx: AppContext,
  request: FastifyRequest,
  unitId: number,
  month: string,
  input: FileSafetyReportRequest,
): Promise<SafetyReport> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unit = await assertFiler(tx, grants, unitId, now);
    const m = calculateReportMonth(month);
    const closesOn = calculateClosesOn({ month: m, filingWindow: await findFilingWindow(tx, unit, now) });
    const status = decideMonthStatus({ month: m, closesOn, now });
    if (status === 'not_started')
      throw invalid([field('params.month', '该月尚未开始，不能填报', 'the month has not begun yet')]);
    if (status === 'closed') throw safetyReportErrors.fail('safety_reports.month_closed');
    const prefilled = (await calculateFigures(tx, { units: [unit], ...m, today: toChinaDate(now) })).get(
      unit.id,
    )!;
    const revision = await insertRevision(tx, {
      unitId: unit.id,
      month,
      prefilled,
      entered: input,
      filedAt: now,
      filedBy: principal.username,
      filedByAccountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: revision === 1 ? 'safety_report.filed' : 'safety_report.revised',
      outcome: 'ok',
      targetType: 'unit',
      targetId: unit.id,
      details: { month, revision, prefilled, entered: input },
    });
    return getSafetyReport(tx, { grants, now }, unit.id, month);
  });
};
