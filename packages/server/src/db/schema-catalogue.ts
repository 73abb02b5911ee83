import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from './client';

/** The committed catalogue that schema-drift.test.ts compares the migrations against. */
export const SCHEMA_SNAPSHOT_FILE = join(dirname(fileURLToPath(import.meta.url)), 'schema.snapshot.json');

/**
 * What the migrations build, in a form that reads well in a review diff: one line per column,
 * constraint, index and trigger, sorted by name. The same text comes out of PGlite and PostgreSQL 15,
 * so the committed snapshot is checked on both.
 */
export type TableCatalogue = {
  /** column name → 'type [not null] [identity] [default …]' */
  columns: Record<string, string>;
  /** constraint name → definition (primary key, unique, foreign key, check; NOT NULL is on the column) */
  constraints: Record<string, string>;
  /** index name → definition without the schema-qualified table name */
  indexes: Record<string, string>;
  /** trigger name → definition */
  triggers: Record<string, string>;
};

export type SchemaCatalogue = {
  tables: Record<string, TableCatalogue>;
  functions: Record<string, string>;
};

const byName = (rows: { name: string; def: string }[]) =>
  Object.fromEntries([...rows].sort((a, b) => a.name.localeCompare(b.name)).map((r) => [r.name, r.def]));

/** Reads the public schema's tables, columns (type, nullability, default), constraints, indexes, triggers. */
export const readSchemaCatalogue = async (q: Queryable): Promise<SchemaCatalogue> => {
  const tables = await q.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const columns = await q.query<{
    table_name: string;
    column_name: string;
    type: string;
    is_nullable: 'YES' | 'NO';
    is_identity: 'YES' | 'NO';
    column_default: string | null;
  }>(
    `SELECT c.table_name, c.column_name, c.is_nullable, c.is_identity, c.column_default,
            format_type(a.atttypid, a.atttypmod) AS type
       FROM information_schema.columns c
       JOIN pg_attribute a
         ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
        AND a.attname = c.column_name
      WHERE c.table_schema = 'public'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  // contype 'n' (NOT NULL as a named constraint) exists only from PostgreSQL 18: nullability is
  // already on the column line, so it is left out to keep PGlite and PostgreSQL 15 identical.
  const constraints = await q.query<{ table_name: string; name: string; def: string }>(
    `SELECT cl.relname AS table_name, co.conname AS name, pg_get_constraintdef(co.oid) AS def
       FROM pg_constraint co
       JOIN pg_class cl ON cl.oid = co.conrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = 'public' AND co.contype IN ('p', 'u', 'f', 'c', 'x')`,
  );
  const indexes = await q.query<{ table_name: string; name: string; def: string }>(
    `SELECT tablename AS table_name, indexname AS name, indexdef AS def
       FROM pg_indexes WHERE schemaname = 'public'`,
  );
  const triggers = await q.query<{ table_name: string; name: string; def: string }>(
    `SELECT cl.relname AS table_name, t.tgname AS name, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t
       JOIN pg_class cl ON cl.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
  );
  const functions = await q.query<{ name: string; def: string }>(
    `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
            'returns ' || pg_get_function_result(p.oid) || ' language ' || l.lanname AS def
       FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       JOIN pg_language l ON l.oid = p.prolang
      WHERE n.nspname = 'public'`,
  );

  const unqualify = (def: string) =>
    def.replace(/ ON public\./g, ' ON ').replace(/ EXECUTE FUNCTION public\./g, ' EXECUTE FUNCTION ');
  const result: SchemaCatalogue = { tables: {}, functions: byName(functions) };
  for (const { table_name } of tables) {
    const of = <R extends { table_name: string }>(rows: R[]) =>
      rows.filter((r) => r.table_name === table_name);
    result.tables[table_name] = {
      columns: Object.fromEntries(
        of(columns).map((c) => [
          c.column_name,
          [
            c.type,
            c.is_nullable === 'NO' ? 'not null' : null,
            c.is_identity === 'YES' ? 'identity' : null,
            c.column_default === null ? null : `default ${c.column_default}`,
          ]
            .filter((part) => part !== null)
            .join(' '),
        ]),
      ),
      constraints: byName(of(constraints)),
      indexes: byName(of(indexes).map((i) => ({ name: i.name, def: unqualify(i.def) }))),
      triggers: byName(of(triggers).map((t) => ({ name: t.name, def: unqualify(t.def) }))),
    };
  }
  return result;
};

/** One line per difference, '+' in the migrations but not the snapshot, '-' the reverse, '~' changed. */
export const describeCatalogueDifferences = (
  snapshot: SchemaCatalogue,
  actual: SchemaCatalogue,
): string[] => {
  const lines: string[] = [];
  const compare = (where: string, before: Record<string, string>, after: Record<string, string>) => {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const name of names) {
      const b = before[name];
      const a = after[name];
      if (b === a) continue;
      if (b === undefined) lines.push(`+ ${where}${name}: ${a}`);
      else if (a === undefined) lines.push(`- ${where}${name}: ${b}`);
      else lines.push(`~ ${where}${name}:\n    snapshot:   ${b}\n    migrations: ${a}`);
    }
  };
  const tableNames = [...new Set([...Object.keys(snapshot.tables), ...Object.keys(actual.tables)])].sort();
  for (const table of tableNames) {
    const b = snapshot.tables[table];
    const a = actual.tables[table];
    if (!b) {
      lines.push(`+ table ${table} (${Object.keys(a?.columns ?? {}).length} columns)`);
      continue;
    }
    if (!a) {
      lines.push(`- table ${table}`);
      continue;
    }
    compare(`column ${table}.`, b.columns, a.columns);
    compare(`constraint ${table}.`, b.constraints, a.constraints);
    compare(`index ${table}.`, b.indexes, a.indexes);
    compare(`trigger ${table}.`, b.triggers, a.triggers);
  }
  compare('function ', snapshot.functions, actual.functions);
  return lines;
};
