import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../test/harness';
import {
  SCHEMA_SNAPSHOT_FILE,
  type SchemaCatalogue,
  describeCatalogueDifferences,
  readSchemaCatalogue,
} from './schema-catalogue';

// The committed snapshot is what reviewers see change when a migration lands; a migration edited
// after the fact, or a snapshot not regenerated, fails here on PGlite and on PostgreSQL alike.
describe('schema drift', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('the migrations build exactly the schema in schema.snapshot.json', async () => {
    const snapshot = JSON.parse(readFileSync(SCHEMA_SNAPSHOT_FILE, 'utf8')) as SchemaCatalogue;
    const differences = describeCatalogueDifferences(snapshot, await readSchemaCatalogue(t.db));
    expect(
      differences,
      `数据库结构与快照不一致 / the schema differs from the snapshot (regenerate with \`npm run db:snapshot\` and review the diff):\n${differences.join('\n')}\n`,
    ).toEqual([]);
  });

  it('reports a changed, an added and a removed column in one readable line each', () => {
    const table = {
      columns: { id: 'bigint not null identity', name: 'text' },
      constraints: {},
      indexes: {},
      triggers: {},
    };
    const before: SchemaCatalogue = { tables: { units: table }, functions: {} };
    const after: SchemaCatalogue = {
      tables: {
        units: { ...table, columns: { id: 'bigint not null identity', name: 'text not null', code: 'text' } },
      },
      functions: {},
    };
    expect(describeCatalogueDifferences(before, after)).toEqual([
      '+ column units.code: text',
      '~ column units.name:\n    snapshot:   text\n    migrations: text not null',
    ]);
    expect(describeCatalogueDifferences(after, before)).toEqual([
      '- column units.code: text',
      '~ column units.name:\n    snapshot:   text not null\n    migrations: text',
    ]);
  });
});
