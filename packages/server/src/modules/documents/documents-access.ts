import type { Role } from '@zongzhi/contracts';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';

// Who may call what (issue 5 §4). Issued documents are read by those who follow a jurisdiction's
// work; templates are edited and previews rendered by the 综治办's operator.
export const DOCUMENT_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const TEMPLATE_WRITERS = ['operator'] as const satisfies readonly Role[];

/** The record, or 404 when absent or outside the caller's scope (the two look alike). */
export const assertInScope = <T extends { unitPath: string }>(
  grants: readonly RoleGrant[],
  record: T | undefined,
): T => {
  if (!record || !isInScope(grants, record.unitPath)) throw notFound();
  return record;
};

/** The unit a caller acts for by default: the root of their first grant. */
export const homeUnitId = (grants: readonly RoleGrant[]): number => {
  const g = grants[0];
  if (!g) throw notFound();
  return g.unitId;
};
