import type { CaseDetail, OpenMajorCaseRequest } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { assertInScope } from './accountability-access';
import { accountabilityErrors } from './accountability.errors';
import { findIncidentRef, findUnitRef, insertCase } from './accountability.repository';
import { checkDate, today } from './case-dates';
import { decideStepInTx } from './decide-step-core';
import { getCase } from './get-case';
import { loadUnitRules } from './load-unit-rules';

/**
 * 重大案件领导责任查究 (seed 001): opens a case from a recorded incident, relevant on the day it
 * happened, and issues the 查究通知书. The results are due within the rulebook's limit counted
 * from the notice (one month); the windows of that limit keep the unit out of selections and its
 * leaders from promotion until the case is accepted (lifted).
 */
export const openMajorCase = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: OpenMajorCaseRequest,
): Promise<CaseDetail> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const incident = await findIncidentRef(tx, input.incidentId);
    if (!incident || !grants.some((g) => incident.unitPath.startsWith(g.unitPath)))
      throw invalid([field('body.incidentId', '没有这一案事件', 'no such incident')]);
    const unit = assertInScope(grants, await findUnitRef(tx, incident.unitId));
    const existing = await tx.query(
      'SELECT 1 FROM accountability_cases WHERE incident_id = $1 AND major_case',
      [incident.id],
    );
    if (existing.length > 0) throw accountabilityErrors.fail('accountability.major_case_exists');
    const rules = await loadUnitRules(tx, unit, now);
    const relevantOn = toChinaDate(incident.occurredAt);
    const decidedOn = input.decidedOn ?? today(now);
    const errors = [
      ...(rules.rulebook.ladder.situations.some((s) => s.id === input.situationId)
        ? []
        : [field('body.situationId', '规则集中没有这一追责情形', 'the rulebook has no such situation')]),
      ...checkDate('body.decidedOn', decidedOn, now, {
        date: relevantOn,
        zh: '决定日期不能早于案事件发生日期',
        en: 'the decision cannot precede the incident',
      }),
    ];
    if (errors.length > 0) throw invalid(errors);
    const facts = input.facts ?? incident.summary;
    const caseId = await insertCase(tx, {
      unitId: unit.id,
      relevantOn,
      situationId: input.situationId,
      rulebookId: rules.rulebookId,
      rulebookVersion: rules.version,
      facts,
      majorCase: true,
      incidentId: incident.id,
      openedOn: decidedOn,
      openedAt: now,
      openedBy: principal.username,
      openedByAccountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: 'accountability.major_case_opened',
      outcome: 'ok',
      targetType: 'accountability_case',
      targetId: caseId,
      details: { unitId: unit.id, incidentId: incident.id, situationId: input.situationId, relevantOn },
    });
    await decideStepInTx(tx, ctx, request, {
      caseRow: {
        id: caseId,
        unitId: unit.id,
        unitName: unit.name,
        unitKind: unit.kind,
        unitPath: unit.unitPath,
        parentId: unit.parentId,
        relevantOn,
        situationId: input.situationId,
        facts,
      },
      current: null,
      step: 'major_case_notice',
      triggerId: null,
      reason: null,
      decisionBody: input.decisionBody ?? 'committee',
      decidedOn,
      proposalId: null,
      rules,
    });
    return caseId;
  });
  return getCase(ctx.db, grants, id, now);
};
