import type { SplitUnitRequest, Unit } from '@zongzhi/contracts';
import { checkUnitCode } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type FieldError, field, invalid } from '../../platform/errors';
import { duplicateCode } from './create-unit';
import { refreshEligibilityForPostChange } from '../eligibility/refresh-eligibility';
import { assertInScope } from './registry-access';
import { calculateToday } from './registry-calendar';
import { registryErrors } from './registry.errors';
import {
  closeUnitRow,
  countUnitPostsStartingFrom,
  endOpenVersion,
  endUnitPostsOn,
  findCurrentUnitIdByCode,
  findOpenVersion,
  findUnit,
  findUnitsByIds,
  insertUnit,
  listCurrentChildIds,
  markFirstVersion,
  moveSubtree,
  recordUnitVersion,
} from './registry.repository';
import { assertChangeDate } from './unit-change-dates';

/**
 * Splits (拆分) a unit into new sibling units from a date: the original closes (its history ends
 * "split", naming the parts), each part begins "split_from" the original, and every current child
 * goes to the part that lists it. Posts in the original end that day; new posts go to the parts.
 */
export const splitUnit = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: SplitUnitRequest,
): Promise<{ closed: Unit; parts: Unit[] }> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = calculateToday(now);
  return ctx.db.transaction(async (tx) => {
    const unit = assertInScope(grants, await findUnit(tx, id, today));
    if (unit.validTo !== null) throw registryErrors.fail('registry.unit_closed');
    const parent = unit.parentId === null ? undefined : await findUnit(tx, unit.parentId, today);
    if (!parent) throw invalid([field('body', '顶级单位不能拆分', 'A root unit cannot be split')]);
    const open = await findOpenVersion(tx, id);
    assertChangeDate({ date: input.date, today, open, path: 'body.date', strictlyAfterOpen: true });

    const children = new Set(await listCurrentChildIds(tx, id));
    const assigned = new Set<number>();
    const errors: FieldError[] = [];
    const codes = new Set<string>();
    input.parts.forEach((part, i) => {
      if (codes.has(part.code))
        errors.push(field(`body.parts.${i}.code`, '拆分后的单位编码重复', 'Two parts have the same code'));
      codes.add(part.code);
      const codeProblem = checkUnitCode(part.kind ?? unit.kind, part.code);
      if (codeProblem) errors.push(field(`body.parts.${i}.code`, codeProblem.zh, codeProblem.en));
      for (const childId of part.childIds) {
        if (!children.has(childId) || assigned.has(childId))
          errors.push(
            field(
              `body.parts.${i}.childIds`,
              `${childId} 不是该单位的现存下级单位，或已分给其他部分`,
              `${childId} is not a current child of the unit, or is given to two parts`,
            ),
          );
        assigned.add(childId);
      }
    });
    const left = [...children].filter((c) => !assigned.has(c));
    if (left.length)
      errors.push(
        field(
          'body.parts',
          `下级单位 ${left.join('、')} 未分配到任何部分`,
          `Child units ${left.join(', ')} are not given to any part`,
        ),
      );
    if (errors.length) throw invalid(errors);
    for (const [i, part] of input.parts.entries()) {
      const holder = await findCurrentUnitIdByCode(tx, part.code);
      if (holder !== undefined && holder !== id) throw duplicateCode(`body.parts.${i}.code`, part.code);
    }
    for (const childId of children) {
      const childOpen = await findOpenVersion(tx, childId);
      assertChangeDate({ date: input.date, today, open: childOpen, path: 'body.date' });
    }
    if ((await countUnitPostsStartingFrom(tx, id, input.date)) > 0)
      throw registryErrors.fail('registry.posts_after_date');

    const ended = await endUnitPostsOn(tx, id, input.date, now);
    const endedPostIds = ended.map((p) => p.id);
    // Closing first frees the original's code for a part that keeps it.
    await closeUnitRow(tx, id, input.date, now);
    const partIds: number[] = [];
    for (const part of input.parts) {
      const created = await insertUnit(tx, {
        code: part.code,
        name: part.name,
        kind: part.kind ?? unit.kind,
        parentId: parent.id,
        parentPath: parent.path,
        parentDepth: parent.depth,
        population: part.population ?? null,
        validFrom: input.date,
      });
      await markFirstVersion(tx, created.id, 'split_from', [id], now);
      partIds.push(created.id);
      for (const childId of part.childIds) {
        const child = (await findUnit(tx, childId, today))!;
        await moveSubtree(tx, {
          id: childId,
          oldPath: child.path,
          newParentId: created.id,
          newPath: `${created.path}${childId}/`,
          depthDelta: parent.depth + 2 - child.depth,
          now,
        });
        await recordUnitVersion(tx, { unitId: childId, date: input.date, changeKind: 'moved', now });
      }
    }
    await endOpenVersion(tx, { unitId: id, date: input.date, endedBy: 'split', successorUnitIds: partIds });
    await ctx.audit(tx, request, {
      action: 'unit.split',
      outcome: 'ok',
      targetType: 'unit',
      targetId: id,
      details: {
        date: input.date,
        parts: input.parts.map((p, i) => ({
          id: partIds[i],
          code: p.code,
          name: p.name,
          childIds: p.childIds,
        })),
        endedPostIds,
      },
    });
    await refreshEligibilityForPostChange(ctx, tx, request, {
      reason: 'unit.split',
      spans: ended.map((p) => ({ postId: p.id, unitId: id, from: p.startDate, to: p.endDate })),
    });
    return { closed: (await findUnit(tx, id, today))!, parts: await findUnitsByIds(tx, partIds, today) };
  });
};
