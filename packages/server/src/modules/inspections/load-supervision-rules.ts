import { type Supervision, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { inspectionErrors } from './inspections.errors';

/** Where no rulebook is attached up the tree, the national baseline applies. */
const BASELINE_RULEBOOK = 'national-2016';

export type SupervisionRules = { supervision: Supervision; rulebookId: string; rulebookVersion: number };

/**
 * The supervision rules of the inspecting unit's rulebook in force at `at` (its own attachment or its
 * nearest attached ancestor's; the national baseline where none is attached). The inspecting side's
 * rules govern the kinds it carries out and the periods it sets. 409 when none can be resolved.
 */
export const loadSupervisionRules = async (
  q: Queryable,
  unit: { id: number; unitPath: string },
  at: Date,
): Promise<SupervisionRules> => {
  const ids = await findRulebookIdsOfUnits(q, [{ id: unit.id, path: unit.unitPath }], toChinaDate(at));
  const inForce = await findRulebookInForce(q, ids.get(unit.id) ?? BASELINE_RULEBOOK, at);
  if (!inForce) throw inspectionErrors.fail('inspections.no_rulebook');
  return {
    supervision: inForce.rulebook.supervision,
    rulebookId: inForce.rulebookId,
    rulebookVersion: inForce.version,
  };
};
