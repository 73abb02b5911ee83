import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

// PGlite is one process's database: two processes writing the same data directory corrupt it.
// A lock file created with O_EXCL guards the directory; a lock left by a dead process is taken over.

export type LockOwner = { pid: number; startedAt: string; host: string; command: string };

export type DataDirLock = { file: string; owner: LockOwner; release: () => void };

export class DataDirLockedError extends Error {
  constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {
    super(
      `数据目录已被进程 ${owner.pid}（${owner.command}，启动于 ${owner.startedAt}）占用：${file}\n` +
        `同一数据目录只能由一个进程打开；请先停止该进程。\n` +
        `The data directory is in use by process ${owner.pid} (${owner.command}, started ${owner.startedAt}): ${file}\n` +
        'Only one process may open a data directory; stop that process first.',
    );
    this.name = 'DataDirLockedError';
  }
}

export const LOCK_FILE_NAME = 'pglite.lock';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readOwner = (file: string): LockOwner | null => {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof parsed.pid === 'number'
      ? {
          pid: parsed.pid,
          startedAt: String(parsed.startedAt ?? ''),
          host: String(parsed.host ?? ''),
          command: String(parsed.command ?? ''),
        }
      : null;
  } catch {
    return null;
  }
};

export type AcquireOptions = {
  /** What the holder is doing, shown to a refused second process. */
  command?: string;
  /** Called when a lock left by a dead process is taken over. */
  onStale?: (previous: LockOwner) => void;
};

/**
 * Takes the lock on a data directory or throws DataDirLockedError naming the holder. A second
 * acquisition in the same process is refused too: the holder's pid is alive.
 */
export const acquireDataDirLock = (dataDir: string, options: AcquireOptions = {}): DataDirLock => {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE_NAME);
  const owner: LockOwner = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    host: hostname(),
    command: options.command ?? 'zongzhi',
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = readOwner(file);
      if (!holder) {
        // The holder may be between creating and writing the file: look again shortly.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        holder = readOwner(file);
      }
      // A lock from another host (shared disk) cannot be checked: never take it over.
      if (holder && (holder.host !== owner.host || isAlive(holder.pid)))
        throw new DataDirLockedError(file, holder);
      // Dead holder, or a half-written file: take it over.
      if (holder) options.onStale?.(holder);
      try {
        unlinkSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      continue;
    }
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      // Only remove the file if it is still ours.
      const current = readOwner(file);
      if (current && current.pid === owner.pid && current.startedAt === owner.startedAt) {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      }
    };
    process.on('exit', release);
    return { file, owner, release };
  }
  throw new Error(`无法获取数据目录锁 / could not take the data directory lock: ${file}`);
};
