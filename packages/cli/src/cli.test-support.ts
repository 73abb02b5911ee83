import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the real `zongzhi` binary as a child process against a temporary PGlite data directory.

export const BIN = join(import.meta.dirname, '../bin/zongzhi.mjs');

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'zz-cli-'));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

const childEnv = (dataDir: string, extra: Record<string, string> = {}) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZONGZHI_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.ZONGZHI_SECRET_KEY;
  return { ...env, ...extra };
};

const running = new Set<ChildProcessWithoutNullStreams>();
const track = (child: ChildProcessWithoutNullStreams) => {
  running.add(child);
  child.on('close', () => running.delete(child));
  return child;
};
/** Ends the children a failed or timed-out test left running. */
export const killLeftovers = () => {
  for (const child of running) child.kill('SIGKILL');
};

export type RunResult = { code: number | null; stdout: string; stderr: string };

export const runCli = (
  args: string[],
  dataDir: string,
  options: { input?: string; env?: Record<string, string> } = {},
) =>
  new Promise<RunResult>((resolve, reject) => {
    const child = track(spawn(process.execPath, [BIN, ...args], { env: childEnv(dataDir, options.env) }));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });

export type RunningServer = {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Sends SIGTERM and waits for the exit code. */
  stop: () => Promise<number | null>;
};

/** Starts `zongzhi start …` and resolves once it prints its URL. */
export const startCli = (args: string[], dataDir: string) =>
  new Promise<RunningServer>((resolve, reject) => {
    const child = track(spawn(process.execPath, [BIN, 'start', ...args], { env: childEnv(dataDir) }));
    let output = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /is running: http:\/\/[^\s:]+:(\d+)/.exec(output);
      if (m)
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          child,
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stdin.end();
    void exited.then((code) =>
      reject(new Error(`zongzhi start exited ${code} before listening:\n${output}`)),
    );
  });
