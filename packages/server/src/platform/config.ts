import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Role } from '@zongzhi/contracts';

export type SecuritySettings = {
  idleTimeoutMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  passwordMinLength: number;
  passwordMaxAgeDays: number;
  /** Roles whose holders must log in with a TOTP second factor. */
  totpRequiredRoles: readonly Role[];
};

export const DEFAULT_SECURITY: SecuritySettings = {
  idleTimeoutMinutes: 30,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  passwordMinLength: 10,
  passwordMaxAgeDays: 90,
  totpRequiredRoles: ['sysadmin', 'secadmin', 'auditadmin'],
};

/**
 * Background work (document jobs, issuing a batch). A worker holds a job, and an issue holds its
 * batch, only while it shows signs of life: each chunk renews the lease. A lease that expired
 * means its process died, and the work is picked up again (a job) or recovered (a batch).
 */
export type BackgroundSettings = {
  /** How long a claim holds without progress. Far above one chunk's time (≈ 1 s for 50 letters). */
  leaseSeconds: number;
  /** Claims of one job before it is failed (a job that kills its process must not loop forever). */
  maxAttempts: number;
  /** How often an idle worker looks for work (new jobs also wake it at once). */
  pollSeconds: number;
};

export const DEFAULT_BACKGROUND: BackgroundSettings = { leaseSeconds: 120, maxAttempts: 3, pollSeconds: 5 };

export type AppConfig = {
  version: string;
  /** 16-byte SM4 key for secrets at rest (TOTP seeds). */
  secretKey: Buffer;
  /** Set the Secure flag on cookies (behind HTTPS in production). */
  cookieSecure: boolean;
  security: SecuritySettings;
  /** Built web app to serve at '/', when present. */
  webDistDir?: string;
  /** Leases of background work; DEFAULT_BACKGROUND when absent. */
  background?: BackgroundSettings;
};

export const backgroundSettings = (config: AppConfig): BackgroundSettings => ({
  ...DEFAULT_BACKGROUND,
  ...config.background,
});

export const VERSION = '0.1.0';

/**
 * The SM4 key: ZONGZHI_SECRET_KEY (32 hex chars) in production; on the embedded database a
 * key file beside the data is created once, so a restart can still read stored secrets.
 */
export const loadSecretKey = (env: NodeJS.ProcessEnv, dataDir?: string): Buffer => {
  const fromEnv = env.ZONGZHI_SECRET_KEY;
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{32}$/.test(fromEnv))
      throw new Error('ZONGZHI_SECRET_KEY must be 32 hexadecimal characters');
    return Buffer.from(fromEnv, 'hex');
  }
  if (!dataDir) return randomBytes(16);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(16).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
};
