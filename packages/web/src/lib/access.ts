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
  // The duty ledger (履职台账): followed by those who oversee a jurisdiction (组织部门 read-only),
  // recorded by its operators and liaison officers, waived only by the 综治办's operator.
  duties: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['operator', 'liaison'],
  },
  dutyWaiver: { read: ['operator'], write: ['operator'] },
  dutyGeneration: { read: ['operator', 'sysadmin'], write: ['operator', 'sysadmin'] },
  compliance: { read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'], write: [] },
  rulebooks: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['sysadmin', 'operator'],
  },
  // The working calendar (工作日历): national data read by everyone who reads rulebooks, kept up
  // to date by the county's administrators and operators.
  calendar: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['sysadmin', 'operator'],
  },
  // The incident register (案事件登记): reported by a unit's liaison or the 综治办's operator; only
  // the operator records one learned of elsewhere as unreported (瞒报/漏报).
  incidents: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['operator', 'liaison'],
  },
  incidentDiscovery: { read: ['operator'], write: ['operator'] },
  // The monthly 平安报表: filed by a town's or department's liaison or the operator.
  safetyReports: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['operator', 'liaison'],
  },
  // Target-responsibility letters (目标管理责任书): templates and batches by the 综治办's operator and
  // the liaison of a town or department (for its own subordinates); signed by the bound principal
  // (any signed-in role holding the person's account); followed by leaders and the 组织部门.
  letters: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['operator', 'liaison'],
  },
  letterSigning: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
  },
  // Inspections, findings and rectification (督促检查 / 整改).
  inspections: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['operator', 'liaison'],
  },
  // Accountability cases and the ladder (责任追究): opened and decided by the 综治办's operator.
  accountability: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['operator'],
  },
  // Assessment periods and results (考核评价): followed by those who oversee a jurisdiction, opened,
  // computed, closed and corrected by the 综治办's operator.
  assessment: {
    read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'],
    write: ['operator'],
  },
  // A case's progress reports (整改报告): filed by the unit's liaison officer or the operator.
  accountabilityReports: { read: ['operator', 'liaison'], write: ['operator', 'liaison'] },
  // Eligibility (提拔奖励征求意见): asked by the organisation department and the 综治办.
  eligibility: { read: ['operator', 'orgdept'], write: [] },
  // Official documents (公文): read by those who follow a jurisdiction; templates by the operator.
  documents: { read: ['sysadmin', 'operator', 'liaison', 'leader', 'orgdept'], write: [] },
  documentTemplates: { read: ['operator'], write: ['operator'] },
  // Rewards (表彰奖励): rounds followed by those who oversee a jurisdiction, decided by the operator.
  rewards: { read: ['operator', 'liaison', 'leader', 'orgdept'], write: ['operator'] },
  // Performance archives (实绩档案): orgdept and operator; a leader their own (and their duty report).
  archives: { read: ['operator', 'orgdept', 'leader'], write: ['operator', 'leader'] },
} as const satisfies Record<string, { read: readonly Role[]; write: readonly Role[] }>;

export type Area = keyof typeof AREA_ACCESS;

const holdsAny = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export const canRead = (roles: readonly Role[], area: Area) => holdsAny(roles, AREA_ACCESS[area].read);
export const canWrite = (roles: readonly Role[], area: Area) => holdsAny(roles, AREA_ACCESS[area].write);
