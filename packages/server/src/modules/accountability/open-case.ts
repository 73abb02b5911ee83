import type { CaseDetail, OpenCaseRequest } from '@zongzhi/contracts';
import { type UnitKind, decideNextStep } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { assertInScope } from './accountability-access';
import { findUnitRef, insertCase } from './accountability.repository';
import { checkDate, today } from './case-dates';
import { decideStepInTx } from './decide-step-core';
import { getCase } from './get-case';
import { loadUnitRules } from './load-unit-rules';
import { proposeFromFacts } from './sweep-accountability';

/**
 * Opens a case against a unit for a situation of its rulebook and decides its first step at once:
 * the first rung (通报), or a higher step directly with the trigger that warrants it.
 */
export const openCase = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: OpenCaseRequest,
): Promise<CaseDetail> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const unit = assertInScope(grants, await findUnitRef(tx, input.unitId));
    const rules = await loadUnitRules(tx, unit, now);
    const ladder = rules.rulebook.ladder;
    const decidedOn = input.decidedOn ?? today(now);
    const errors = [
      ...(unit.validTo !== null ? [field('body.unitId', '该单位已撤销', 'the unit has been closed')] : []),
      ...(ladder.situations.some((s) => s.id === input.situationId)
        ? []
        : [field('body.situationId', '规则集中没有这一追责情形', 'the rulebook has no such situation')]),
      ...checkDate('body.relevantOn', input.relevantOn, now),
      ...checkDate('body.decidedOn', decidedOn, now, {
        date: input.relevantOn,
        zh: '决定日期不能早于责任认定日期',
        en: 'the decision cannot precede the relevant date',
      }),
    ];
    if (errors.length > 0) throw invalid(errors);
    const step = input.step ?? decideNextStep(ladder, unit.kind as UnitKind, null);
    if (!step) throw invalid([field('body.step', '规则集没有追责步骤', 'the rulebook has no ladder steps')]);
    const caseId = await insertCase(tx, {
      unitId: unit.id,
      relevantOn: input.relevantOn,
      situationId: input.situationId,
      rulebookId: rules.rulebookId,
      rulebookVersion: rules.version,
      facts: input.facts,
      majorCase: false,
      incidentId: null,
      openedOn: decidedOn,
      openedAt: now,
      openedBy: principal.username,
      openedByAccountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: 'accountability.case_opened',
      outcome: 'ok',
      targetType: 'accountability_case',
      targetId: caseId,
      details: {
        unitId: unit.id,
        situationId: input.situationId,
        relevantOn: input.relevantOn,
        step,
        triggerId: input.triggerId ?? null,
      },
    });
    await decideStepInTx(tx, ctx, request, {
      caseRow: {
        id: caseId,
        unitId: unit.id,
        unitName: unit.name,
        unitKind: unit.kind,
        unitPath: unit.unitPath,
        parentId: unit.parentId,
        relevantOn: input.relevantOn,
        situationId: input.situationId,
        facts: input.facts,
      },
      current: null,
      step,
      triggerId: input.triggerId ?? null,
      reason: null,
      decisionBody: input.decisionBody,
      decidedOn,
      proposalId: null,
      rules,
    });
    // A decision can complete a rule over the unit's history (listed twice in a row → yellow card).
    await proposeFromFacts(tx, { asOf: today(now), now, unitIds: [unit.id] });
    return caseId;
  });
  return getCase(ctx.db, grants, id, now);
};
