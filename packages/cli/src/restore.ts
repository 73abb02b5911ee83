import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '@zongzhi/server/db/backup/restore-backup';
import { printProgress } from './backup';
import { CommandError, UsageError } from './cli-errors';
import { type Output, openCommandDatabase } from './command-database';

export const runRestore = async (args: string[], io: Output): Promise<number> => {
  const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('须给出一个备份文件名', 'give one archive file name');
  const file = resolve(positionals[0]!);
  if (!existsSync(file)) throw new CommandError(`文件不存在：${file}`, `No such file: ${file}`);
  const c = await openCommandDatabase('restore', io, { seedPresets: false });
  try {
    const started = Date.now();
    const result = await restoreBackup(c.db, file, {
      secretKey: c.secretKey ?? undefined,
      onProgress: printProgress(io),
    });
    const s = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
      `恢复完成：${result.trailer.tables.length} 张表、${result.trailer.rows} 行已核对一致，用时 ${s} 秒（备份时间 ${result.header.createdAt}）\n` +
        `Restore done: ${result.trailer.tables.length} tables, ${result.trailer.rows} rows checked identical in ${s}s (backup of ${result.header.createdAt})\n`,
    );
    for (const w of result.warnings) io.err(`${w}\n`);
    return 0;
  } finally {
    await c.close();
  }
};
