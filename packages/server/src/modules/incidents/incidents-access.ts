import type { Role } from '@zongzhi/contracts';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';

// Who may call what (issue 3 §4). The register is read by those who follow a jurisdiction's work;
// a unit's incident is reported by its liaison officer or the 综治办's operator; only the operator
// records an incident learned of elsewhere as unreported (checked per unit in record-incident.ts).
export const INCIDENT_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const INCIDENT_REPORTERS = ['operator', 'liaison'] as const satisfies readonly Role[];
export const INCIDENT_DISCOVERERS = ['operator'] as const satisfies readonly Role[];

/** Answers the record, or 404 when it is absent or outside the caller's scope (the two look alike). */
export const assertInScope = <T extends { unitPath: string }>(
  grants: readonly RoleGrant[],
  record: T | undefined,
): T => {
  if (!record || !isInScope(grants, record.unitPath)) throw notFound();
  return record;
};
