import { deriveBars } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import type { AppContext } from '../../platform/context';
import {
  type PostSpan,
  listCasesInPostSpans,
  listDecidedSteps,
  listUnitPosts,
  replaceCaseBars,
} from './eligibility.repository';

export type { PostSpan } from './eligibility.repository';

/**
 * Recomputes the bars of one accountability case from its decided steps (the ledger) and the posts
 * held in its unit on each step's relevant date, replacing the case's rows of `eligibility_bars`.
 * Call it in the transaction that decides or lifts a step (and after any correction of a step), and
 * through refreshEligibilityForPostChange in the one that changes a post: the table then never
 * holds a bar without a decided step behind it, nor misses one. Answers the people now barred.
 */
export const refreshEligibilityForCase = async (q: Queryable, caseId: number): Promise<number[]> => {
  const steps = await listDecidedSteps(q, caseId);
  const posts = await listUnitPosts(q, [...new Set(steps.map((s) => s.unitId))]);
  const bars = deriveBars(steps, posts);
  await replaceCaseBars(q, caseId, bars);
  return [...new Set(bars.filter((b) => b.partyKind === 'person').map((b) => b.partyId))].sort(
    (a, b) => a - b,
  );
};

/**
 * A registry write changed who held posts (created, corrected, ended): re-derives the bars of the
 * cases whose unit is a changed post's unit and whose relevant date falls in the post's old or new
 * days (pass both spans of a correction), and audits one `eligibility.bars_refreshed` per case.
 * Only those cases: a post change elsewhere, or on other days, touches nothing.
 */
export const refreshEligibilityForPostChange = async (
  ctx: AppContext,
  tx: Queryable,
  request: FastifyRequest,
  change: { reason: string; spans: readonly PostSpan[] },
): Promise<number[]> => {
  const cases = await listCasesInPostSpans(tx, change.spans);
  for (const c of cases) {
    const barredPersonIds = await refreshEligibilityForCase(tx, c.caseId);
    await ctx.audit(tx, request, {
      action: 'eligibility.bars_refreshed',
      outcome: 'ok',
      targetType: 'accountability_case',
      targetId: c.caseId,
      details: { reason: change.reason, postIds: c.postIds, barredPersonIds },
    });
  }
  return cases.map((c) => c.caseId);
};
