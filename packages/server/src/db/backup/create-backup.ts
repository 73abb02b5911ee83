import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../client';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupProgress,
  type BackupTrailer,
  END_PREFIX,
  TABLE_PREFIX,
  listTables,
  tableLines,
} from './backup-format';

export type CreateBackupOptions = {
  now: Date;
  /** Only its fingerprint is written: the key itself never goes into an archive. */
  secretKey?: Buffer;
  onProgress?: (p: BackupProgress) => void;
};

/**
 * Writes every table of the database to a gzip'd archive, all read in one REPEATABLE READ
 * READ ONLY transaction so the copy is one consistent moment even while the server runs
 * (PostgreSQL). The file appears under its name only once complete.
 */
export const createBackup = async (
  db: Database,
  file: string,
  options: CreateBackupOptions,
): Promise<BackupTrailer> => {
  const progress = options.onProgress ?? (() => undefined);
  const partial = `${file}.partial`;
  try {
    const trailer = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      // One rendering of timestamps whatever the server's time zone, so digests compare across databases.
      await tx.query("SET LOCAL TimeZone = 'UTC'");
      const tables = await listTables(tx);
      const migrations = (
        await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      ).map((r) => r.name);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: options.now.toISOString(),
        database: db.kind,
        migrations,
        secretKeyFingerprint: options.secretKey ? keyFingerprint(options.secretKey) : null,
      };
      const whole = createHash('sm3');
      const result: BackupTrailer = { tables: [], rows: 0, sm3: '' };
      async function* lines() {
        const emit = (line: string) => {
          whole.update(`${line}\n`);
          return `${line}\n`;
        };
        yield emit(JSON.stringify(header));
        for (const [i, t] of tables.entries()) {
          yield emit(`${TABLE_PREFIX}${JSON.stringify({ name: t.name, columns: t.columns })}`);
          const digest = createHash('sm3');
          let rows = 0;
          for await (const line of tableLines(tx, t)) {
            digest.update(`${line}\n`);
            rows += 1;
            if (rows % 10_000 === 0)
              progress({ phase: 'backup', table: t.name, rows, tablesDone: i, tablesTotal: tables.length });
            yield emit(line);
          }
          result.tables.push({ name: t.name, rows, sm3: digest.digest('hex') });
          result.rows += rows;
          progress({ phase: 'backup', table: t.name, rows, tablesDone: i + 1, tablesTotal: tables.length });
        }
        result.sm3 = whole.digest('hex');
        yield `${END_PREFIX}${JSON.stringify(result)}\n`;
      }
      await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
      return result;
    });
    renameSync(partial, file);
    return trailer;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
};

export const keyFingerprint = (key: Buffer) => createHash('sm3').update(key).digest('hex').slice(0, 16);
