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

/**
 * The timers and batch sizes of the schedulers that run beside the server (the duty scheduler, the
 * accountability sweep). Operational settings, not rules: every server may tune them.
 */
export type SchedulerSettings = {
  /** How often the duty scheduler generates occurrences and due-soon / overdue notifications. */
  dutyIntervalSeconds: number;
  /** How often the accountability sweep proposes cases from the rulebooks' counted rules. */
  accountabilitySweepIntervalSeconds: number;
  /** Duty occurrences stored per INSERT statement when generating (the scheduler and POST /duties/generate). */
  occurrenceInsertChunk: number;
};

export const DEFAULT_SCHEDULERS: SchedulerSettings = {
  dutyIntervalSeconds: 60,
  accountabilitySweepIntervalSeconds: 15 * 60,
  occurrenceInsertChunk: 20_000,
};

export const schedulerSettings = (config: AppConfig): SchedulerSettings => ({
  ...DEFAULT_SCHEDULERS,
  ...config.schedulers,
});

/** An environment variable with a value the server cannot use: start-up stops, naming it. */
export class ConfigurationError extends Error {
  constructor(
    readonly variable: string,
    zh: string,
    en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'ConfigurationError';
  }
}

/** Limits of the whole-number settings read from the environment, and their variables. */
const INTEGER_SETTINGS = {
  ZONGZHI_JOB_LEASE_SECONDS: { min: 10, max: 86_400 },
  ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS: { min: 5, max: 86_400 },
  ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS: { min: 60, max: 7 * 86_400 },
  ZONGZHI_OCCURRENCE_INSERT_CHUNK: { min: 100, max: 100_000 },
} as const;

/**
 * A whole number from the environment within its limits; the default when the variable is unset
 * or empty. Anything else (a unit, a fraction, a value out of range) is a ConfigurationError.
 */
export const readIntegerSetting = (
  env: NodeJS.ProcessEnv,
  name: keyof typeof INTEGER_SETTINGS,
  fallback: number,
): number => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const { min, max } = INTEGER_SETTINGS[name];
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new ConfigurationError(
      name,
      `环境变量 ${name} 的值“${raw}”无效：应为 ${min} 至 ${max} 的整数（不设置则为 ${fallback}）`,
      `${name}="${raw}" is not valid: a whole number from ${min} to ${max} (unset: ${fallback})`,
    );
  return value;
};

/** Leases of background work from the environment (ZONGZHI_JOB_LEASE_SECONDS). */
export const readBackgroundSettings = (env: NodeJS.ProcessEnv): BackgroundSettings => ({
  ...DEFAULT_BACKGROUND,
  leaseSeconds: readIntegerSetting(env, 'ZONGZHI_JOB_LEASE_SECONDS', DEFAULT_BACKGROUND.leaseSeconds),
});

/** The schedulers' settings from the environment, each variable defaulting to today's value. */
export const readSchedulerSettings = (env: NodeJS.ProcessEnv): SchedulerSettings => ({
  dutyIntervalSeconds: readIntegerSetting(
    env,
    'ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS',
    DEFAULT_SCHEDULERS.dutyIntervalSeconds,
  ),
  accountabilitySweepIntervalSeconds: readIntegerSetting(
    env,
    'ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS',
    DEFAULT_SCHEDULERS.accountabilitySweepIntervalSeconds,
  ),
  occurrenceInsertChunk: readIntegerSetting(
    env,
    'ZONGZHI_OCCURRENCE_INSERT_CHUNK',
    DEFAULT_SCHEDULERS.occurrenceInsertChunk,
  ),
});

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
  /** Timers and batch sizes of the schedulers; DEFAULT_SCHEDULERS when absent. */
  schedulers?: SchedulerSettings;
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
