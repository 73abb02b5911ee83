import type { CreateFindingRequest, Finding } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type FieldError, field, invalid } from '../../platform/errors';
import { loadWorkCalendar } from '../calendar/load-work-calendar';
import { assertCanInspect, assertEitherInScope, assertInScope } from './inspections-access';
import { findInspection, findTask, findUnitRef, type InspectionRow } from './inspections.repository';
import { checkDeadlineOverride, issueFinding } from './issue-finding';
import { loadSupervisionRules } from './load-supervision-rules';
import { presentFinding } from './present-rectification';

/** The inspection, in scope and written to only by its inspecting side. */
export const loadInspectionForWrite = async (
  q: Parameters<typeof findInspection>[0],
  request: FastifyRequest,
  id: number,
): Promise<InspectionRow> => {
  const { grants } = getAccess(request);
  const inspection = assertEitherInScope(grants, await findInspection(q, id), (i) => [
    i.unitPath,
    i.inspectingUnitPath,
  ]);
  assertCanInspect(grants, inspection.inspectingUnitPath, inspection.inspectingBody);
  return inspection;
};

/**
 * Adds a finding to an inspection's list and issues its rectification task to the owner unit (the
 * inspected unit, or a unit below it), with the responsible person on the issue date and the
 * deadline from the inspecting unit's rulebook — or an override with its reason.
 */
export const recordFinding = async (
  ctx: AppContext,
  request: FastifyRequest,
  inspectionId: number,
  input: CreateFindingRequest,
): Promise<Finding> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = toChinaDate(now);
  return ctx.db.transaction(async (tx) => {
    const inspection = await loadInspectionForWrite(tx, request, inspectionId);
    const owner =
      input.ownerUnitId === undefined
        ? { id: inspection.unitId, unitPath: inspection.unitPath }
        : assertInScope(grants, await findUnitRef(tx, input.ownerUnitId));
    const errors: FieldError[] = checkDeadlineOverride(input, today, {
      deadline: 'body.deadline',
      reason: 'body.deadlineReason',
    });
    if (!owner.unitPath.startsWith(inspection.unitPath))
      errors.push(
        field(
          'body.ownerUnitId',
          '整改责任单位须是被检查单位或其下级',
          'the owner must be the inspected unit or below it',
        ),
      );
    if (errors.length > 0) throw invalid(errors);

    const rules = await loadSupervisionRules(
      tx,
      { id: inspection.inspectingUnitId, unitPath: inspection.inspectingUnitPath },
      now,
    );
    const taskId = await issueFinding(tx, {
      inspectionId,
      input: { ...input, ownerUnit: owner },
      rules,
      calendar: await loadWorkCalendar(tx),
      issuedOn: today,
      now,
      by: principal.username,
    });
    const task = (await findTask(tx, taskId))!;
    await ctx.audit(tx, request, {
      action: 'inspection_finding.recorded',
      outcome: 'ok',
      targetType: 'rectification_task',
      targetId: taskId,
      details: {
        inspectionId,
        findingId: task.findingId,
        severity: task.severity,
        ownerUnitId: task.ownerUnitId,
        responsiblePersonId: task.responsiblePersonId,
        issuedOn: task.issuedOn,
        deadline: task.deadline,
        deadlineBasis: task.deadlineBasis,
        deadlineReason: task.deadlineReason,
        period: task.period,
        rulebookId: task.rulebookId,
        rulebookVersion: task.rulebookVersion,
      },
    });
    return presentFinding(task, today, rules.supervision.rectification.dueSoonDays);
  });
};
