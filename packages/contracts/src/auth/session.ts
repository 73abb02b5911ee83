import { z } from 'zod';
import { roleSchema } from './roles';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const grantSchema = z.object({ role: roleSchema, unitId: z.number().int(), unitPath: z.string() });

export const sessionResponseSchema = z.object({
  account: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    personId: z.number().int().nullable(),
  }),
  grants: z.array(grantSchema),
  csrfToken: z.string(),
  passwordExpired: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
