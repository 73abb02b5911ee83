// Regenerates packages/server/src/db/schema.snapshot.json from the migrations (npm run db:snapshot).
// Review the diff it leaves: it is the schema change your migration makes.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../packages/server/src/db/client';
import { migrate } from '../packages/server/src/db/migrate';
import { SCHEMA_SNAPSHOT_FILE, readSchemaCatalogue } from '../packages/server/src/db/schema-catalogue';

const db = await openDatabase({ kind: 'pglite' });
try {
  await migrate(db);
  writeFileSync(SCHEMA_SNAPSHOT_FILE, `${JSON.stringify(await readSchemaCatalogue(db), null, 2)}\n`);
} finally {
  await db.close();
}
// Written in the formatter's own layout so that `npm run lint` accepts it unchanged.
execFileSync('npx', ['biome', 'format', '--write', SCHEMA_SNAPSHOT_FILE], { stdio: 'ignore' });
console.log(`已更新 / updated ${SCHEMA_SNAPSHOT_FILE}`);
