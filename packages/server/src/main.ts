import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { prepareDatabase } from './bootstrap';
import { type Database, openDatabase } from './db/client';
import {
  type AppConfig,
  DEFAULT_SECURITY,
  VERSION,
  loadSecretKey,
  readBackgroundSettings,
  readSchedulerSettings,
} from './platform/config';
import { mailerFromEnv } from './platform/mailer';

export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

export type Environment = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
};

export const readEnvironment = (env: NodeJS.ProcessEnv = process.env): Environment => ({
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '0.0.0.0',
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: resolve(env.ZONGZHI_DATA_DIR ?? './data'),
});

export const openConfiguredDatabase = async (e: Environment): Promise<Database> =>
  e.databaseUrl
    ? openDatabase({ kind: 'postgres', url: e.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: join(e.dataDir, 'pglite') });

/** The server's configuration from the environment; a variable with a wrong value stops start-up, named. */
export const configFor = (e: Environment, env: NodeJS.ProcessEnv = process.env): AppConfig => ({
  version: VERSION,
  secretKey: loadSecretKey(env, e.databaseUrl ? undefined : e.dataDir),
  cookieSecure: env.ZONGZHI_COOKIE_SECURE === 'true',
  security: { ...DEFAULT_SECURITY },
  background: readBackgroundSettings(env),
  schedulers: readSchedulerSettings(env),
  webDistDir: join(REPO_ROOT, 'packages/web/dist'),
});

/** Opens the database, applies migrations and listens. The caller owns the lock on the data dir. */
export const startServer = async (e: Environment, db?: Database, config: AppConfig = configFor(e)) => {
  const database = db ?? (await openConfiguredDatabase(e));
  await prepareDatabase(database);
  const { app, ctx } = await buildApp({
    db: database,
    config,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    scheduler: true,
    mailer: mailerFromEnv(process.env),
  });
  await app.listen({ port: e.port, host: e.host });
  return { app, ctx, db: database };
};
