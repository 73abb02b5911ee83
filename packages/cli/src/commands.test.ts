import { afterAll, describe, expect, it } from 'vitest';
import { killLeftovers, removeDir, runCli, tempDataDir } from './cli.test-support';

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

describe('zongzhi commands', () => {
  it(
    'prints help, and refuses unknown commands and missing options',
    async () => {
      const dir = fresh();
      const help = await runCli(['--help'], dir);
      expect(help.code).toBe(0);
      for (const c of ['start', 'demo', 'unit add', 'user add', 'audit verify', 'backup', 'restore'])
        expect(help.stdout).toContain(c);
      expect((await runCli(['user', 'add', '--help'], dir)).stdout).toContain('--username');
      const unknown = await runCli(['frobnicate'], dir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('Unknown command');
      const missing = await runCli(['user', 'add', '--username', 'x'], dir);
      expect(missing.code).toBe(2);
    },
    SLOW,
  );

  it(
    'demo, user add and audit verify work together',
    async () => {
      const dir = fresh();
      const demo = await runCli(['demo'], dir);
      expect(demo.code, demo.stderr).toBe(0);
      expect(demo.stdout).toContain('| sysadmin | sysadmin |');
      // This year's activity came with it: letters not all signed, tasks, cases and documents.
      const activity =
        /(\d+) rectification tasks, 14 letters \(([\d.]+)% signed\), (\d+) accountability cases/.exec(
          demo.stdout,
        );
      expect(activity, demo.stdout + demo.stderr).not.toBeNull();
      expect(Number(activity![1])).toBe(10);
      expect(Number(activity![2])).toBeLessThan(100);
      expect(Number(activity![3])).toBe(3);
      const again = await runCli(['demo'], dir);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('only into an empty database');

      const operator = await runCli(
        [
          'user',
          'add',
          '--username',
          'zhangsan',
          '--name',
          '张三',
          '--role',
          'operator',
          '--unit',
          '990121100000',
        ],
        dir,
        { input: 'Str0ng!Passw0rd\n' },
      );
      expect(operator.code, operator.stderr).toBe(0);
      expect(operator.stdout).toContain('zhangsan');
      expect(operator.stdout).not.toContain('otpauth://');
      const admin = await runCli(
        [
          'user',
          'add',
          '--username',
          'lisi',
          '--name',
          '李四',
          '--role',
          'secadmin',
          '--unit',
          '990121000000',
          '--password',
          'Str0ng!Passw0rd',
        ],
        dir,
      );
      expect(admin.code, admin.stderr).toBe(0);
      expect(admin.stdout).toMatch(/otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
      const weak = await runCli(
        [
          'user',
          'add',
          '--username',
          'wangwu',
          '--role',
          'operator',
          '--unit',
          '990121000000',
          '--password',
          'short',
        ],
        dir,
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('password');

      const verify = await runCli(['audit', 'verify'], dir);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
      expect(verify.stdout).toContain('Intact');
    },
    SLOW,
  );

  it(
    'on a new installation, unit add creates the root unit and user add its first administrator',
    async () => {
      const dir = fresh();
      const unit = await runCli(
        ['unit', 'add', '--code', '430221000000', '--name', '株洲县', '--kind', 'county'],
        dir,
      );
      expect(unit.code, unit.stderr).toBe(0);
      const duplicate = await runCli(
        ['unit', 'add', '--code', '430221000000', '--name', '另一个', '--kind', 'county'],
        dir,
      );
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr).toContain('already in use');
      const admin = await runCli(
        [
          'user',
          'add',
          '--username',
          'admin1',
          '--name',
          '管理员',
          '--role',
          'sysadmin',
          '--unit',
          '430221000000',
          '--password',
          'Adm1n!Secure',
        ],
        dir,
      );
      expect(admin.code, admin.stderr).toBe(0);
      expect(admin.stdout).toContain('otpauth://totp/');
      const verify = await runCli(['audit', 'verify'], dir);
      expect(verify.code).toBe(0);
      // Seeded on first open: the six shipped rulebook presets and the twelve calendar years
      // (2016–2026 official, 2027 provisional); then unit.created, account.created, role.granted —
      // all chained by the commands.
      expect(verify.stdout).toContain('Intact: 21 records');
    },
    SLOW,
  );
});
