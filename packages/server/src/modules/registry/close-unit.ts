import type { CloseUnitRequest, Unit } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { refreshEligibilityForPostChange } from '../eligibility/refresh-eligibility';
import { assertInScope } from './registry-access';
import { calculateToday } from './registry-calendar';
import { registryErrors } from './registry.errors';
import {
  closeUnitRow,
  countUnitPostsStartingFrom,
  endOpenVersion,
  endUnitPostsOn,
  findOpenVersion,
  findUnit,
  listCurrentChildIds,
} from './registry.repository';
import { assertChangeDate } from './unit-change-dates';

/**
 * Closes (撤销) a unit from a date. Its current children must have been moved or closed first; the
 * posts still held then end on that date, so nobody stays responsible for a unit that is gone.
 */
export const closeUnit = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: CloseUnitRequest,
): Promise<Unit> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = calculateToday(now);
  return ctx.db.transaction(async (tx) => {
    const unit = assertInScope(grants, await findUnit(tx, id, today));
    if (unit.validTo !== null) throw registryErrors.fail('registry.unit_closed');
    const open = await findOpenVersion(tx, id);
    assertChangeDate({ date: input.date, today, open, path: 'body.date', strictlyAfterOpen: true });
    if ((await listCurrentChildIds(tx, id)).length > 0)
      throw registryErrors.fail('registry.unit_has_children');
    if ((await countUnitPostsStartingFrom(tx, id, input.date)) > 0)
      throw registryErrors.fail('registry.posts_after_date');
    const ended = await endUnitPostsOn(tx, id, input.date, now);
    const endedPostIds = ended.map((p) => p.id);
    await closeUnitRow(tx, id, input.date, now);
    await endOpenVersion(tx, { unitId: id, date: input.date, endedBy: 'closed' });
    await ctx.audit(tx, request, {
      action: 'unit.closed',
      outcome: 'ok',
      targetType: 'unit',
      targetId: id,
      details: { date: input.date, code: unit.code, name: unit.name, endedPostIds },
    });
    await refreshEligibilityForPostChange(ctx, tx, request, {
      reason: 'unit.closed',
      spans: ended.map((p) => ({ postId: p.id, unitId: id, from: p.startDate, to: p.endDate })),
    });
    return (await findUnit(tx, id, today))!;
  });
};
