/**
 * npx tsx bench/assessment.bench.ts [--quick] [--pg-only | --pglite-only]  (or within `npm run bench`)
 *
 * Annual assessment (年评) against a database (issue 6 §6): a tree of units with a year (2025) of
 * facts, a scored rulebook layer attached to its root and a 'year' period opened on it; measured in
 * one run:
 *   - the computation as the compute use case does it (computePeriod without the HTTP request, its
 *     audit record and the read-back of the results): delete the version's rows, list the units,
 *     collect every fact (collectFacts, one statement), score, rank, choose advanced units, store the
 *     results as one record (ADR 0010), mark the period computed — in one transaction;
 *   - one unit's explanation page (getUnitExplanation) for 25 units, the median;
 *   - the baseline: one full scan of each fact table the computation reads (count(*) and a sum of a
 *     column, one statement per table, in sequence), the sum of the five scans.
 * Two sizes: the demo county's (~1,000 units: 1 county, 10 towns, 150 villages, 839 grids) and a
 * 25,000-unit tree (1 county, 100 towns, 2,400 villages, 22,499 grids, like duties-db).
 *
 * Facts per unit below the root (generated with INSERT … SELECT over the tree): 12 monthly duty
 * occurrences (1 in 10 late, 1 in 20 waived), an incident for every 2nd unit (1 in 7 late), an
 * inspection of every town and village with two findings each and their rectification tasks (1 in 5
 * accepted late), an accountability step for every 10th unit (cases for every 50th), and an entered
 * case rate for 2025 and 2024 (indicator_values). Letters and their signatures are left out (their
 * versions, people and posts would need the letters module's issuing; the signing-rate query is
 * one more grouped query of the same shape). Each tree and its rows are removed afterwards (the
 * period with triggers off, as periods are otherwise undeletable).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../packages/server/src/db/client';
import { migrate } from '../packages/server/src/db/migrate';
import { type TreeUnit, insertUnitTree } from '../packages/server/src/fixtures/factories';
import {
  deleteResultsOfVersion,
  findPeriod,
  insertPeriod,
  setPeriodComputed,
} from '../packages/server/src/modules/assessment/assessment.repository';
import { computeResults } from '../packages/server/src/modules/assessment/compute-results';
import { getUnitExplanation } from '../packages/server/src/modules/assessment/get-unit-explanation';
import type { RoleGrant } from '../packages/server/src/platform/auth/principal';
import { ensureShippedCalendarYears } from '../packages/server/src/modules/calendar/ensure-shipped-calendar';
import { checkRulebookVersion } from '../packages/server/src/modules/rulebook/check-rulebook-version';
import { ensurePresetRulebooks } from '../packages/server/src/modules/rulebook/ensure-preset-rulebooks';
import { findRulebookInForce } from '../packages/server/src/modules/rulebook/resolve-rulebook-in-force';
import {
  insertRulebookIfAbsent,
  insertRulebookVersion,
} from '../packages/server/src/modules/rulebook/rulebook.repository';
import type { BenchFigure, BenchLog } from './figures';

const YEAR = 2025;
/** The computation runs on 2026-03-02: every deadline of 2025 has passed. */
const NOW = new Date('2026-03-02T01:00:00Z');
const LAYER = 'bench-assessment';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

const cite = { doc: 'bench-doc', article: '第一条' };
const threshold = (id: string, zh: string, en: string, fact: string, value: number) => ({
  id,
  name: { zh, en },
  method: 'threshold',
  dataSource: 'computed',
  fact,
  thresholds: [
    { id: `${id}-rate`, measure: { zh: '比率', en: 'rate' }, comparator: 'gte', value, unit: 'percent' },
  ],
  scoring: { kind: 'threshold', pointsMet: 20, pointsNotMet: 0, source: cite },
  source: cite,
});

