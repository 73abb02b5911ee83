import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME, acquireDataDirLock } from './data-dir-lock';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'zz-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second acquisition in the same process and names the holder', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, { command: 'first' });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      expect((error as DataDirLockedError).owner.pid).toBe(process.pid);
      expect((error as Error).message).toContain(`进程 ${process.pid}`);
      expect((error as Error).message).toContain(`process ${process.pid}`);
    }
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    const again = acquireDataDirLock(dir);
    again.release();
  });

  it('takes over a lock whose process is dead', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'process.exit(0)']);
    const deadPid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    writeFileSync(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: deadPid, startedAt: '2026-01-01T00:00:00.000Z', host: hostname(), command: 'x' }),
    );
    const stale: number[] = [];
    const lock = acquireDataDirLock(dir, { onStale: (o) => stale.push(o.pid) });
    expect(stale).toEqual([deadPid]);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('is refused while another process holds it, and free once that process ends', async () => {
    const dir = tempDir();
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(join(import.meta.dirname, 'data-dir-lock.ts'))};
      acquireDataDirLock(${JSON.stringify(dir)}, { command: 'child' });
      console.log('locked');
      setTimeout(() => {}, 60_000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    let refused: DataDirLockedError | null = null;
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      refused = error as DataDirLockedError;
    }
    expect(refused?.owner.pid).toBe(child.pid);
    expect(refused?.owner.command).toBe('child');
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // Killed without cleanup: the lock file remains, and is taken over as stale.
    const lock = acquireDataDirLock(dir);
    expect(lock.owner.pid).toBe(process.pid);
    lock.release();
  });
});
