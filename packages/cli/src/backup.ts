import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackupProgress } from '@zongzhi/server/db/backup/backup-format';
import { createBackup } from '@zongzhi/server/db/backup/create-backup';
import { CommandError, UsageError } from './cli-errors';
import { type Output, openCommandDatabase } from './command-database';

export const printProgress = (io: Output) => {
  let last = '';
  return (p: BackupProgress) => {
    const line =
      p.tablesTotal > 0
        ? `  [${p.tablesDone}/${p.tablesTotal}] ${p.table}: ${p.rows} 行 rows`
        : `  ${p.table}: ${p.rows} 行 rows`;
    if (line !== last) io.out(`${phaseName[p.phase]}${line}\n`);
    last = line;
  };
};

const phaseName: Record<BackupProgress['phase'], string> = {
  backup: '备份 backup',
  check: '检查 check',
  restore: '恢复 restore',
  verify: '核对 verify',
};

export const runBackup = async (args: string[], io: Output): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { force: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('须给出一个备份文件名', 'give one archive file name');
  const file = resolve(positionals[0]!);
  if (existsSync(file) && !values.force)
    throw new CommandError(
      `文件已存在：${file}（用 --force 覆盖）`,
      `File exists: ${file} (use --force to overwrite)`,
    );
  const c = await openCommandDatabase('backup', io);
  try {
    const started = Date.now();
    const trailer = await createBackup(c.db, file, {
      now: new Date(),
      secretKey: c.secretKey ?? undefined,
      onProgress: printProgress(io),
    });
    const s = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
      `备份完成：${trailer.tables.length} 张表、${trailer.rows} 行，用时 ${s} 秒 → ${file}\n` +
        `Backup done: ${trailer.tables.length} tables, ${trailer.rows} rows in ${s}s → ${file}\nSM3: ${trailer.sm3}\n`,
    );
    return 0;
  } finally {
    await c.close();
  }
};
