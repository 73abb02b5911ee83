import { deriveBars } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { listDecidedSteps, listUnitPosts, replaceCaseBars } from './eligibility.repository';

/**
 * Recomputes the bars of one accountability case from its decided steps (the ledger) and the posts
 * held in its unit on each step's relevant date, replacing the case's rows of `eligibility_bars`.
 * Call it in the transaction that decides or lifts a step (and after any correction of a step):
 * the table then never holds a bar without a decided step behind it, nor misses one.
 */
export const refreshEligibilityForCase = async (q: Queryable, caseId: number): Promise<void> => {
  const steps = await listDecidedSteps(q, caseId);
  const posts = await listUnitPosts(q, [...new Set(steps.map((s) => s.unitId))]);
  await replaceCaseBars(q, caseId, deriveBars(steps, posts));
};
