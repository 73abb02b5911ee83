import type { CreateInspectionRequest, Inspection } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type FieldError, field, invalid, notFound } from '../../platform/errors';
import { assertCanInspect, assertEitherInScope, assertInScope } from './inspections-access';
import {
  findInspection,
  findPlan,
  findTasksOfFindings,
  findUnitRefs,
  insertInspection,
} from './inspections.repository';
import { loadSupervisionRules } from './load-supervision-rules';
import { presentInspection } from './present-inspection';
import { findKindRule } from './supervision-kind';

/**
 * Records an inspection carried out on a unit: inside a plan (then of the plan's kind, inspecting
 * unit and targets) or on its own. A re-inspection (复查) names the earlier findings it checks
 * again; they must concern the inspected unit or units below it.
 */
export const createInspection = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreateInspectionRequest,
): Promise<Inspection> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = toChinaDate(now);
  return ctx.db.transaction(async (tx) => {
    const units = await findUnitRefs(tx, [input.inspectingUnitId, input.unitId]);
    const inspecting = assertInScope(grants, units.get(input.inspectingUnitId));
    const unit = assertInScope(grants, units.get(input.unitId));
    const plan =
      input.planId === undefined
        ? undefined
        : assertEitherInScope(grants, await findPlan(tx, input.planId), (p) => [
            p.inspectingUnitPath,
            ...p.targets.map((t) => t.unitPath),
          ]);
    const rules = await loadSupervisionRules(tx, inspecting, now);
    const kind = findKindRule(rules.supervision, input.kind);
    assertCanInspect(grants, inspecting.unitPath, kind.carriedOutBy);

    const errors: FieldError[] = [];
    if (plan) {
      if (plan.kind !== input.kind)
        errors.push(field('body.kind', '检查方式与计划不一致', 'the kind differs from the plan’s'));
      if (plan.inspectingUnitId !== inspecting.id)
        errors.push(
          field(
            'body.inspectingUnitId',
            '检查单位与计划不一致',
            'the inspecting unit differs from the plan’s',
          ),
        );
      if (!plan.targets.some((t) => t.unitId === unit.id))
        errors.push(
          field('body.unitId', '该单位不是计划的被检查单位', 'the unit is not a target of the plan'),
        );
    }
    if (!unit.unitPath.startsWith(inspecting.unitPath))
      errors.push(
        field('body.unitId', '被检查单位须在检查单位之下', 'the unit must lie under the inspecting unit'),
      );
    if (input.carriedOutOn > today)
      errors.push(
        field('body.carriedOutOn', '检查日期不能晚于今天', 'the inspection cannot be in the future'),
      );
    if (input.recheckFindingIds.length > 0) {
      const earlier = await findTasksOfFindings(tx, input.recheckFindingIds);
      input.recheckFindingIds.forEach((findingId, i) => {
        const found = earlier.find((t) => t.findingId === findingId);
        if (!found?.ownerUnitPath.startsWith(unit.unitPath))
          errors.push(
            field(
              `body.recheckFindingIds.${i}`,
              '复查的问题不存在或不属于被检查单位',
              'no such finding of the inspected unit to re-inspect',
            ),
          );
      });
    }
    if (errors.length > 0) throw invalid(errors);

    const id = await insertInspection(tx, {
      planId: plan?.id ?? null,
      kind: input.kind,
      inspectingUnitId: inspecting.id,
      inspectingBody: kind.carriedOutBy,
      unitId: unit.id,
      carriedOutOn: input.carriedOutOn,
      inspectors: input.inspectors,
      summary: input.summary ?? null,
      recheckFindingIds: input.recheckFindingIds,
      createdAt: now,
      createdBy: principal.username,
    });
    await ctx.audit(tx, request, {
      action: 'inspection.recorded',
      outcome: 'ok',
      targetType: 'inspection',
      targetId: id,
      details: {
        planId: plan?.id ?? null,
        kind: input.kind,
        inspectingUnitId: inspecting.id,
        unitId: unit.id,
        carriedOutOn: input.carriedOutOn,
        recheckFindingIds: input.recheckFindingIds,
      },
    });
    const created = await findInspection(tx, id);
    if (!created) throw notFound();
    return presentInspection(created);
  });
};
