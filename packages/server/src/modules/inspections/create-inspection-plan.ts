import type { CreateInspectionPlanRequest, InspectionPlan } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type FieldError, field, invalid } from '../../platform/errors';
import { assertCanInspect, assertInScope } from './inspections-access';
import { findPlan, findUnitRefs, insertPlan } from './inspections.repository';
import { loadSupervisionRules } from './load-supervision-rules';
import { presentPlan } from './present-inspection';
import { findKindRule } from './supervision-kind';

/**
 * Plans inspections of one kind by an inspecting unit over target units below it (or itself, for a
 * self-check), in a period, optionally split into areas (分片督查). Who carries the kind out comes
 * from the inspecting unit's rulebook; the office's kinds need an operator over the inspecting unit.
 */
export const createInspectionPlan = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreateInspectionPlanRequest,
): Promise<InspectionPlan> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = toChinaDate(now);
  return ctx.db.transaction(async (tx) => {
    const units = await findUnitRefs(tx, [input.inspectingUnitId, ...input.targetUnitIds]);
    const inspecting = assertInScope(grants, units.get(input.inspectingUnitId));
    const targets = input.targetUnitIds.map((id) => assertInScope(grants, units.get(id)));
    const rules = await loadSupervisionRules(tx, inspecting, now);
    const kind = findKindRule(rules.supervision, input.kind);
    assertCanInspect(grants, inspecting.unitPath, kind.carriedOutBy);

    const errors: FieldError[] = [];
    if (input.periodFrom > input.periodTo)
      errors.push(
        field('body.periodTo', '结束日期不能早于开始日期', 'the period cannot end before it starts'),
      );
    targets.forEach((t, i) => {
      if (!t.unitPath.startsWith(inspecting.unitPath))
        errors.push(
          field(
            `body.targetUnitIds.${i}`,
            '被检查单位须在检查单位之下',
            'a target must lie under the inspecting unit',
          ),
        );
      else if (t.validTo !== null && t.validTo <= today)
        errors.push(field(`body.targetUnitIds.${i}`, '该单位已撤销', 'the unit has been closed'));
    });
    if (new Set(input.targetUnitIds).size !== input.targetUnitIds.length)
      errors.push(field('body.targetUnitIds', '被检查单位重复', 'a target is listed twice'));
    const areaOf = new Map<number, string>();
    input.areas.forEach((area, a) => {
      area.unitIds.forEach((unitId, i) => {
        if (!input.targetUnitIds.includes(unitId) || areaOf.has(unitId))
          errors.push(
            field(
              `body.areas.${a}.unitIds.${i}`,
              '片区中的单位须是本计划的被检查单位，且只属于一个片区',
              'an area’s unit must be a target of the plan, in one area only',
            ),
          );
        else areaOf.set(unitId, area.name);
      });
    });
    if (errors.length > 0) throw invalid(errors);

    const id = await insertPlan(tx, {
      kind: input.kind,
      title: input.title,
      inspectingUnitId: inspecting.id,
      inspectingBody: kind.carriedOutBy,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      note: input.note ?? null,
      createdAt: now,
      createdBy: principal.username,
      targets: targets.map((t) => ({ unitId: t.id, area: areaOf.get(t.id) ?? null })),
    });
    await ctx.audit(tx, request, {
      action: 'inspection_plan.created',
      outcome: 'ok',
      targetType: 'inspection_plan',
      targetId: id,
      details: {
        kind: input.kind,
        inspectingUnitId: inspecting.id,
        inspectingBody: kind.carriedOutBy,
        targetUnitIds: input.targetUnitIds,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        areas: input.areas.map((a) => a.name),
        rulebookId: rules.rulebookId,
        rulebookVersion: rules.rulebookVersion,
      },
    });
    return presentPlan((await findPlan(tx, id))!);
  });
};
