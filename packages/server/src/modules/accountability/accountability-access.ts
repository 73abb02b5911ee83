import type { Role } from '@zongzhi/contracts';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';

// Who may call what (issue 5 §2). Cases are read by those who follow a jurisdiction's work (a
// leader and a liaison see their own units' cases); the 综治办's operator opens cases, decides
// steps and proposals, accepts rectification and records circumstances; a unit's progress reports
// are filed by its liaison officer or the operator.
export const CASE_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const CASE_WRITERS = ['operator'] as const satisfies readonly Role[];
export const CASE_REPORTERS = ['operator', 'liaison'] as const satisfies readonly Role[];
/** The sweep may be run by hand by an operator or the system administrator. */
export const SWEEP_RUNNERS = ['operator', 'sysadmin'] as const satisfies readonly Role[];

/** Answers the record, or 404 when it is absent or outside the caller's scope (the two look alike). */
export const assertInScope = <T extends { unitPath: string }>(
  grants: readonly RoleGrant[],
  record: T | undefined,
): T => {
  if (!record || !isInScope(grants, record.unitPath)) throw notFound();
  return record;
};

/** Whether one of the caller's grants of `roles` covers the unit. */
export const holdsRoleOver = (grants: readonly RoleGrant[], roles: readonly Role[], unitPath: string) =>
  grants.some((g) => roles.includes(g.role) && unitPath.startsWith(g.unitPath));
