import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Queryable } from '../client';

// A backup archive is gzip'd text, one JSON document per line:
//   line 1            header  {"format":"zongzhi-backup","version":1,…,"migrations":[…]}
//   "@table {…}"      starts a table: its name and columns
//   "{…}"             one row, as PostgreSQL's row_to_json wrote it (text never passes through JS values)
//   "@end {…}"        trailer: row count and SM3 of each table, SM3 of every line before it
// The digests sit in a trailer so the archive streams out in one pass; restore reads it twice,
// first to check it, then to load it.

export const BACKUP_FORMAT = 'zongzhi-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migrations: string[];
  /** SM3 of the SM4 key (first 16 hex digits): restore warns when the target key differs. */
  secretKeyFingerprint: string | null;
};
export type TableMarker = { name: string; columns: string[] };
export type BackupTrailer = {
  tables: { name: string; rows: number; sm3: string }[];
  rows: number;
  /** SM3 of every line (with its newline) before the trailer. */
  sm3: string;
};

export type BackupProgress = {
  phase: 'backup' | 'check' | 'restore' | 'verify';
  table: string;
  rows: number;
  tablesDone: number;
  tablesTotal: number;
};

export const TABLE_PREFIX = '@table ';
export const END_PREFIX = '@end ';

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export type TableInfo = {
  name: string;
  columns: string[];
  identityColumns: string[];
  primaryKey: string[];
  /** Foreign keys of the table onto itself (e.g. units.parent_id → units.id). */
  selfReferences: { columns: string[]; refColumns: string[] }[];
};

/** Tables of the current schema, parents before children (ties by name, so the order is stable). */
export const listTables = async (q: Queryable): Promise<TableInfo[]> => {
  const tables = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const columns = await q.query<{ table_name: string; column_name: string; is_identity: string }>(
    `SELECT table_name, column_name, is_identity FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_generated = 'NEVER'
      ORDER BY table_name, ordinal_position`,
  );
  const keys = await q.query<{ name: string; cols: string[] }>(
    `SELECT c.relname AS name,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY AS k(n, o)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS cols
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indisprimary AND n.nspname = current_schema()`,
  );
  const fks = await q.query<{ child: string; parent: string; cols: string[]; refcols: string[] }>(
    `SELECT c.relname AS child, p.relname AS parent,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS x(n, o)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.n ORDER BY x.o) AS cols,
            ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS x(n, o)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.n ORDER BY x.o) AS refcols
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const info = new Map<string, TableInfo>(
    tables.map((t) => [
      t.name,
      {
        name: t.name,
        columns: columns.filter((c) => c.table_name === t.name).map((c) => c.column_name),
        identityColumns: columns
          .filter((c) => c.table_name === t.name && c.is_identity === 'YES')
          .map((c) => c.column_name),
        primaryKey: keys.find((k) => k.name === t.name)?.cols ?? [],
        selfReferences: fks
          .filter((f) => f.child === t.name && f.parent === t.name)
          .map((f) => ({ columns: f.cols, refColumns: f.refcols })),
      },
    ]),
  );
  // Kahn's algorithm over the foreign keys between different tables.
  const parents = new Map([...info.keys()].map((n) => [n, new Set<string>()]));
  for (const f of fks) if (f.child !== f.parent && info.has(f.parent)) parents.get(f.child)?.add(f.parent);
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (ordered.length < info.size) {
    const ready = [...info.keys()].filter(
      (n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)),
    );
    if (ready.length === 0)
      throw new Error(
        `外键存在环，无法排序 / foreign keys form a cycle among: ${[...info.keys()].filter((n) => !done.has(n)).join(', ')}`,
      );
    for (const n of ready.sort()) {
      done.add(n);
      ordered.push(info.get(n)!);
    }
  }
  return ordered;
};

/** Lines of a gzip'd archive; a damaged file rejects. */
export async function* readArchiveLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip) {
    rest += decoder.write(chunk as Buffer);
    let at = rest.indexOf('\n');
    while (at >= 0) {
      yield rest.slice(0, at);
      rest = rest.slice(at + 1);
      at = rest.indexOf('\n');
    }
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
}

/** Selects a table's rows as row_to_json text in a stable order (primary key). */
export const selectRowsSql = (t: TableInfo) =>
  `SELECT row_to_json(r)::text AS j FROM (SELECT ${t.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(t.name)}
   ${t.primaryKey.length > 0 ? `ORDER BY ${t.primaryKey.map(quoteIdent).join(', ')}` : ''}) r`;

/**
 * Orders the rows of a self-referencing table so that each row comes after the row it refers to
 * (a unit moved under a newer unit has a parent with a larger id).
 */
export const orderSelfReferencing = (t: TableInfo, lines: string[]): string[] => {
  if (t.selfReferences.length === 0) return lines;
  const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const keyOf = (row: Record<string, unknown>, cols: string[]) =>
    JSON.stringify(cols.map((c) => row[c] ?? null));
  const byKey = new Map<string, number>();
  t.selfReferences.forEach((ref, r) => {
    rows.forEach((row, i) => {
      byKey.set(`${r}:${keyOf(row, ref.refColumns)}`, i);
    });
  });
  const out: string[] = [];
  const state = new Uint8Array(rows.length); // 0 new, 1 visiting, 2 emitted
  const visit = (i: number) => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new Error(`${t.name}: 自引用存在环 / self-reference cycle`);
    state[i] = 1;
    t.selfReferences.forEach((ref, r) => {
      const values = ref.columns.map((c) => rows[i]![c] ?? null);
      if (values.some((v) => v === null)) return;
      const parent = byKey.get(`${r}:${JSON.stringify(values)}`);
      if (parent !== undefined && parent !== i) visit(parent);
    });
    state[i] = 2;
    out.push(lines[i]!);
  };
  for (let i = 0; i < rows.length; i++) visit(i);
  return out;
};

/**
 * One table's rows in archive order, inside the caller's snapshot. Paged by primary key; a
 * self-referencing table is read whole and ordered parents first.
 */
export async function* tableLines(q: Queryable, t: TableInfo): AsyncGenerator<string> {
  const PAGE = 5000;
  const keep = t.selfReferences.length > 0 ? ([] as string[]) : null;
  for (let offset = 0; ; offset += PAGE) {
    const page =
      t.primaryKey.length > 0
        ? await q.query<{ j: string }>(`${selectRowsSql(t)} LIMIT ${PAGE} OFFSET ${offset}`)
        : await q.query<{ j: string }>(selectRowsSql(t));
    for (const r of page) {
      // A json (not jsonb) value may hold raw newlines as whitespace; outside strings they mean the same as spaces.
      const line = r.j.replace(/[\r\n]/g, ' ');
      if (keep) keep.push(line);
      else yield line;
    }
    if (t.primaryKey.length === 0 || page.length < PAGE) break;
  }
  if (keep) yield* orderSelfReferencing(t, keep);
}
