import type { InspectionPlan } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertEitherInScope } from './inspections-access';
import { findPlan } from './inspections.repository';
import { presentPlan } from './present-inspection';

/** One plan, seen by the inspecting unit's jurisdiction or by a target's. */
export const getInspectionPlan = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
): Promise<InspectionPlan> =>
  presentPlan(
    assertEitherInScope(grants, await findPlan(q, id), (p) => [
      p.inspectingUnitPath,
      ...p.targets.map((t) => t.unitPath),
    ]),
  );
