import type { Incident } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope } from './incidents-access';
import { findIncident } from './incidents.repository';

/** One incident; 404 when absent or outside the caller's scope. */
export const getIncident = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
): Promise<Incident> => {
  const { unitPath: _, ...incident } = assertInScope(grants, await findIncident(q, id));
  return incident;
};
