import type { Role } from '@zongzhi/contracts';
import { type InspectingBody, isSelfInspection } from '@zongzhi/domain';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { inspectionErrors } from './inspections.errors';

// Who may call what (issue 5 §1). Everyone who follows a jurisdiction's work reads; plans,
// inspections, findings and acceptance belong to the inspecting side — the office's operator, or a
// unit's liaison for its own self-checks; progress reports belong to the owner unit's liaison or an
// operator over it. Per-record checks are below.
export const INSPECTION_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const INSPECTION_WRITERS = ['operator', 'liaison'] as const satisfies readonly Role[];
export const RECTIFICATION_REPORTERS = ['operator', 'liaison'] as const satisfies readonly Role[];

/** Answers the record, or 404 when it is absent or outside the caller's scope (the two look alike). */
export const assertInScope = <T extends { unitPath: string }>(
  grants: readonly RoleGrant[],
  record: T | undefined,
): T => {
  if (!record || !isInScope(grants, record.unitPath)) throw notFound();
  return record;
};

/** A record seen through either of two units (inspected/owner and inspecting). */
export const assertEitherInScope = <T>(
  grants: readonly RoleGrant[],
  record: T | undefined,
  paths: (r: T) => string[],
): T => {
  if (!record || !paths(record).some((p) => isInScope(grants, p))) throw notFound();
  return record;
};

const grantsOf = (grants: readonly RoleGrant[], roles: readonly Role[]) =>
  grants.filter((g) => roles.includes(g.role));

/** Whether the caller acts for the inspecting unit: an operator over it, or its liaison on a self-check. */
export const canInspect = (grants: readonly RoleGrant[], inspectingUnitPath: string, body: InspectingBody) =>
  isInScope(grantsOf(grants, ['operator']), inspectingUnitPath) ||
  (isSelfInspection(body) && isInScope(grantsOf(grants, ['liaison']), inspectingUnitPath));

export const assertCanInspect = (
  grants: readonly RoleGrant[],
  inspectingUnitPath: string,
  body: InspectingBody,
) => {
  if (!canInspect(grants, inspectingUnitPath, body))
    throw inspectionErrors.fail('inspections.not_inspecting_side');
};

/** Whether the caller reports for the owner unit: its liaison or an operator over it. */
export const canReport = (grants: readonly RoleGrant[], ownerUnitPath: string) =>
  isInScope(grantsOf(grants, RECTIFICATION_REPORTERS), ownerUnitPath);
