import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../client';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupProgress,
  type BackupTrailer,
  END_PREFIX,
  TABLE_PREFIX,
  type TableInfo,
  type TableMarker,
  listTables,
  quoteIdent,
  readArchiveLines,
  tableLines,
} from './backup-format';
import { keyFingerprint } from './create-backup';

export class BackupArchiveError extends Error {
  constructor(zh: string, en: string) {
    super(`备份文件无效：${zh}\nInvalid backup archive: ${en}`);
    this.name = 'BackupArchiveError';
  }
}

export class RestoreRefusedError extends Error {
  constructor(zh: string, en: string) {
    super(`拒绝恢复：${zh}\nRestore refused: ${en}`);
    this.name = 'RestoreRefusedError';
  }
}

/** Tables only people fill: a database with rows in any of them is not empty. */
const USER_DATA_TABLES = ['units', 'people', 'accounts', 'audit_log'];
/** Belongs to the target database (same names checked, application times its own). */
const MIGRATIONS_TABLE = 'schema_migrations';
const INSERT_BATCH = 1000;

export type CheckedArchive = { header: BackupHeader; trailer: BackupTrailer; columns: Map<string, string[]> };

/** Reads the whole archive and checks its digests and counts, touching no database. */
export const checkBackup = async (
  file: string,
  onProgress: (p: BackupProgress) => void = () => undefined,
): Promise<CheckedArchive> => {
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  const whole = createHash('sm3');
  const seen: { name: string; rows: number; sm3: string }[] = [];
  const columns = new Map<string, string[]>();
  let current: { name: string; rows: number; digest: ReturnType<typeof createHash> } | null = null;
  const close = () => {
    if (current) seen.push({ name: current.name, rows: current.rows, sm3: current.digest.digest('hex') });
    current = null;
  };
  try {
    for await (const line of readArchiveLines(file)) {
      if (trailer) throw new BackupArchiveError('结尾之后还有内容', 'content after the trailer');
      if (!header) {
        header = JSON.parse(line) as BackupHeader;
        if (header.format !== BACKUP_FORMAT)
          throw new BackupArchiveError('不是综治备份文件', 'not a Zongzhi backup archive');
        if (header.version !== BACKUP_VERSION)
          throw new BackupArchiveError(
            `不支持的格式版本 ${header.version}`,
            `unsupported format version ${header.version}`,
          );
        whole.update(`${line}\n`);
        continue;
      }
      if (line.startsWith(END_PREFIX)) {
        close();
        trailer = JSON.parse(line.slice(END_PREFIX.length)) as BackupTrailer;
        continue;
      }
      whole.update(`${line}\n`);
      if (line.startsWith(TABLE_PREFIX)) {
        close();
        const marker = JSON.parse(line.slice(TABLE_PREFIX.length)) as TableMarker;
        columns.set(marker.name, marker.columns);
        current = { name: marker.name, rows: 0, digest: createHash('sm3') };
        continue;
      }
      if (!current) throw new BackupArchiveError('数据行不属于任何表', 'a row outside any table');
      JSON.parse(line);
      current.digest.update(`${line}\n`);
      current.rows += 1;
      if (current.rows % 10_000 === 0)
        onProgress({
          phase: 'check',
          table: current.name,
          rows: current.rows,
          tablesDone: seen.length,
          tablesTotal: 0,
        });
    }
  } catch (error) {
    if (error instanceof BackupArchiveError) throw error;
    throw new BackupArchiveError(
      `无法读取（${(error as Error).message}）`,
      `cannot be read (${(error as Error).message})`,
    );
  }
  if (!header) throw new BackupArchiveError('文件为空', 'the file is empty');
  if (!trailer) throw new BackupArchiveError('文件不完整（缺少结尾）', 'the file is incomplete (no trailer)');
  const t: BackupTrailer = trailer;
  if (whole.digest('hex') !== t.sm3)
    throw new BackupArchiveError(
      'SM3 摘要不符，文件已损坏或被修改',
      'SM3 digest mismatch: the file is damaged or altered',
    );
  const expected = JSON.stringify(t.tables);
  if (JSON.stringify(seen) !== expected)
    throw new BackupArchiveError(
      '表的行数或摘要与结尾记录不符',
      'table row counts or digests differ from the trailer',
    );
  return { header, trailer: t, columns };
};

export type RestoreOptions = {
  /** The target's SM4 key, to warn when stored TOTP secrets were sealed with another key. */
  secretKey?: Buffer;
  onProgress?: (p: BackupProgress) => void;
};

export type RestoreResult = CheckedArchive & { warnings: string[] };

/**
 * Loads an archive into an empty database migrated to the same migrations, in one transaction:
 * checks the archive first, inserts every row, resets identity sequences, then reads every table
 * back and compares row counts and SM3 digests with the archive before committing.
 */
