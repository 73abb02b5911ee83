import type { CaseDetail, RecordCircumstanceRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { conflict, field, invalid } from '../../platform/errors';
import { assertInScope } from './accountability-access';
import { accountabilityErrors } from './accountability.errors';
import { findCase, findIncidentRef, insertCircumstance } from './accountability.repository';
import { getCase } from './get-case';
import { loadUnitRules } from './load-unit-rules';

/** Records an aggravating or mitigating circumstance of the unit's rulebook (000 arts. 34–35) on a case. */
export const recordCircumstance = async (
  ctx: AppContext,
  request: FastifyRequest,
  caseId: number,
  input: RecordCircumstanceRequest,
): Promise<CaseDetail> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const c = assertInScope(grants, await findCase(tx, caseId, true));
    if (c.status !== 'open') throw accountabilityErrors.fail('accountability.case_closed');
    const rules = await loadUnitRules(tx, { id: c.unitId, unitPath: c.unitPath }, now);
    const errors = [];
    if (!rules.rulebook.ladder[input.kind].some((x) => x.id === input.circumstanceId))
      errors.push(
        field('body.circumstanceId', '规则集中没有这一情节', 'the rulebook has no such circumstance'),
      );
    if (input.incidentId !== undefined) {
      const incident = await findIncidentRef(tx, input.incidentId);
      if (!incident || incident.unitId !== c.unitId)
        errors.push(field('body.incidentId', '该单位没有这一案事件', 'the unit has no such incident'));
    }
    if (errors.length > 0) throw invalid(errors);
    const id = await insertCircumstance(tx, {
      caseId: c.id,
      kind: input.kind,
      circumstanceId: input.circumstanceId,
      note: input.note ?? null,
      incidentId: input.incidentId ?? null,
      recordedAt: now,
      recordedBy: principal.username,
      recordedByAccountId: principal.accountId,
    });
    if (id === undefined)
      throw conflict([field('body.circumstanceId', '该情节已记录', 'the circumstance is already recorded')]);
    await ctx.audit(tx, request, {
      action: 'accountability.circumstance_recorded',
      outcome: 'ok',
      targetType: 'accountability_case',
      targetId: c.id,
      details: {
        circumstanceRecordId: id,
        kind: input.kind,
        circumstanceId: input.circumstanceId,
        incidentId: input.incidentId ?? null,
      },
    });
  });
  return getCase(ctx.db, grants, caseId, now);
};