/** A county layer over Zhejiang scoring every unit kind on the computed facts and one entered value. */
const benchLayer = {
  id: LAYER,
  name: { zh: '考核基准制度', en: 'Assessment bench rulebook' },
  jurisdictionLevel: 'county',
  extends: 'zhejiang-2016',
  sources: [{ id: 'bench-doc', title: '考核基准文件', year: 2025 }],
  indicators: {
    items: [
      threshold('duties', '职责按时履行', 'Duties on time', 'duties_on_time', 90),
      threshold('incidents', '案事件按时报告', 'Incidents reported on time', 'incident_reports_on_time', 90),
      threshold(
        'rectifications',
        '整改按时验收',
        'Rectifications accepted on time',
        'rectifications_accepted_on_time',
        80,
      ),
      {
        id: 'steps',
        name: { zh: '被追责情况', en: 'Accountability steps received' },
        method: 'deduction',
        dataSource: 'computed',
        fact: 'accountability_steps_received',
        thresholds: [],
        scoring: { kind: 'deduction', maxPoints: 20, perOccurrence: 10, floor: 0, source: cite },
        source: cite,
      },
      {
        id: 'case-rate',
        name: { zh: '刑事案件发案率', en: 'Criminal case rate' },
        method: 'linear',
        dataSource: 'entered',
        thresholds: [],
        scoring: {
          kind: 'linear',
          lower: 0,
          upper: 10,
          direction: 'lower_is_better',
          maxPoints: 20,
          source: cite,
        },
        source: cite,
      },
    ],
  },
};

/** Publishes the layer as the publish use case stores it (checked, digested), once per database. */
export const publishLayer = async (db: Database) =>
  db.transaction(async (tx) => {
    const [present] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM rulebook_versions WHERE rulebook_id = $1',
      [LAYER],
    );
    if ((present?.n ?? 0) > 0) return;
    await insertRulebookIfAbsent(tx, { id: LAYER, name: benchLayer.name, now: NOW });
    const checked = await checkRulebookVersion(tx, { id: LAYER, input: benchLayer });
    await insertRulebookVersion(tx, {
      rulebookId: LAYER,
      version: checked.version,
      body: checked.document,
      publishedAt: NOW,
      publishedBy: 'bench',
      publishedByAccountId: null,
      digest: checked.digest,
    });
  });

type Size = { label: string; code: string; towns: number; villages: number; grids: number };

export const ASSESSMENT_SIZES: Size[] = [
  { label: 'demo-county size', code: 'BENCHAS1K', towns: 10, villages: 150, grids: 839 },
  { label: '25,000-unit tree', code: 'BENCHAS25K', towns: 100, villages: 2_400, grids: 22_499 },
];

export const buildTree = async (db: Database, s: Size) => {
  const tree: TreeUnit[] = [{ name: `${s.code}县`, kind: 'county', code: s.code }];
  const towns: number[] = [];
  const villages: number[] = [];
  for (let t = 0; t < s.towns; t += 1) {
    towns.push(tree.length);
    tree.push({ name: `考核镇${t}`, kind: 'town', code: `${s.code}-T${t}`, parentIndex: 0 });
  }
  for (let v = 0; v < s.villages; v += 1) {
    villages.push(tree.length);
    tree.push({
      name: `考核村${v}`,
      kind: 'village',
      code: `${s.code}-V${v}`,
      parentIndex: towns[v % s.towns]!,
    });
  }
  for (let g = 0; g < s.grids; g += 1)
    tree.push({
      name: `考核网格${g}`,
      kind: 'grid',
      code: `${s.code}-G${g}`,
      parentIndex: villages[g % s.villages]!,
    });
  return db.transaction((tx) => insertUnitTree(tx, tree));
};

