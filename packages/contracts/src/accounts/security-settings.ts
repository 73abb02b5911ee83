import { z } from 'zod';
import { ADMIN_ROLES, roleSchema } from '../auth/roles';

/**
 * Security settings a security administrator may change at run time. The bounds keep the system
 * inside 等保 level 3: sessions always time out, lockout always applies, passwords always expire,
 * and the three administrators always need a second factor.
 */
export const securitySettingsSchema = z.object({
  idleTimeoutMinutes: z.number().int().min(5).max(120),
  lockoutThreshold: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(5).max(1440),
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMaxAgeDays: z.number().int().min(30).max(365),
  totpRequiredRoles: z
    .array(roleSchema)
    .max(8)
    .refine((roles) => ADMIN_ROLES.every((r) => roles.includes(r)), {
      message: 'must include sysadmin, secadmin and auditadmin',
    })
    .refine((roles) => new Set(roles).size === roles.length, { message: 'roles must not repeat' }),
});
export type SecuritySettingsInput = z.infer<typeof securitySettingsSchema>;
