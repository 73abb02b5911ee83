import type { Role } from '@zongzhi/contracts';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';

// Who may call what. Rulebooks are the county's published rules: every reader sees all of them;
// what applies to a unit is read, and rulebooks changed or attached, only within the caller's scope.
export const RULEBOOK_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const RULEBOOK_WRITERS = ['sysadmin', 'operator'] as const satisfies readonly Role[];

/** Answers the unit, or 404 when it is absent or outside the caller's scope (the two look alike). */
export const assertUnitInScope = <T extends { path: string }>(
  grants: readonly RoleGrant[],
  unit: T | undefined,
): T => {
  if (!unit || !isInScope(grants, unit.path)) throw notFound();
  return unit;
};