export const restoreBackup = async (
  db: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> => {
  const progress = options.onProgress ?? (() => undefined);
  const checked = await checkBackup(file, progress);
  const { header, trailer } = checked;
  await db.transaction(async (tx) => {
    await tx.query("SET LOCAL TimeZone = 'UTC'");
    const migrations = (
      await tx.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`)
    ).map((r) => r.name);
    if (JSON.stringify(migrations) !== JSON.stringify(header.migrations))
      throw new RestoreRefusedError(
        `备份与数据库的迁移不一致（备份 ${header.migrations.length} 个，数据库 ${migrations.length} 个）；请使用与备份时相同版本的程序`,
        `the archive's migrations (${header.migrations.length}) differ from the database's (${migrations.length}); use the version of the software that made the backup`,
      );
    const tables = await listTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const t of trailer.tables) {
      const target = byName.get(t.name);
      if (!target || JSON.stringify(target.columns) !== JSON.stringify(checked.columns.get(t.name)))
        throw new RestoreRefusedError(
          `表 ${t.name} 的结构与备份不同`,
          `table ${t.name} differs from the archive`,
        );
    }
    for (const name of USER_DATA_TABLES) {
      if (!byName.has(name)) continue;
      const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(name)}`);
      if ((row?.n ?? 0) > 0)
        throw new RestoreRefusedError(
          `目标数据库不是空的（${name} 表有 ${row!.n} 行）；只能恢复到新建的空数据库`,
          `the target database is not empty (${name} has ${row!.n} rows); restore only into a new, empty database`,
        );
    }
    // Rows the migrations themselves wrote (defaults) are in the archive too: clear them first.
    for (const t of [...tables].reverse())
      if (t.name !== MIGRATIONS_TABLE) await tx.query(`DELETE FROM ${quoteIdent(t.name)}`);

    // Triggers derive rows (unit_history from units) that the archive already holds: restore
    // the rows as they were, with the tables' own triggers off. ALTER TABLE is transactional, so
    // they come back on commit or rollback alike; foreign-key checks stay on.
    const triggered = (
      await tx.query<{ name: string }>(
        `SELECT DISTINCT c.relname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT g.tgisinternal AND n.nspname = current_schema()`,
      )
    ).map((r) => r.name);
    for (const name of triggered) await tx.query(`ALTER TABLE ${quoteIdent(name)} DISABLE TRIGGER USER`);
    await insertArchive(tx, file, byName, trailer.tables.length, progress);
    for (const name of triggered) await tx.query(`ALTER TABLE ${quoteIdent(name)} ENABLE TRIGGER USER`);
    for (const t of tables) await resetIdentities(tx, t);

    // Read everything back, as the backup read it, and compare.
    for (const [i, expected] of trailer.tables.entries()) {
      if (expected.name === MIGRATIONS_TABLE) continue;
      const digest = createHash('sm3');
      let rows = 0;
      for await (const line of tableLines(tx, byName.get(expected.name)!)) {
        digest.update(`${line}\n`);
        rows += 1;
      }
      if (rows !== expected.rows || digest.digest('hex') !== expected.sm3)
        throw new RestoreRefusedError(
          `恢复后 ${expected.name} 表与备份不一致（${rows}/${expected.rows} 行），已回滚`,
          `after loading, ${expected.name} differs from the archive (${rows}/${expected.rows} rows); rolled back`,
        );
      progress({
        phase: 'verify',
        table: expected.name,
        rows,
        tablesDone: i + 1,
        tablesTotal: trailer.tables.length,
      });
    }
  });
  const warnings: string[] = [];
  if (
    header.secretKeyFingerprint &&
    options.secretKey &&
    keyFingerprint(options.secretKey) !== header.secretKeyFingerprint
  )
    warnings.push(
      '备份来自使用另一个 SM4 密钥的系统：已登记的 TOTP 无法解密，请设置相同的 ZONGZHI_SECRET_KEY（或复制 secret.key），或由安全管理员重置 TOTP。\n' +
        'The archive comes from a system with another SM4 key: stored TOTP secrets cannot be read. Use the same ZONGZHI_SECRET_KEY (or copy secret.key), or have the security admin reset TOTP.',
    );
  return { ...checked, warnings };
};

const insertArchive = async (
  tx: Queryable,
  file: string,
  tables: Map<string, TableInfo>,
  tablesTotal: number,
  progress: (p: BackupProgress) => void,
) => {
  let table: TableInfo | null = null;
  let batch: string[] = [];
  let rows = 0;
  let tablesDone = 0;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const cols = table.columns.map(quoteIdent).join(', ');
    await tx.query(
      `INSERT INTO ${quoteIdent(table.name)} (${cols}) ${table.identityColumns.length > 0 ? 'OVERRIDING SYSTEM VALUE' : ''}
       SELECT ${cols} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json)`,
      [`[${batch.join(',')}]`],
    );
    rows += batch.length;
    batch = [];
    progress({ phase: 'restore', table: table.name, rows, tablesDone, tablesTotal });
  };
  let first = true;
  for await (const line of readArchiveLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    if (line.startsWith(END_PREFIX)) break;
    if (line.startsWith(TABLE_PREFIX)) {
      await flush();
      if (table) tablesDone += 1;
      const marker = JSON.parse(line.slice(TABLE_PREFIX.length)) as TableMarker;
      table = marker.name === MIGRATIONS_TABLE ? null : tables.get(marker.name)!;
      rows = 0;
      continue;
    }
    if (!table) continue;
    batch.push(line);
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
};

const resetIdentities = async (tx: Queryable, t: TableInfo) => {
  for (const col of t.identityColumns)
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(m, 1), m IS NOT NULL)
         FROM (SELECT max(${quoteIdent(col)}) AS m FROM ${quoteIdent(t.name)}) x`,
      [quoteIdent(t.name), col],
    );
};
