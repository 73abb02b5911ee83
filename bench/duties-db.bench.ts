/**
 * Duty generation against a database: a year of occurrences for the demo county (generate-demo.ts,
 * ~850 units) with seed 001's rulebook (district-001) attached to the county. Measured in one run:
 *   - the generation as the server does it (load units and attachments, resolve the rulebook,
 *     decide the occurrences, INSERT … ON CONFLICT DO NOTHING in bulk through unnest);
 *   - the same again, when every row is there already (the second run that must add nothing);
 *   - the baseline: a plain bulk INSERT of exactly the same rows (same unnest, no conflict
 *     handling, no planning) into a table with the same columns and indexes.
 * The year is 2025, so that every deadline, including those counted into January 2026, falls in a
 * shipped calendar year. Needs an empty database (it loads the demo county).
 *
 * Then the same three figures for a 25,000-unit tree (1 county, 100 towns, 2,400 villages, 22,499
 * grids, built with the bulk factories) with seed 003's rulebook (qingdao-003: weekly/monthly/
 * quarterly/annual duties of towns, monthly and quarterly ones of villages; no preset has grid
 * duties, so grids are loaded and resolved but owe nothing). The tree is removed afterwards.
 */
import type { Database } from '../packages/server/src/db/client';
import { type TreeUnit, insertUnitTree } from '../packages/server/src/fixtures/factories';
import { generateDemo } from '../packages/server/src/fixtures/demo/generate-demo';
import {
  generateDutyOccurrences,
  planDutyOccurrences,
  yearWindow,
} from '../packages/server/src/modules/duties/generate-duty-occurrences';
import { occurrenceColumns } from '../packages/server/src/modules/duties/duties.repository';
import { ensureShippedCalendarYears } from '../packages/server/src/modules/calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../packages/server/src/modules/rulebook/ensure-preset-rulebooks';
import type { BenchFigure, BenchLog } from './figures';

const YEAR = 2025;
const RULEBOOK = 'district-001';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

export const benchDutyGenerationDb = async (
  db: Database,
  log: BenchLog,
  { runs = 3 }: { runs?: number } = {},
): Promise<BenchFigure[]> => {
  const [existing] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
  if ((existing?.n ?? 0) > 0)
    throw new Error('duties-db bench needs an empty database (it loads the demo county)');
  const now = new Date(`${YEAR}-01-02T02:00:00Z`);
  await generateDemo(db, { secretKey: Buffer.alloc(16, 7), now });
  await ensurePresetRulebooks(db, undefined, { now: () => now });
  // Deadlines are working-day arithmetic: without the calendar years no occurrence can be planned.
  await ensureShippedCalendarYears(db, { now: () => now });
  const [county] = await db.query<{ id: number }>(
    "SELECT id FROM units WHERE kind = 'county' ORDER BY depth LIMIT 1",
  );
  await db.query(
    `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
     VALUES ($1, $2, $3::date, $4, 'bench')`,
    [county!.id, RULEBOOK, `${YEAR}-01-01`, now],
  );
  const input = {
    window: yearWindow(YEAR),
    span: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
    rulesDate: `${YEAR}-01-02`,
    patterns: null,
    now,
  };
  const plan = await planDutyOccurrences(db, input);
  const rows = plan.rows.length;
  log(`duties-db bench data: ${plan.units} units, ${rows} occurrences for ${YEAR} from ${RULEBOOK}`);
  await db.exec(
    'DROP TABLE IF EXISTS bench_duty_plain; CREATE TABLE bench_duty_plain (LIKE duty_occurrences INCLUDING ALL);',
  );

  const generation: number[] = [];
  const secondRun: number[] = [];
  const plain: number[] = [];
  let created = 0;
  for (let i = 0; i < runs; i += 1) {
    await db.exec('DELETE FROM duty_occurrences; TRUNCATE bench_duty_plain;');
    generation.push(
      await time(async () => {
        created = (await db.transaction((tx) => generateDutyOccurrences(tx, input))).created;
      }),
    );
    secondRun.push(await time(() => db.transaction((tx) => generateDutyOccurrences(tx, input))));
    plain.push(
      await time(() =>
        db.transaction(async (tx) => {
          for (let j = 0; j < rows; j += 20_000) {
            await tx.query(
              `INSERT INTO bench_duty_plain (duty_id, unit_id, period_key, period_start, period_end, deadline,
                                             duty_name_zh, duty_name_en, duty_kind, evidence_required,
                                             rulebook_id, rulebook_version, generated_at)
               SELECT d.*, $13::timestamptz FROM unnest($1::text[], $2::bigint[], $3::text[], $4::date[],
                 $5::date[], $6::date[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[],
                 $12::int[]) AS d`,
              [...occurrenceColumns(plan.rows.slice(j, j + 20_000)), now],
            );
          }
        }),
      ),
    );
  }
  if (created !== rows) throw new Error(`generation stored ${created} of ${rows} occurrences`);
  await db.exec('DROP TABLE bench_duty_plain;');
  const baseline = median(plain);
  const note = `${rows} rows, ${plan.units} units, median of ${runs}`;
  const large = await benchLargeTree(db, log, { runs, now });
  return [
    {
      name: `generate a year (${YEAR}), demo county`,
      value: median(generation),
      unit: 'ms',
      baseline,
      better: 'lower',
      note: `${note}; baseline: plain bulk INSERT of the same rows`,
    },
    {
      name: 'second generation (adds 0 rows)',
      value: median(secondRun),
      unit: 'ms',
      baseline,
      better: 'lower',
      note,
    },
    { name: 'plain bulk INSERT of the same rows', value: baseline, unit: 'ms', better: 'lower', note },
    ...large,
  ];
};

