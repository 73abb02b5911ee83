import { type Rulebook, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { accountabilityErrors } from './accountability.errors';

export type UnitRules = { rulebookId: string; version: number; rulebook: Rulebook };

/**
 * The effective rulebook a unit follows now (its own attachment or its nearest attached
 * ancestor's), at the version in force at `now`: the rules a decision taken now is made under.
 */
export const findUnitRules = async (
  q: Queryable,
  unit: { id: number; unitPath: string },
  now: Date,
): Promise<UnitRules | undefined> => {
  const ids = await findRulebookIdsOfUnits(q, [{ id: unit.id, path: unit.unitPath }], toChinaDate(now));
  const id = ids.get(unit.id);
  const inForce = id === undefined ? undefined : await findRulebookInForce(q, id, now);
  return inForce && { rulebookId: inForce.rulebookId, version: inForce.version, rulebook: inForce.rulebook };
};

export const loadUnitRules = async (
  q: Queryable,
  unit: { id: number; unitPath: string },
  now: Date,
): Promise<UnitRules> => {
  const rules = await findUnitRules(q, unit, now);
  if (!rules) throw accountabilityErrors.fail('accountability.no_rulebook');
  return rules;
};
