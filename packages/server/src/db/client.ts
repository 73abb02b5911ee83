import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

/** Anything that runs SQL: the database itself or an open transaction. */
export type Queryable = {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations, fixtures). */
  exec(script: string): Promise<void>;
};

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = Queryable & {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type OpenDatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string /* undefined = in memory */ };

// One decoding for both drivers: int8 (and int8[]) as number (counts, ids stay below 2^53),
// date as 'YYYY-MM-DD' (a calendar date has no time zone), numeric as string.
const INT8 = 20;
const INT8_ARRAY = 1016;
const TEXT_ARRAY = 1009;
const DATE = 1082;
const NUMERIC = 1700;
const parseInt8 = (v: string) => Number.parseInt(v, 10);
const keepText = (v: string) => v;

const openPostgres = (url: string, poolSize = 10): Database => {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === INT8_ARRAY) {
          const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as never) as (
            v: string,
          ) => (string | null)[];
          return (v: string) => parseTextArray(v).map((x) => (x === null ? null : parseInt8(x)));
        }
        if (oid === DATE || oid === NUMERIC) return keepText;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => {
    /* an idle client died; the pool replaces it */
  });
  const run = async <T extends Row>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    params?: readonly unknown[],
  ) => (await client.query(text, params as unknown[] | undefined)).rows as T[];
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    exec: async (script) => {
      await pool.query(script);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (text, params) => run(client, text, params),
          exec: async (script) => {
            await client.query(script);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};

const openPglite = async (dataDir?: string): Promise<Database> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    parsers: { [INT8]: parseInt8, [DATE]: keepText, [NUMERIC]: keepText },
  });
  return {
    kind: 'pglite',
    query: async <T extends Row>(text: string, params?: readonly unknown[]) =>
      (await db.query<T>(text, params as unknown[] | undefined)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <T extends Row>(text: string, params?: readonly unknown[]) =>
            (await tx.query<T>(text, params as unknown[] | undefined)).rows,
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    close: () => db.close(),
  };
};

export const openDatabase = async (options: OpenDatabaseOptions): Promise<Database> =>
  options.kind === 'postgres' ? openPostgres(options.url, options.poolSize) : openPglite(options.dataDir);
