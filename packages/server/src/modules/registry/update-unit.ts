import type { Unit, UpdateUnitRequest } from '@zongzhi/contracts';
import { checkUnitCode } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { duplicateCode } from './create-unit';
import { assertInScope } from './registry-access';
import { calculateToday } from './registry-calendar';
import { registryErrors } from './registry.errors';
import {
  type UnitFields,
  findCurrentUnitIdByCode,
  findOpenVersion,
  findUnit,
  recordUnitVersion,
  updateUnitFields,
} from './registry.repository';
import { assertChangeDate } from './unit-change-dates';

/**
 * Renames, re-codes or re-describes a unit. With a date after the open version's start the change
 * opens a new version (the old name stays in the history); without one it corrects the open version.
 */
export const updateUnit = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: UpdateUnitRequest,
): Promise<Unit> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = calculateToday(now);
  return ctx.db.transaction(async (tx) => {
    const unit = assertInScope(grants, await findUnit(tx, id, today));
    if (unit.validTo !== null) throw registryErrors.fail('registry.unit_closed');
    const open = await findOpenVersion(tx, id);
    const date = input.date ?? open?.validFrom ?? today;
    assertChangeDate({ date, today, open, path: 'body.date' });
    const before: UnitFields = {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      population: unit.population,
    };
    const after: UnitFields = {
      code: input.code ?? unit.code,
      name: input.name ?? unit.name,
      kind: input.kind ?? unit.kind,
      population: input.population === undefined ? unit.population : input.population,
    };
    const changed = (Object.keys(after) as (keyof UnitFields)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return unit;
    if (changed.includes('code') || changed.includes('kind')) {
      const codeProblem = checkUnitCode(after.kind, after.code);
      if (codeProblem) throw invalid([field('body.code', codeProblem.zh, codeProblem.en)]);
    }
    if (after.code !== unit.code) {
      const holder = await findCurrentUnitIdByCode(tx, after.code);
      if (holder !== undefined && holder !== id) throw duplicateCode('body.code', after.code);
    }
    await updateUnitFields(tx, id, after, now);
    const renamed = changed.includes('name') || changed.includes('code');
    await recordUnitVersion(tx, { unitId: id, date, changeKind: renamed ? 'renamed' : 'updated', now });
    await ctx.audit(tx, request, {
      action: 'unit.updated',
      outcome: 'ok',
      targetType: 'unit',
      targetId: id,
      details: {
        date,
        correction: date === open?.validFrom,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
    });
    return (await findUnit(tx, id, today))!;
  });
};