/** A year of facts for every unit below the root, in a handful of INSERT … SELECT statements. */
export const generateFacts = async (db: Database, root: { id: number; path: string }) =>
  db.transaction(async (tx) => {
    const below = [`${root.path}%`, root.id];
    const units = `SELECT id, kind, row_number() OVER (ORDER BY id) AS n FROM units
                    WHERE path LIKE $1 AND id <> $2 AND valid_to IS NULL`;
    await tx.query(
      `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline, duty_name_zh,
                                     duty_name_en, duty_kind, evidence_required, rulebook_id, rulebook_version,
                                     generated_at, fulfilled_on, fulfilment_kind, waived_at, waived_by, waiver_reason)
       SELECT 'bench-monthly-report', u.id, '${YEAR}-M' || lpad(m::text, 2, '0'), s, e, e, '月度报告', 'Monthly report',
              'report', false, 'national-2016', 1, $3::timestamptz,
              CASE WHEN (u.n + m) % 20 = 0 THEN NULL WHEN (u.n + m) % 10 = 1 THEN e + 5 ELSE e - 2 END,
              CASE WHEN (u.n + m) % 20 = 0 THEN NULL ELSE 'report' END,
              CASE WHEN (u.n + m) % 20 = 0 THEN $3::timestamptz END,
              CASE WHEN (u.n + m) % 20 = 0 THEN 'bench' END,
              CASE WHEN (u.n + m) % 20 = 0 THEN '基准豁免' END
         FROM (${units}) u, generate_series(1, 12) AS m,
              LATERAL (SELECT make_date(${YEAR}, m, 1) AS s,
                              (make_date(${YEAR}, m, 1) + interval '1 month - 1 day')::date AS e) d`,
      [...below, NOW],
    );
    await tx.query(
      `INSERT INTO incidents (unit_id, kind, occurred_at, place, summary, source, reported_at, timeliness,
                              timeliness_basis, recorded_at, recorded_by)
       SELECT u.id, 'other_major_incident', o, '基准地点', '基准事件', 'reported',
              o + CASE WHEN u.n % 7 = 0 THEN interval '3 days' ELSE interval '1 hour' END,
              CASE WHEN u.n % 7 = 0 THEN 'late' ELSE 'on_time' END,
              CASE WHEN u.n % 7 = 0 THEN 'after_limit' ELSE 'within_limit' END, $3, 'bench'
         FROM (${units}) u,
              LATERAL (SELECT timestamptz '${YEAR}-01-01 08:00+08' + (u.n % 360) * interval '1 day' AS o) d
        WHERE u.n % 2 = 0`,
      [...below, NOW],
    );
    await tx.query(
      `INSERT INTO inspections (kind, inspecting_unit_id, inspecting_body, unit_id, carried_out_on, inspectors,
                                created_at, created_by)
       SELECT 'half_year_check', $3, 'office', u.id, DATE '${YEAR}-06-15', '基准检查组', $4, 'bench'
         FROM (${units}) u WHERE u.kind IN ('town','village')`,
      [...below, root.id, NOW],
    );
    await tx.query(
      `INSERT INTO inspection_findings (inspection_id, number, severity, description, created_at, created_by)
       SELECT i.id, f, 'general', '基准问题', $3, 'bench'
         FROM inspections i JOIN units u ON u.id = i.unit_id, generate_series(1, 2) AS f
        WHERE u.path LIKE $1 AND u.id <> $2`,
      [...below, NOW],
    );
    await tx.query(
      `INSERT INTO rectification_tasks (finding_id, owner_unit_id, issued_on, deadline, deadline_basis, rulebook_id,
                                        rulebook_version, state, submitted_on, accepted_on, accepted_on_time, closed_on)
       SELECT f.id, i.unit_id, DATE '${YEAR}-06-16', DATE '${YEAR}-07-31', 'rulebook', 'national-2016', 1, 'closed',
              DATE '${YEAR}-07-20',
              CASE WHEN f.id % 5 = 0 THEN DATE '${YEAR}-08-10' ELSE DATE '${YEAR}-07-25' END,
              f.id % 5 <> 0,
              CASE WHEN f.id % 5 = 0 THEN DATE '${YEAR}-08-10' ELSE DATE '${YEAR}-07-25' END
         FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id JOIN units u ON u.id = i.unit_id
        WHERE u.path LIKE $1 AND u.id <> $2`,
      below,
    );
    await tx.query(
      `INSERT INTO accountability_cases (unit_id, relevant_on, situation_id, status, rulebook_id, rulebook_version,
                                         facts, opened_on, opened_at, opened_by)
       SELECT u.id, DATE '${YEAR}-03-01', 'bench-situation', 'open', 'national-2016', 1, '基准事实',
              DATE '${YEAR}-03-05', $3, 'bench'
         FROM (${units}) u WHERE u.n % 50 = 0`,
      [...below, NOW],
    );
    await tx.query(
      `INSERT INTO accountability_steps (case_id, unit_id, step, decided_on, relevant_on, windows, rulebook_id,
                                         rulebook_version, decision_body, deciding_unit_id, decided_at, decided_by)
       SELECT c.id, u.id, 'notice', DATE '${YEAR}-01-01' + (u.n % 360)::int, DATE '${YEAR}-03-01', '[]'::jsonb,
              'national-2016', 1, 'office', $3, $4, 'bench'
         FROM (${units}) u
         JOIN LATERAL (SELECT id FROM accountability_cases ORDER BY id DESC LIMIT 1) c ON true
        WHERE u.n % 10 = 0`,
      [...below, root.id, NOW],
    );
    await tx.query(
      `INSERT INTO indicator_values (unit_id, indicator_id, period_key, value, source, entered_by, entered_at)
       SELECT u.id, 'case-rate', k, (u.n % 11)::double precision, 'entered', 'bench', $3
         FROM (${units}) u, unnest(ARRAY['${YEAR}', '${YEAR - 1}']) AS k`,
      [...below, NOW],
    );
    const [counts] = await tx.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM duty_occurrences d JOIN units u ON u.id = d.unit_id WHERE u.path LIKE $1) AS duties,
              (SELECT count(*)::int FROM incidents d JOIN units u ON u.id = d.unit_id WHERE u.path LIKE $1) AS incidents,
              (SELECT count(*)::int FROM rectification_tasks d JOIN units u ON u.id = d.owner_unit_id
                WHERE u.path LIKE $1) AS rectifications,
              (SELECT count(*)::int FROM accountability_steps d JOIN units u ON u.id = d.unit_id
                WHERE u.path LIKE $1) AS steps,
              (SELECT count(*)::int FROM indicator_values d JOIN units u ON u.id = d.unit_id WHERE u.path LIKE $1) AS "values"`,
      [`${root.path}%`],
    );
    return counts!;
  });

/** The baseline: one full sequential scan of each fact table the computation reads. */
const FACT_SCANS = [
  'SELECT count(*)::int AS n, sum(unit_id)::float8 AS s FROM duty_occurrences',
  'SELECT count(*)::int AS n, sum(unit_id)::float8 AS s FROM incidents',
  'SELECT count(*)::int AS n, sum(owner_unit_id)::float8 AS s FROM rectification_tasks',
  'SELECT count(*)::int AS n, sum(unit_id)::float8 AS s FROM accountability_steps',
  'SELECT count(*)::int AS n, sum(value)::float8 AS s FROM indicator_values',
];
const scanFactTables = (db: Database) =>
  time(async () => {
    for (const sql of FACT_SCANS) await db.query(sql);
  });

/**
 * The floor of any computation that counts the raw facts per unit: each fact table grouped by unit
 * with the period's filters, as the computation groups it, the groups only counted (no join to the
 * units, no scoring, nothing sent back or stored). Measured to show how much of the computation's
 * time the grouping alone takes, against the plain scan.
 */
const FACT_GROUPINGS = [
  `SELECT count(*)::int AS n, sum(part)::float8 AS s FROM (
     SELECT unit_id, count(*) AS total, count(*) FILTER (WHERE waived_at IS NOT NULL OR fulfilled_on <= deadline) AS part
       FROM duty_occurrences WHERE deadline BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31' AND deadline < '2026-03-02'
      GROUP BY unit_id) g`,
  `SELECT count(*)::int AS n, sum(part)::float8 AS s FROM (
     SELECT unit_id, count(*) AS total, count(*) FILTER (WHERE timeliness = 'on_time') AS part FROM incidents
      WHERE occurred_at >= timestamptz '${YEAR}-01-01 00:00+08' AND occurred_at < timestamptz '${YEAR + 1}-01-01 00:00+08'
        AND timeliness IN ('on_time','late','unreported')
      GROUP BY unit_id) g`,
  `SELECT count(*)::int AS n, sum(part)::float8 AS s FROM (
     SELECT owner_unit_id, count(*) AS total, count(*) FILTER (WHERE accepted_on_time IS TRUE) AS part
       FROM rectification_tasks WHERE deadline BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31' GROUP BY owner_unit_id) g`,
  `SELECT count(*)::int AS n, sum(total)::float8 AS s FROM (
     SELECT unit_id, count(*) AS total FROM accountability_steps
      WHERE decided_on BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31' GROUP BY unit_id) g`,
  `SELECT count(*)::int AS n, sum(value)::float8 AS s FROM (
     SELECT unit_id, indicator_id, max(value) FILTER (WHERE period_key = '${YEAR}') AS value FROM indicator_values
      WHERE period_key IN ('${YEAR}', '${YEAR - 1}') GROUP BY unit_id, indicator_id) g`,
];
const groupFactTables = (db: Database) =>
  time(async () => {
    for (const sql of FACT_GROUPINGS) await db.query(sql);
  });

const removeTree = async (db: Database, ids: number[], periodId: number | undefined) =>
  db.transaction(async (tx) => {
    if (periodId !== undefined) {
      // A period can never be deleted (assessment_period_guard): the bench's own is removed with the
      // triggers off for this transaction only (superuser on a throwaway database).
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.query('DELETE FROM assessment_result_sets WHERE period_id = $1', [periodId]);
      await tx.query('DELETE FROM assessment_periods WHERE id = $1', [periodId]);
    }
    const any = [ids];
    await tx.query('DELETE FROM rectification_tasks WHERE owner_unit_id = ANY($1::bigint[])', any);
    await tx.query(
      `DELETE FROM inspection_findings WHERE inspection_id IN
         (SELECT id FROM inspections WHERE unit_id = ANY($1::bigint[]))`,
      any,
    );
    await tx.query('DELETE FROM inspections WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM accountability_steps WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM accountability_cases WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM incidents WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM duty_occurrences WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM indicator_values WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM unit_rulebooks WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM unit_history WHERE unit_id = ANY($1::bigint[])', any);
    await tx.query('DELETE FROM units WHERE id = ANY($1::bigint[])', any);
  });

const benchSize = async (db: Database, log: BenchLog, s: Size, runs: number): Promise<BenchFigure[]> => {
  const built = performance.now();
  const placed = await buildTree(db, s);
  const root = placed[0]!;
  const counts = await generateFacts(db, root);
  // A year of facts is long since vacuumed by autovacuum in production; vacuumed here too, so that
  // neither the scan nor the computation pays for setting hint bits on first read.
  for (const table of [
    'units',
    'duty_occurrences',
    'incidents',
    'rectification_tasks',
    'accountability_steps',
    'indicator_values',
  ])
    await db.exec(`VACUUM (ANALYZE) ${table}`);
  log(
    `assessment bench (${s.label}): ${placed.length} units and their facts built in ${(performance.now() - built).toFixed(0)} ms: ${JSON.stringify(counts)}`,
  );
  let periodId: number | undefined;
  try {
    await db.query(
      `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
       VALUES ($1, $2, $3::date, $4, 'bench')`,
      [root.id, LAYER, `${YEAR}-01-01`, NOW],
    );
    const inForce = await findRulebookInForce(db, LAYER, NOW);
    if (!inForce) throw new Error(`${LAYER} does not resolve`);
    periodId = await insertPeriod(db, {
      rootUnitId: root.id,
      rulebookId: inForce.rulebookId,
      rulebookVersion: inForce.version,
      rules: inForce.rulebook.indicators,
      kind: 'year',
      periodKey: String(YEAR),
      start: `${YEAR}-01-01`,
      end: `${YEAR}-12-31`,
      now: NOW,
      by: 'bench',
      byAccountId: null,
    });
    const id = periodId!;
    const compute = () =>
      db.transaction(async (tx) => {
        const period = (await findPeriod(tx, id, true))!;
        const version = Math.max(1, period.version);
        await deleteResultsOfVersion(tx, id, version);
        const outcome = await computeResults(tx, period, { version, now: NOW, reason: null });
        await setPeriodComputed(tx, id, version, NOW);
        return outcome;
      });
    // Warm both paths once (plans, caches), then alternate.
    const first = await compute();
    await scanFactTables(db);
    await groupFactTables(db);
    const scans: number[] = [];
    const groupings: number[] = [];
    const computes: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      scans.push(await scanFactTables(db));
      groupings.push(await groupFactTables(db));
      computes.push(await time(compute));
    }
    const [check] = await db.query<{ n: number; scored: number; failing: number }>(
      `SELECT count(*)::int AS n, count(score)::int AS scored, count(*) FILTER (WHERE grade_failing)::int AS failing
         FROM assessment_results WHERE period_id = $1`,
      [id],
    );
    if (check?.n !== placed.length - 1 || check.scored !== check.n)
      throw new Error(`expected ${placed.length - 1} scored results, got ${JSON.stringify(check)}`);
    const [rows] = await db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM duty_occurrences) + (SELECT count(*) FROM incidents) +
               (SELECT count(*) FROM rectification_tasks) + (SELECT count(*) FROM accountability_steps) +
               (SELECT count(*) FROM indicator_values))::int AS n`,
    );
    // One unit's explanation page: its slice of the stored arrays, scored again, and its fact rows.
    const grants: RoleGrant[] = [{ role: 'operator', unitId: root.id, unitPath: root.path }];
    const sample = await db.query<{ unit_id: number }>(
      `SELECT unit_id FROM assessment_results WHERE period_id = $1 ORDER BY (unit_id * 7919) % 1009 LIMIT 25`,
      [id],
    );
    const reads: number[] = [];
    for (const { unit_id } of sample)
      reads.push(await time(() => getUnitExplanation(db, grants, { id, unitId: unit_id })));
    const scan = median(scans);
    const value = median(computes);
    log(
      `assessment bench (${s.label}): compute ${value.toFixed(0)} ms, scan ${scan.toFixed(0)} ms, ratio ${(value / scan).toFixed(2)}× (${first.units} units, ${first.failing.length} failing; load ${loadavg()[0]!.toFixed(2)})`,
    );
    const note = `${placed.length} units, ${first.units} scored (${first.failing.length} failing); facts ${JSON.stringify(counts)}; median of ${runs}`;
    return [
      {
        name: `annual assessment (${YEAR}), ${s.label}`,
        value,
        unit: 'ms',
        baseline: scan,
        better: 'lower',
        note: `${note}; goal < 3× the scan; baseline: one full scan of the 5 fact tables`,
      },
      {
        name: `full scan of the 5 fact tables (${s.label})`,
        value: scan,
        unit: 'ms',
        better: 'lower',
        note: `${rows?.n ?? '?'} rows in all (count(*) + sum per table)`,
      },
      {
        name: `the facts grouped by unit, nothing more (${s.label})`,
        value: median(groupings),
        unit: 'ms',
        baseline: scan,
        better: 'lower',
        note: 'the floor of counting raw facts per unit: the 5 tables grouped by unit with the period filters, groups only counted (no join, scoring, transfer or storage)',
      },
      {
        name: `one unit's explanation, ${s.label}`,
        value: median(reads),
        unit: 'ms',
        better: 'lower',
        note: `median of ${reads.length} units (max ${Math.max(...reads).toFixed(1)} ms): stored facts and points sliced from the set, scored again, fact rows looked up`,
      },
    ];
  } finally {
    await removeTree(
      db,
      placed.map((u) => u.id),
      periodId,
    );
  }
};

