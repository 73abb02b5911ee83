import type { CaseOptions } from '@zongzhi/contracts';
import { type UnitKind, definitionOf, listDecisionBodies, stepName, substituteStep } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope } from './accountability-access';
import { findUnitRef } from './accountability.repository';
import { loadUnitRules } from './load-unit-rules';

/** What the open-case form offers for a unit: its rulebook's situations, ladder steps with triggers, bodies. */
export const getCaseOptions = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  unitId: number,
  now: Date,
): Promise<CaseOptions> => {
  const unit = assertInScope(grants, await findUnitRef(q, unitId));
  const rules = await loadUnitRules(q, unit, now);
  const ladder = rules.rulebook.ladder;
  const kind = unit.kind as UnitKind;
  return {
    rulebookId: rules.rulebookId,
    rulebookVersion: rules.version,
    situations: ladder.situations.map((s) => ({ id: s.id, description: s.description })),
    steps: ladder.steps
      .filter((s) => substituteStep(ladder, kind, s.id) === s.id)
      .map((s) => ({
        step: s.id,
        name: stepName(ladder, s.id),
        triggers: (definitionOf(ladder, kind, s.id)?.triggers ?? []).map((t) => ({
          id: t.id,
          kind: t.kind,
          description: t.description,
        })),
      })),
    bodies: listDecisionBodies(rules.rulebook),
  };
};
