import type { Role } from '@zongzhi/contracts';

/** Who may read and write each area; mirrors the roles table of the API (三员分立). */
export const AREA_ACCESS = {
  units: {
    read: ['sysadmin', 'secadmin', 'operator', 'liaison', 'leader', 'orgdept', 'gridworker'],
    write: ['sysadmin', 'operator'],
  },
  people: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['sysadmin', 'operator'],
  },
  coverage: { read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'], write: [] },
  registry: { read: ['sysadmin', 'operator', 'liaison'], write: ['sysadmin', 'operator'] },
  accounts: { read: ['sysadmin', 'secadmin'], write: ['sysadmin'] },
  roleAssignments: { read: ['secadmin'], write: ['secadmin'] },
  apiKeys: { read: ['secadmin'], write: ['secadmin'] },
  security: { read: ['secadmin'], write: ['secadmin'] },
  audit: { read: ['auditadmin'], write: [] },
} as const satisfies Record<string, { read: readonly Role[]; write: readonly Role[] }>;

export type Area = keyof typeof AREA_ACCESS;

const holdsAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export const canRead = (roles: readonly Role[], area: Area) => holdsAny(roles, AREA_ACCESS[area].read);
export const canWrite = (roles: readonly Role[], area: Area) => holdsAny(roles, AREA_ACCESS[area].write);
