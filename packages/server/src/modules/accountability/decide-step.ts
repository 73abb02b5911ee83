import type { CaseDetail, DecideStepRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { assertInScope } from './accountability-access';
import { accountabilityErrors } from './accountability.errors';
import { findCase, listSteps } from './accountability.repository';
import { checkDate, today } from './case-dates';
import { decideStepInTx } from './decide-step-core';
import { getCase } from './get-case';
import { loadUnitRules } from './load-unit-rules';
import { proposeFromFacts } from './sweep-accountability';

/** Decides a step on an open case directly (not from a proposal): never lower than the current one. */
export const decideStep = async (
  ctx: AppContext,
  request: FastifyRequest,
  caseId: number,
  input: DecideStepRequest,
): Promise<CaseDetail> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const c = assertInScope(grants, await findCase(tx, caseId, true));
    if (c.status !== 'open') throw accountabilityErrors.fail('accountability.case_closed');
    const decidedOn = input.decidedOn ?? today(now);
    const errors = checkDate('body.decidedOn', decidedOn, now, {
      date: c.relevantOn,
      zh: '决定日期不能早于责任认定日期',
      en: 'the decision cannot precede the relevant date',
    });
    if (errors.length > 0) throw invalid(errors);
    const steps = await listSteps(tx, [c.id]);
    const rules = await loadUnitRules(tx, { id: c.unitId, unitPath: c.unitPath }, now);
    await decideStepInTx(tx, ctx, request, {
      caseRow: c,
      current: steps.at(-1)?.step ?? null,
      step: input.step,
      triggerId: input.triggerId ?? null,
      reason: input.reason,
      decisionBody: input.decisionBody,
      decidedOn,
      proposalId: null,
      rules,
    });
    await proposeFromFacts(tx, { asOf: today(now), now, unitIds: [c.unitId] });
  });
  return getCase(ctx.db, grants, caseId, now);
};
