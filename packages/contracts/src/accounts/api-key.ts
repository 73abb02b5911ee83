import { z } from 'zod';
import { roleSchema } from '../auth/roles';

/**
 * Roles an API key may carry. The administrator roles are excluded: they require a second factor
 * at login, which a key would bypass.
 */
export const API_KEY_ROLES = ['operator', 'liaison', 'leader', 'orgdept', 'gridworker'] as const;
export const apiKeyRoleSchema = z.enum(API_KEY_ROLES);

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The first 12 characters of the key, enough to recognise it; the key itself is never stored. */
  prefix: z.string(),
  role: roleSchema,
  unitId: z.number().int(),
  unitName: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema), total: z.number().int() });

export const createApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(64),
  role: apiKeyRoleSchema,
  unitId: z.number().int().positive(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;

/** The key is in this answer only; it cannot be shown again. */
export const createdApiKeySchema = z.object({ id: z.number().int(), key: z.string(), prefix: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
