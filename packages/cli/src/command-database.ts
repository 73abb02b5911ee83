import { type DataDirLock, acquireDataDirLock } from '@zongzhi/server/db/data-dir-lock';
import type { Database } from '@zongzhi/server/db/client';
import { prepareDatabase } from '@zongzhi/server/bootstrap';
import { migrate } from '@zongzhi/server/db/migrate';
import { type Environment, openConfiguredDatabase, readEnvironment } from '@zongzhi/server/main';
import { loadSecretKey } from '@zongzhi/server/platform/config';
import { CommandError } from './cli-errors';

import type { Output } from './output';

export type { Output };

export type CommandDatabase = {
  env: Environment;
  db: Database;
  /** The SM4 key for secrets at rest; null when none is configured for PostgreSQL. */
  secretKey: Buffer | null;
  lock: DataDirLock | null;
  describe: string;
  close: () => Promise<void>;
};

/**
 * Opens the database the environment names (DATABASE_URL → PostgreSQL, else PGlite under
 * ZONGZHI_DATA_DIR), taking the data-directory lock for PGlite first, migrates it and seeds the
 * shipped rulebook presets — except for `restore`, whose archive brings its own rulebooks and
 * which needs the target as the migrations left it.
 */
export const openCommandDatabase = async (
  command: string,
  io: Output,
  options: { seedPresets?: boolean } = {},
): Promise<CommandDatabase> => {
  const env = readEnvironment();
  const lock = env.databaseUrl
    ? null
    : acquireDataDirLock(env.dataDir, {
        command: `zongzhi ${command}`,
        onStale: (o) =>
          io.err(
            `发现进程 ${o.pid} 遗留的锁（该进程已不存在），已接管 / Took over a lock left by process ${o.pid}, which no longer runs.\n`,
          ),
      });
  try {
    const db = await openConfiguredDatabase(env);
    try {
      if (options.seedPresets === false) await migrate(db);
      else await prepareDatabase(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    const secretKey =
      env.databaseUrl && !process.env.ZONGZHI_SECRET_KEY ? null : loadSecretKey(process.env, env.dataDir);
    return {
      env,
      db,
      secretKey,
      lock,
      describe: env.databaseUrl ? `PostgreSQL (${redactUrl(env.databaseUrl)})` : `PGlite (${env.dataDir})`,
      close: async () => {
        await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
};

/** The SM4 key, or a clear refusal: secrets stored with a throw-away key could never be read. */
export const requireSecretKey = (c: CommandDatabase): Buffer => {
  if (c.secretKey) return c.secretKey;
  throw new CommandError(
    '使用 PostgreSQL 时须设置 ZONGZHI_SECRET_KEY（32 位十六进制），服务与命令行用它加密 TOTP 密钥。',
    'With PostgreSQL, set ZONGZHI_SECRET_KEY (32 hex digits): the server and the CLI seal TOTP secrets with it.',
  );
};

const redactUrl = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
};

export const countUnits = async (db: Database) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM units'))[0]?.n ?? 0;
