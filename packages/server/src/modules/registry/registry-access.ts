import type { Role } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';

// Who may call what (HELPERS-BRIEF roles table, 三员分立). The audit administrator reads no registry.
export const UNIT_READERS = [
  'sysadmin',
  'secadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
  'gridworker',
] as const satisfies readonly Role[];
export const PEOPLE_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const REGISTRY_WRITERS = ['sysadmin', 'operator'] as const satisfies readonly Role[];
export const REGISTRY_EXPORTERS = ['sysadmin', 'operator', 'liaison'] as const satisfies readonly Role[];
/** Roles that may see a person's full phone number on the detail. */
export const PHONE_READERS = ['sysadmin', 'operator'] as const satisfies readonly Role[];

/** What a read use case needs: where to read, the caller's allowed grants, and today's date. */
export type RegistryReader = { db: Queryable; grants: readonly RoleGrant[]; today: string };

/** Answers the record, or 404 when it is absent or outside the caller's scope (the two look alike). */
export const assertInScope = <T extends { path: string }>(
  grants: readonly RoleGrant[],
  record: T | undefined,
): T => {
  if (!record || !isInScope(grants, record.path)) throw notFound();
  return record;
};

/** The top units of the caller's scope: granted units not inside another granted unit. */
export const calculateScopeRootIds = (grants: readonly RoleGrant[]) => [
  ...new Set(
    grants
      .filter((g) => !grants.some((o) => o.unitPath !== g.unitPath && g.unitPath.startsWith(o.unitPath)))
      .map((g) => g.unitId),
  ),
];

/**
 * People registered before they had a registering unit belong to no subtree; only callers
 * holding a root of the tree (a county office) see them, besides everyone who sees their posts.
 */
export const calculatePeopleScope = (grants: readonly RoleGrant[]) => ({
  patterns: grants.map((g) => `${g.unitPath}%`),
  includeUnregistered: grants.some((g) => /^\/\d+\/$/.test(g.unitPath)),
});

export const pageToLimit = ({ page, pageSize }: { page: number; pageSize: number }) => ({
  limit: pageSize,
  offset: (page - 1) * pageSize,
});
