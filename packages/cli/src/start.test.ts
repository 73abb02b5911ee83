import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@zongzhi/server/db/client';
import { acquireDataDirLock } from '@zongzhi/server/db/data-dir-lock';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@zongzhi/server/fixtures/demo/demo-accounts';
import { totpCode, totpStep } from '@zongzhi/server/platform/auth/totp';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftovers, removeDir, runCli, startCli, tempDataDir } from './cli.test-support';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDataDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  killLeftovers();
  dirs.forEach(removeDir);
});
// Each step starts a process that opens PGlite (a second or two, more on a busy machine).
const SLOW = 120_000;

const login = async (url: string, username: string) => {
  const secret = DEMO_ACCOUNTS.find((a) => a.username === username)?.totpSecret;
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      password: DEMO_PASSWORD,
      ...(secret ? { totp: totpCode(secret, totpStep(new Date())) } : {}),
    }),
  });
  return res.status;
};

describe('zongzhi start', () => {
  it(
    'stops at once on a setting it cannot use, naming the variable (no stack trace)',
    async () => {
      const result = await runCli(['start'], fresh(), {
        env: { ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS: '15m' },
      });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('环境变量 ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS');
      expect(result.stderr).toContain('ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS="15m" is not valid');
      expect(result.stderr).not.toContain('    at ');
      expect(result.stdout).not.toContain('is running');
    },
    SLOW,
  );

  it(
    'on an empty directory creates no data or accounts, holds the lock, and stops cleanly',
    async () => {
      const dir = fresh();
      const server = await startCli([], dir);
      try {
        const health = await fetch(`${server.url}/api/v1/health`);
        expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' });
        expect(server.output()).toContain('zongzhi demo');

        // A second process on the same data directory is refused and told who holds it.
        const second = await runCli(['demo'], dir);
        expect(second.code).toBe(1);
        expect(second.stderr).toContain(`进程 ${server.child.pid}`);
        expect(second.stderr).toContain(`process ${server.child.pid}`);
      } finally {
        expect(await server.stop(), server.output()).toBe(0);
      }
      expect(server.output()).toContain('已停止 / Stopped.');
      expect(existsSync(join(dir, 'pglite.lock'))).toBe(false);

      const lock = acquireDataDirLock(dir);
      const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
      try {
        const [row] = await db.query<{ accounts: number; units: number }>(
          'SELECT (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM units) AS units',
        );
        expect(row).toEqual({ accounts: 0, units: 0 });
      } finally {
        await db.close();
        lock.release();
      }
    },
    SLOW,
  );

  it(
    '--offer-demo without a terminal loads the demo county, and the demo accounts log in',
    async () => {
      const dir = fresh();
      const server = await startCli(['--offer-demo'], dir);
      try {
        expect(server.output()).toContain('| operator | operator | 示范县 (990121000000)');
        expect(await login(server.url, 'operator')).toBe(200);
        expect(await login(server.url, 'sysadmin')).toBe(200);
        expect(await login(server.url, 'gridworker')).toBe(200);
      } finally {
        expect(await server.stop(), server.output()).toBe(0);
      }
      // Started again, the database is no longer empty: nothing is offered or loaded.
      const again = await startCli(['--offer-demo'], dir);
      try {
        expect(again.output()).not.toContain('正在载入演示县');
      } finally {
        expect(await again.stop(), again.output()).toBe(0);
      }
    },
    SLOW,
  );
});
