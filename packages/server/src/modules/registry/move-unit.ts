import type { MoveUnitRequest, Unit } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { parentOutOfReach } from './create-unit';
import { assertInScope } from './registry-access';
import { calculateToday } from './registry-calendar';
import { registryErrors } from './registry.errors';
import { findOpenVersion, findUnit, moveSubtree, recordUnitVersion } from './registry.repository';
import { assertChangeDate } from './unit-change-dates';

/**
 * Puts a unit (with its whole subtree) under another parent from a date. The unit gets a new
 * version; the paths of every descendant are rewritten so scope checks follow the move.
 */
export const moveUnit = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: MoveUnitRequest,
): Promise<Unit> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = calculateToday(now);
  return ctx.db.transaction(async (tx) => {
    const unit = assertInScope(grants, await findUnit(tx, id, today));
    if (unit.validTo !== null) throw registryErrors.fail('registry.unit_closed');
    const parent = await findUnit(tx, input.parentId, today);
    if (!parent || !isInScope(grants, parent.path)) throw parentOutOfReach('body.parentId');
    if (parent.path.startsWith(unit.path))
      throw invalid([
        field(
          'body.parentId',
          '不能移动到本单位或其下级单位之下（会形成循环）',
          'Cannot move a unit under itself or one of its descendants (cycle)',
        ),
      ]);
    if (parent.id === unit.parentId)
      throw invalid([
        field('body.parentId', '单位已在该上级单位之下', 'The unit is already under this parent'),
      ]);
    if (parent.validTo !== null)
      throw invalid([field('body.parentId', '上级单位已撤销', 'The parent unit is closed')]);
    const open = await findOpenVersion(tx, id);
    assertChangeDate({ date: input.date, today, open, path: 'body.date' });
    const newPath = `${parent.path}${unit.id}/`;
    await moveSubtree(tx, {
      id,
      oldPath: unit.path,
      newParentId: parent.id,
      newPath,
      depthDelta: parent.depth + 1 - unit.depth,
      now,
    });
    await recordUnitVersion(tx, { unitId: id, date: input.date, changeKind: 'moved', now });
    await ctx.audit(tx, request, {
      action: 'unit.moved',
      outcome: 'ok',
      targetType: 'unit',
      targetId: id,
      details: {
        date: input.date,
        fromParentId: unit.parentId,
        toParentId: parent.id,
        oldPath: unit.path,
        newPath,
      },
    });
    return (await findUnit(tx, id, today))!;
  });
};