const plainInsert = (db: Database, table: string, rows: Parameters<typeof occurrenceColumns>[0], now: Date) =>
  db.transaction(async (tx) => {
    for (let j = 0; j < rows.length; j += 20_000) {
      await tx.query(
        `INSERT INTO ${table} (duty_id, unit_id, period_key, period_start, period_end, deadline,
                               duty_name_zh, duty_name_en, duty_kind, evidence_required,
                               rulebook_id, rulebook_version, generated_at)
         SELECT d.*, $13::timestamptz FROM unnest($1::text[], $2::bigint[], $3::text[], $4::date[],
           $5::date[], $6::date[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[],
           $12::int[]) AS d`,
        [...occurrenceColumns(rows.slice(j, j + 20_000)), now],
      );
    }
  });

const LARGE_RULEBOOK = 'qingdao-003';

/** A year for a 25,000-unit tree, against a plain bulk INSERT of the same rows in the same run. */
const benchLargeTree = async (
  db: Database,
  log: BenchLog,
  { runs, now }: { runs: number; now: Date },
): Promise<BenchFigure[]> => {
  const tree: TreeUnit[] = [{ name: '基准县', kind: 'county', code: 'BENCH25K' }];
  const towns: number[] = [];
  const villages: number[] = [];
  for (let t = 0; t < 100; t += 1) {
    towns.push(tree.length);
    tree.push({ name: `基准镇${t}`, kind: 'town', code: `BENCH25K-T${t}`, parentIndex: 0 });
  }
  for (let v = 0; v < 2_400; v += 1) {
    villages.push(tree.length);
    tree.push({ name: `基准村${v}`, kind: 'village', code: `BENCH25K-V${v}`, parentIndex: towns[v % 100]! });
  }
  for (let g = 0; g < 22_499; g += 1)
    tree.push({
      name: `基准网格${g}`,
      kind: 'grid',
      code: `BENCH25K-G${g}`,
      parentIndex: villages[g % 2_400]!,
    });
  const buildStarted = performance.now();
  const placed = await db.transaction((tx) => insertUnitTree(tx, tree));
  const root = placed[0]!;
  await db.query(
    `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
     VALUES ($1, $2, $3::date, $4, 'bench')`,
    [root.id, LARGE_RULEBOOK, `${YEAR}-01-01`, now],
  );
  log(`duties-db bench: ${placed.length} units built in ${(performance.now() - buildStarted).toFixed(0)} ms`);
  const input = {
    window: yearWindow(YEAR),
    span: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
    rulesDate: `${YEAR}-01-02`,
    patterns: [`${root.path}%`],
    now,
  };
  const plan = await planDutyOccurrences(db, input);
  const rows = plan.rows.length;
  log(`duties-db bench data: ${plan.units} units, ${rows} occurrences for ${YEAR} from ${LARGE_RULEBOOK}`);
  await db.exec(
    'DROP TABLE IF EXISTS bench_duty_plain; CREATE TABLE bench_duty_plain (LIKE duty_occurrences INCLUDING ALL);',
  );
  const generation: number[] = [];
  const secondRun: number[] = [];
  const plain: number[] = [];
  let created = 0;
  const unitIds = placed.map((u) => u.id);
  for (let i = 0; i < runs; i += 1) {
    await db.query('DELETE FROM duty_occurrences WHERE unit_id = ANY($1::bigint[])', [unitIds]);
    await db.exec('TRUNCATE bench_duty_plain;');
    generation.push(
      await time(async () => {
        created = (await db.transaction((tx) => generateDutyOccurrences(tx, input))).created;
      }),
    );
    secondRun.push(await time(() => db.transaction((tx) => generateDutyOccurrences(tx, input))));
    plain.push(await time(() => plainInsert(db, 'bench_duty_plain', plan.rows, now)));
  }
  if (created !== rows) throw new Error(`generation stored ${created} of ${rows} occurrences`);
  // Leave the database as the next bench expects it: the tree and its rows gone.
  await db.exec('DROP TABLE bench_duty_plain;');
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM duty_occurrences WHERE unit_id = ANY($1::bigint[])', [unitIds]);
    await tx.query('DELETE FROM unit_rulebooks WHERE unit_id = $1', [root.id]);
    await tx.query('DELETE FROM unit_history WHERE unit_id = ANY($1::bigint[])', [unitIds]);
    await tx.query('DELETE FROM units WHERE id = ANY($1::bigint[])', [unitIds]);
  });
  const baseline = median(plain);
  const note = `${rows} rows, ${plan.units} units, median of ${runs}`;
  return [
    {
      name: `generate a year (${YEAR}), 25,000-unit tree`,
      value: median(generation),
      unit: 'ms',
      baseline,
      better: 'lower',
      note: `${note}; ${LARGE_RULEBOOK}; baseline: plain bulk INSERT of the same rows`,
    },
    {
      name: 'second generation, 25,000-unit tree (adds 0 rows)',
      value: median(secondRun),
      unit: 'ms',
      baseline,
      better: 'lower',
      note,
    },
    {
      name: 'plain bulk INSERT of the same rows, 25,000-unit tree',
      value: baseline,
      unit: 'ms',
      better: 'lower',
      note,
    },
  ];
};
