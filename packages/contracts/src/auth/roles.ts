import { z } from 'zod';

/**
 * Roles of the product. The three administrators are separated (三员分立): the system admin
 * manages units, people and accounts' existence; the security admin manages roles, scopes,
 * security settings and API keys; the audit admin reads the audit log. None does another's work.
 */
export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
  'gridworker',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditadmin: { zh: '安全审计员', en: 'Audit administrator' },
  operator: { zh: '综治办工作人员', en: 'Office operator' },
  liaison: { zh: '单位联络员', en: 'Unit liaison' },
  leader: { zh: '领导干部', en: 'Leader' },
  orgdept: { zh: '组织部门审核人', en: 'Organisation-department reviewer' },
  gridworker: { zh: '网格员', en: 'Grid worker' },
};
