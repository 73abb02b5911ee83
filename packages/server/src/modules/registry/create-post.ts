import type { CreatePostRequest, Post } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { refreshEligibilityForPostChange } from '../eligibility/refresh-eligibility';
import { checkPostDates } from './post-dates';
import { calculatePeopleScope } from './registry-access';
import { findPost, findUnitRef, findVisiblePerson, insertPost } from './registry.repository';

/**
 * Appoints a person to a post. Overlapping posts of the same kind are allowed on purpose: an acting
 * secretary (代理) overlaps the outgoing one during a handover, and both answer for those days.
 */
export const createPost = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreatePostRequest,
): Promise<Post> => {
  const { grants } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const unit = await findUnitRef(tx, input.unitId);
    if (!unit || !isInScope(grants, unit.path))
      throw invalid([
        field(
          'body.unitId',
          '单位不存在或不在您的管辖范围内',
          'Unit does not exist or is outside your scope',
        ),
      ]);
    const person = await findVisiblePerson(tx, input.personId, calculatePeopleScope(grants));
    if (!person)
      throw invalid([
        field(
          'body.personId',
          '人员不存在或不在您的管辖范围内',
          'Person does not exist or is outside your scope',
        ),
      ]);
    const endDate = input.endDate ?? null;
    const errors = checkPostDates({ startDate: input.startDate, endDate, unit });
    if (errors.length) throw invalid(errors);
    const id = await insertPost(tx, {
      personId: person.id,
      unitId: unit.id,
      postKind: input.postKind,
      title: input.title,
      portfolio: input.portfolio ?? null,
      startDate: input.startDate,
      endDate,
    });
    await ctx.audit(tx, request, {
      action: 'post.created',
      outcome: 'ok',
      targetType: 'post',
      targetId: id,
      details: { ...input, portfolio: input.portfolio ?? null, endDate },
    });
    // A post entered after the fact may make its holder answer for a case already decided.
    await refreshEligibilityForPostChange(ctx, tx, request, {
      reason: 'post.created',
      spans: [{ postId: id, unitId: unit.id, from: input.startDate, to: endDate }],
    });
    const { unitPath: _, ...post } = (await findPost(tx, id))!;
    return post;
  });
};
