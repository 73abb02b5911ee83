import { join } from 'node:path';
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

describe('zongzhi backup and restore', () => {
  it(
    'copies a PGlite data directory into a new one, whose audit chain still verifies',
    async () => {
      const dir = fresh();
      expect((await runCli(['demo'], dir)).code).toBe(0);
      const archive = join(dir, 'backup.gz');
      const backup = await runCli(['backup', archive], dir);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('Backup done');
      const target = fresh();
      const restore = await runCli(['restore', archive], target);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain('checked identical');
      const restoredVerify = await runCli(['audit', 'verify'], target);
      expect(restoredVerify.code).toBe(0);
      const twice = await runCli(['restore', archive], target);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('not empty');
      const exists = await runCli(['backup', archive], dir);
      expect(exists.code).toBe(1);
      expect(exists.stderr).toContain('--force');
    },
    SLOW,
  );
});