export type AssessmentBenchOptions = { runs?: number; sizes?: Size[] };

export const benchAssessment = async (
  db: Database,
  log: BenchLog,
  { runs = 7, sizes = ASSESSMENT_SIZES }: AssessmentBenchOptions = {},
): Promise<BenchFigure[]> => {
  await ensurePresetRulebooks(db, undefined, { now: () => NOW });
  await ensureShippedCalendarYears(db, { now: () => NOW });
  await publishLayer(db);
  const figures: BenchFigure[] = [];
  for (const s of sizes) figures.push(...(await benchSize(db, log, s, runs)));
  return figures;
};

const standalone = async () => {
  const quick = process.argv.includes('--quick');
  const pgOnly = process.argv.includes('--pg-only');
  const options: AssessmentBenchOptions = quick ? { runs: 1 } : {};
  const log: BenchLog = (m) => console.log(m);
  const print = (figures: BenchFigure[]) => {
    for (const f of figures)
      log(
        `${f.name}: ${f.value.toFixed(1)} ${f.unit}${f.baseline ? ` (baseline ${f.baseline.toFixed(1)}, ${(f.value / f.baseline).toFixed(2)}×)` : ''}`,
      );
  };
  log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
  );
  const url = process.env.ZONGZHI_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  let reachable = !process.argv.includes('--pglite-only');
  if (reachable)
    try {
      await admin.connect();
    } catch {
      reachable = false;
      log(`PostgreSQL not reachable at ${url}.`);
    }
  if (reachable) {
    const name = `zz_assess_bench_${process.pid}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 10 });
    try {
      await migrate(db);
      log('== PostgreSQL ==');
      print(await benchAssessment(db, log, options));
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  if (pgOnly) return;
  const dir = mkdtempSync(join(tmpdir(), 'zz-assess-bench-'));
  const lite = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  try {
    await migrate(lite);
    log('== PGlite ==');
    print(await benchAssessment(lite, log, options));
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  log(
    `load average at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
  );
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await standalone();
