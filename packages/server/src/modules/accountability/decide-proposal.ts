import type { DecideProposalRequest, Proposal } from '@zongzhi/contracts';
import type { AccountabilityStep } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { assertInScope } from './accountability-access';
import { accountabilityErrors } from './accountability.errors';
import {
  type CaseRow,
  acceptProposalRow,
  findCase,
  findProposal,
  findUnitRef,
  insertCase,
  listSteps,
  rejectProposalRow,
} from './accountability.repository';
import { checkDate, today } from './case-dates';
import { decideStepInTx } from './decide-step-core';
import { findUnitRules, loadUnitRules } from './load-unit-rules';
import { presentProposal } from './present-case';
import { proposeFromFacts } from './sweep-accountability';

/**
 * People decide what the system proposes: accepting decides the proposed step (opening the case
 * first when the proposal came from facts without one) with the deciding body recorded, and
 * issues its document; rejecting records the reason. Either way the proposal is closed.
 */
export const decideProposal = async (
  ctx: AppContext,
  request: FastifyRequest,
  proposalId: number,
  input: DecideProposalRequest,
): Promise<Proposal> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const p = assertInScope(grants, await findProposal(tx, proposalId, true));
    if (p.status !== 'pending') throw accountabilityErrors.fail('accountability.proposal_decided');
    if (input.decision === 'reject') {
      await rejectProposalRow(tx, {
        id: p.id,
        decidedOn: today(now),
        decidedAt: now,
        decidedBy: principal.username,
        decidedByAccountId: principal.accountId,
        reason: input.reason,
      });
      await ctx.audit(tx, request, {
        action: 'accountability.proposal_rejected',
        outcome: 'ok',
        targetType: 'accountability_proposal',
        targetId: p.id,
        details: { caseId: p.caseId, unitId: p.unitId, step: p.step, reason: input.reason },
      });
      return;
    }
    const decidedOn = input.decidedOn ?? today(now);
    const unit = (await findUnitRef(tx, p.unitId))!;
    const rules = await loadUnitRules(tx, unit, now);
    let caseId = p.caseId;
    let current: AccountabilityStep | null = null;
    let caseRow: CaseRow;
    if (caseId === null) {
      const relevantOn = p.relevantOn!;
      const errors = checkDate('body.decidedOn', decidedOn, now, {
        date: relevantOn,
        zh: '决定日期不能早于责任认定日期',
        en: 'the decision cannot precede the relevant date',
      });
      if (errors.length > 0) throw invalid(errors);
      const facts = `系统建议（${p.reason}）：${JSON.stringify(p.facts)}`;
      caseId = await insertCase(tx, {
        unitId: unit.id,
        relevantOn,
        situationId: p.situationId!,
        rulebookId: rules.rulebookId,
        rulebookVersion: rules.version,
        facts,
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
        details: { unitId: unit.id, situationId: p.situationId, relevantOn, proposalId: p.id },
      });
      caseRow = (await findCase(tx, caseId))!;
    } else {
      caseRow = (await findCase(tx, caseId, true))!;
      if (caseRow.status !== 'open') throw accountabilityErrors.fail('accountability.case_closed');
      const errors = checkDate('body.decidedOn', decidedOn, now, {
        date: caseRow.relevantOn,
        zh: '决定日期不能早于责任认定日期',
        en: 'the decision cannot precede the relevant date',
      });
      if (errors.length > 0) throw invalid(errors);
      current = (await listSteps(tx, [caseId])).at(-1)?.step ?? null;
    }
    const decided = await decideStepInTx(tx, ctx, request, {
      caseRow,
      current,
      step: p.step,
      triggerId: null,
      reason: input.note ?? null,
      decisionBody: input.decisionBody,
      decidedOn,
      proposalId: p.id,
      rules,
      paths: {
        step: 'params.id',
        triggerId: 'params.id',
        decisionBody: 'body.decisionBody',
        decidedOn: 'body.decidedOn',
      },
    });
    await acceptProposalRow(tx, {
      id: p.id,
      caseId,
      decidedOn,
      decidedAt: now,
      decidedBy: principal.username,
      decidedByAccountId: principal.accountId,
      decisionBody: input.decisionBody,
      note: input.note ?? null,
      resultStepId: decided.stepId,
    });
    await ctx.audit(tx, request, {
      action: 'accountability.proposal_accepted',
      outcome: 'ok',
      targetType: 'accountability_proposal',
      targetId: p.id,
      details: {
        caseId,
        unitId: p.unitId,
        step: p.step,
        stepId: decided.stepId,
        decisionBody: input.decisionBody,
      },
    });
    await proposeFromFacts(tx, { asOf: today(now), now, unitIds: [unit.id] });
  });
  const p = (await findProposal(ctx.db, proposalId))!;
  const rules = await findUnitRules(ctx.db, { id: p.unitId, unitPath: p.unitPath }, now);
  return presentProposal(p, rules?.rulebook);
};
