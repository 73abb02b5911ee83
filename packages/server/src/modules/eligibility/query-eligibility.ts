import type { EligibilityAnswer, EligibilityPurposeValue } from '@zongzhi/contracts';
import { decideEligibility, toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { findPartyBarsInScope, type Party, type StoredBar } from './eligibility.repository';
import { toBarReason } from './to-bar-reason';

export type EligibilityQuestion = {
  party: Party;
  date?: string | undefined;
  purpose: EligibilityPurposeValue;
};

/** The answer to one question from the party's bars (all of them, or those in force on the date). */
export const buildAnswer = (
  party: Party & { name: string },
  bars: readonly StoredBar[],
  date: string,
  purpose: EligibilityPurposeValue,
): EligibilityAnswer => {
  const decision = decideEligibility(bars, { date, purpose });
  return {
    party: { kind: party.kind, id: party.id, name: party.name },
    date,
    purpose,
    eligible: decision.eligible,
    eligibleFrom: decision.eligibleFrom,
    reasons: decision.reasons.map(toBarReason),
  };
};

/** The audit record of one answer: who was asked about, for what, on which date, and the answer. */
export const eligibilityAuditEntry = (a: EligibilityAnswer) => ({
  action: 'eligibility.queried',
  outcome: 'ok' as const,
  targetType: a.party.kind,
  targetId: a.party.id,
  details: {
    date: a.date,
    purpose: a.purpose,
    eligible: a.eligible,
    eligibleFrom: a.eligibleFrom,
    reasons: a.reasons.map((r) => ({ caseId: r.caseId, stepId: r.stepId, bar: r.bar, to: r.to })),
  },
});

/**
 * The read behind one question, without the audit record: the party if in scope, and its answer.
 * One statement (scope and bars in force). Undefined when the party is absent or out of scope.
 */
export const readEligibility = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  party: Party,
  date: string,
  purpose: EligibilityPurposeValue,
): Promise<EligibilityAnswer | undefined> => {
  const found = await findPartyBarsInScope(q, grants, party, date);
  return found && buildAnswer({ ...party, name: found.name }, found.bars, date, purpose);
};

/**
 * 提拔奖励征求综治委意见: whether a person (or unit) in the caller's scope may be promoted, awarded
 * or honoured on a date (today in China by default), with every bar that says no. Audited.
 */
export const queryEligibility = async (
  ctx: AppContext,
  request: FastifyRequest,
  { party, date, purpose }: EligibilityQuestion,
): Promise<EligibilityAnswer> => {
  const { grants } = getAccess(request);
  const answer = await readEligibility(ctx.db, grants, party, date ?? toChinaDate(ctx.clock.now()), purpose);
  if (!answer) throw notFound();
  await ctx.audit(ctx.db, request, eligibilityAuditEntry(answer));
  return answer;
};
