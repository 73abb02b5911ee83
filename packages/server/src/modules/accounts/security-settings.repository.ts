import { type SecuritySettingsInput, securitySettingsSchema } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { DEFAULT_SECURITY, type SecuritySettings } from '../../platform/config';

const KEY = 'security';

export const saveSecuritySettings = async (db: Queryable, settings: SecuritySettingsInput, now: Date) => {
  await db.query(
    `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [KEY, JSON.stringify(settings), now],
  );
};

/**
 * The settings in force when no server is around to ask (the CLI): defaults overlaid by the
 * stored value, the stored value ignored if it no longer validates.
 */
export const loadSecuritySettings = async (db: Queryable): Promise<SecuritySettings> => {
  const [row] = await db.query<{ value: unknown }>('SELECT value FROM app_settings WHERE key = $1', [KEY]);
  const parsed = securitySettingsSchema.safeParse({ ...DEFAULT_SECURITY, ...(row?.value ?? {}) });
  return parsed.success ? parsed.data : { ...DEFAULT_SECURITY };
};
