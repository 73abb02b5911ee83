import { describe, expect, it } from 'vitest';
import { configFor } from '../main';
import {
  ConfigurationError,
  DEFAULT_BACKGROUND,
  DEFAULT_SCHEDULERS,
  readBackgroundSettings,
  readSchedulerSettings,
  schedulerSettings,
} from './config';

const SECRET = { ZONGZHI_SECRET_KEY: '00112233445566778899aabbccddeeff' };
const environment = { port: 0, host: '127.0.0.1', databaseUrl: 'postgres://unused', dataDir: '/nonexistent' };

/** The error reading `env` raises, or undefined when it reads. */
const errorOf = (env: NodeJS.ProcessEnv): ConfigurationError | undefined => {
  try {
    readSchedulerSettings(env);
    readBackgroundSettings(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
};

describe('scheduler and background settings from the environment', () => {
  it('defaults to today’s values: a duty tick a minute, a sweep every 15 minutes, 20,000 rows per insert', () => {
    expect(DEFAULT_SCHEDULERS).toEqual({
      dutyIntervalSeconds: 60,
      accountabilitySweepIntervalSeconds: 900,
      occurrenceInsertChunk: 20_000,
    });
    expect(readSchedulerSettings({})).toEqual(DEFAULT_SCHEDULERS);
    // An empty value is as good as unset (a compose file's `VAR=`).
    expect(readSchedulerSettings({ ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS: ' ' })).toEqual(
      DEFAULT_SCHEDULERS,
    );
    expect(readBackgroundSettings({})).toEqual(DEFAULT_BACKGROUND);
    expect(schedulerSettings({ ...configFor(environment, SECRET), schedulers: undefined })).toEqual(
      DEFAULT_SCHEDULERS,
    );
  });

  it('reads each variable into the configuration the server starts with', () => {
    const config = configFor(environment, {
      ...SECRET,
      ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS: '300',
      ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS: '3600',
      ZONGZHI_OCCURRENCE_INSERT_CHUNK: ' 5000 ',
      ZONGZHI_JOB_LEASE_SECONDS: '600',
    });
    expect(config.schedulers).toEqual({
      dutyIntervalSeconds: 300,
      accountabilitySweepIntervalSeconds: 3600,
      occurrenceInsertChunk: 5000,
    });
    expect(schedulerSettings(config)).toEqual(config.schedulers);
    expect(config.background).toEqual({ ...DEFAULT_BACKGROUND, leaseSeconds: 600 });
    // The limits themselves are accepted.
    expect(readSchedulerSettings({ ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS: '5' }).dutyIntervalSeconds).toBe(
      5,
    );
    expect(readSchedulerSettings({ ZONGZHI_OCCURRENCE_INSERT_CHUNK: '100000' }).occurrenceInsertChunk).toBe(
      100_000,
    );
  });

  it.each([
    ['ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS', 'abc'],
    ['ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS', '60s'],
    ['ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS', '1.5'],
    ['ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS', '-60'],
    ['ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS', '0'],
    ['ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS', '4'],
    ['ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS', '15m'],
    ['ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS', '604801'],
    ['ZONGZHI_OCCURRENCE_INSERT_CHUNK', '0'],
    ['ZONGZHI_OCCURRENCE_INSERT_CHUNK', '1e4'],
    ['ZONGZHI_OCCURRENCE_INSERT_CHUNK', '100001'],
    ['ZONGZHI_JOB_LEASE_SECONDS', 'two minutes'],
    ['ZONGZHI_JOB_LEASE_SECONDS', '0'],
  ])('refuses %s=%j, naming the variable and what it takes', (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error!.variable).toBe(name);
    expect(error!.name).toBe('ConfigurationError');
    expect(error!.message).toContain(`环境变量 ${name}`);
    expect(error!.message).toContain(`${name}="${value.trim()}" is not valid: a whole number from`);
    // configFor, which start-up calls, stops on it too.
    expect(() => configFor(environment, { ...SECRET, [name]: value })).toThrow(ConfigurationError);
  });
});
