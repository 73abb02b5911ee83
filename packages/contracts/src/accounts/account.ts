import { z } from 'zod';
import { roleSchema } from '../auth/roles';
import { pageQuerySchema } from '../common/problem';

/** Login names: lower-case letters, digits and . _ -, starting with a letter (pinyin, staff numbers). */
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '3–32 lower-case letters, digits, . _ -, starting with a letter');

export const displayNameSchema = z.string().trim().min(1).max(64);
export const passwordInputSchema = z.string().min(1).max(256);
/** Where duty notifications are mailed, when the server has SMTP configured. */
export const accountEmailSchema = z.string().trim().max(254).pipe(z.email());

export const accountRoleSchema = z.object({
  id: z.number().int(),
  role: roleSchema,
  unitId: z.number().int(),
  unitName: z.string(),
});
export type AccountRole = z.infer<typeof accountRoleSchema>;

/** An account as the administrators see it; roles are those inside the caller's scope. */
export const accountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  personId: z.number().int().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(accountRoleSchema),
});
export type Account = z.infer<typeof accountSchema>;

export const accountListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema), total: z.number().int() });

export const createAccountRequestSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordInputSchema,
  personId: z.number().int().positive().nullable().optional(),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

export const updateAccountRequestSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    disabled: z.boolean().optional(),
    /** null removes the address. */
    email: accountEmailSchema.nullable().optional(),
  })
  .refine((v) => v.displayName !== undefined || v.disabled !== undefined || v.email !== undefined, {
    message: 'Change at least one of displayName, disabled, email',
  });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

export const resetPasswordRequestSchema = z.object({ newPassword: passwordInputSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const grantRoleRequestSchema = z.object({ role: roleSchema, unitId: z.number().int().positive() });
export type GrantRoleRequest = z.infer<typeof grantRoleRequestSchema>;

export const roleAssignmentParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  assignmentId: z.coerce.number().int().positive(),
});

/** A TOTP secret shown once (enrolment or reset), with the otpauth:// URI for a QR code. */
export const totpSecretSchema = z.object({ secret: z.string(), uri: z.string() });
export type TotpSecret = z.infer<typeof totpSecretSchema>;

export const confirmTotpRequestSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') });
export type ConfirmTotpRequest = z.infer<typeof confirmTotpRequestSchema>;
