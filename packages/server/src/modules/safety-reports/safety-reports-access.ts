import type { Role } from '@zongzhi/contracts';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';

// Who may call what (issue 3 §5): read by those who follow a jurisdiction's work, filed by the
// unit's liaison officer or the 综治办's operator.
export const SAFETY_REPORT_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const SAFETY_REPORT_FILERS = ['operator', 'liaison'] as const satisfies readonly Role[];

/** Answers the record, or 404 when it is absent or outside the caller's scope (the two look alike). */
export const assertInScope = <T extends { unitPath: string }>(
  grants: readonly RoleGrant[],
  record: T | undefined,
): T => {
  if (!record || !isInScope(grants, record.unitPath)) throw notFound();
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
