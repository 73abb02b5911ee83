import { checkUnitCode } from '@zongzhi/domain';
import type { CreateUnitRequest, Unit } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { calculateToday } from './registry-calendar';
import { registryErrors } from './registry.errors';
import { findCurrentUnitIdByCode, findUnit, insertUnit } from './registry.repository';

export const parentOutOfReach = (path: string) =>
  invalid([
    field(path, '上级单位不存在或不在您的管辖范围内', 'Parent unit does not exist or is outside your scope'),
  ]);

export const duplicateCode = (path: string, code: string) =>
  registryErrors.fail('registry.duplicate_code', [
    field(path, `单位编码 ${code} 已被现存单位使用`, `Unit code ${code} is already used by a current unit`),
  ]);

/** Adds a unit under a parent in the caller's scope; its first version starts on validFrom. */
export const createUnit = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreateUnitRequest,
): Promise<Unit> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = calculateToday(now);
  return ctx.db.transaction(async (tx) => {
    const parent = await findUnit(tx, input.parentId, today);
    if (!parent || !isInScope(grants, parent.path)) throw parentOutOfReach('body.parentId');
    if (parent.validTo !== null)
      throw invalid([field('body.parentId', '上级单位已撤销', 'The parent unit is closed')]);
    if (input.validFrom < parent.validFrom)
      throw invalid([
        field(
          'body.validFrom',
          `成立日期不能早于上级单位的成立日期（${parent.validFrom}）`,
          `Cannot start before the parent unit (${parent.validFrom})`,
        ),
      ]);
    if (await findCurrentUnitIdByCode(tx, input.code)) throw duplicateCode('body.code', input.code);
    const codeProblem = checkUnitCode(input.kind, input.code);
    if (codeProblem) throw invalid([field('body.code', codeProblem.zh, codeProblem.en)]);
    const { id } = await insertUnit(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      parentId: parent.id,
      parentPath: parent.path,
      parentDepth: parent.depth,
      population: input.population ?? null,
      validFrom: input.validFrom,
    });
    await ctx.audit(tx, request, {
      action: 'unit.created',
      outcome: 'ok',
      targetType: 'unit',
      targetId: id,
      details: {
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent.id,
        population: input.population ?? null,
        validFrom: input.validFrom,
      },
    });
    return (await findUnit(tx, id, today))!;
  });
};
