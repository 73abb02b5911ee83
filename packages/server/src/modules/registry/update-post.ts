import type { Post, UpdatePostRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { refreshEligibilityForPostChange } from '../eligibility/refresh-eligibility';
import { checkPostDates } from './post-dates';
import { assertInScope } from './registry-access';
import { findPost, findUnitRef, updatePost as updatePostRow } from './registry.repository';

/** Corrects a post or ends it (endDate = the first day it is no longer held). */
export const updatePost = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: UpdatePostRequest,
): Promise<Post> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const found = await findPost(tx, id);
    const post = assertInScope(grants, found && { ...found, path: found.unitPath });
    const unit = (await findUnitRef(tx, post.unitId))!;
    const before = {
      title: post.title,
      portfolio: post.portfolio,
      startDate: post.startDate,
      endDate: post.endDate,
    };
    const after = {
      title: input.title ?? before.title,
      portfolio: input.portfolio === undefined ? before.portfolio : input.portfolio,
      startDate: input.startDate ?? before.startDate,
      endDate: input.endDate === undefined ? before.endDate : input.endDate,
    };
    const errors = checkPostDates({ startDate: after.startDate, endDate: after.endDate, unit });
    if (errors.length) throw invalid(errors);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (changed.length > 0) {
      await updatePostRow(tx, id, after, now);
      await ctx.audit(tx, request, {
        action: 'post.updated',
        outcome: 'ok',
        targetType: 'post',
        targetId: id,
        details: {
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      });
      // Corrected or ended dates change who answered for the cases of the unit on the old and new days.
      if (changed.includes('startDate') || changed.includes('endDate'))
        await refreshEligibilityForPostChange(ctx, tx, request, {
          reason: 'post.updated',
          spans: [
            { postId: id, unitId: post.unitId, from: before.startDate, to: before.endDate },
            { postId: id, unitId: post.unitId, from: after.startDate, to: after.endDate },
          ],
        });
    }
    const { unitPath: _, ...result } = (await findPost(tx, id))!;
    return result;
  });
};
