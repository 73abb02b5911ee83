/**
 * npm run bench [-- --quick]
 *
 * Runs every bench module against a fresh embedded database (PGlite in a temporary directory) and,
 * when reachable, a fresh database on the local PostgreSQL (ZONGZHI_BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; a temporary database is created and dropped). Prints
 * each figure with the baseline measured in the same run and writes bench/RESULTS.md.
 * A module that is absent is skipped with a note; one that fails is reported and the run goes on.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, hostname, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Database, openDatabase } from '../packages/server/src/db/client';
import { migrate } from '../packages/server/src/db/migrate';
import { AUDIT_BENCH_SETUP, benchAudit } from './audit.bench';
import { type BenchFigure, type BenchLog, figuresTable } from './figures';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const QUICK = process.argv.includes('--quick');
const PG_URL = process.env.ZONGZHI_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const run = promisify(execFile);

const log: BenchLog = (message) => console.log(message);

type Section = { title: string; body: string };
const sections: Section[] = [];
const notes: string[] = [];

type Target = { label: string; db: Database; url?: string; dispose: () => Promise<void> };

const openPgliteTarget = async (): Promise<Target> => {
  const dir = mkdtempSync(join(tmpdir(), 'zz-bench-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  await migrate(db);
  return {
    label: 'PGlite (embedded, temp dir)',
    db,
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const openPostgresTarget = async (): Promise<Target | null> => {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (e) {
    notes.push(`PostgreSQL not reachable at ${PG_URL} (${(e as Error).message}); measured on PGlite only.`);
    return null;
  }
  const name = `zz_bench_${process.pid}_${Date.now().toString(36)}`;
  const [{ version } = { version: '?' }] = (await admin.query<{ version: string }>('SELECT version()')).rows;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 40 });
  await migrate(db);
  return {
    label: `PostgreSQL (${version.split(' ').slice(0, 2).join(' ')}, temp database)`,
    db,
    url: url.toString(),
    dispose: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
};

type ModuleSpec = { file: string; title: string; fn: string; perDatabase: boolean };

// Bench modules other areas add: called when their file exists.
const OPTIONAL_MODULES: ModuleSpec[] = [
  { file: 'registry.bench.ts', title: 'registry', fn: 'benchRegistry', perDatabase: true },
  { file: 'duties-db.bench.ts', title: 'duties (database)', fn: 'benchDutyGenerationDb', perDatabase: true },
  {
    file: 'duties.bench.ts',
    title: 'duties (pure, no database)',
    fn: 'benchDutyGeneration',
    perDatabase: false,
  },
  { file: 'letters.bench.ts', title: 'letters', fn: 'benchLetters', perDatabase: true },
  { file: 'eligibility.bench.ts', title: 'eligibility', fn: 'benchEligibility', perDatabase: true },
  { file: 'assessment.bench.ts', title: 'assessment', fn: 'benchAssessment', perDatabase: true },
];

const loadModuleFunction = async (spec: ModuleSpec) => {
  const path = join(BENCH_DIR, spec.file);
  if (!existsSync(path)) {
    log(`(${spec.file} absent: ${spec.title} bench skipped / 未找到，跳过)`);
    notes.push(`${spec.file} absent: ${spec.title} bench skipped.`);
    return null;
  }
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const fn = mod[spec.fn];
  if (typeof fn !== 'function') {
    notes.push(`${spec.file} does not export ${spec.fn}: skipped.`);
    return null;
  }
  return fn as (...args: unknown[]) => Promise<unknown>;
};

const asItems = (x: unknown): unknown[] => (Array.isArray(x) ? x : x && typeof x === 'object' ? [x] : []);

const timed = async (title: string, fn: () => Promise<unknown>) => {
  const started = performance.now();
  log(`\n== ${title} ==`);
  try {
    const items = asItems(await fn());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const body = figuresTable(items);
    log(body);
    sections.push({ title: `${title} (${seconds} s)`, body });
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    log(`!! ${title} failed: ${message}`);
    sections.push({ title, body: `Failed: \`${String((e as Error).message ?? e)}\`\n` });
  }
};

const findPgbench = () => {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  const root = '/usr/lib/postgresql';
  if (existsSync(root))
    for (const v of readdirSync(root).sort().reverse()) {
      const p = join(root, v, 'bin', 'pgbench');
      if (existsSync(p)) return p;
    }
  return null;
};

/** pgbench's own client inserting the baseline transaction (business row + plain log row). */
const benchPgbench = async (url: string): Promise<BenchFigure[]> => {
  const bin = findPgbench();
  if (!bin) {
    notes.push('pgbench not found: external baseline skipped.');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'zz-pgbench-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(
    script,
    `BEGIN;
INSERT INTO bench_business (unit_id, name, payload, updated_at) VALUES (1001, '单位1', '{"code":"4302211002001","note":"${'x'.repeat(64)}"}', now());
INSERT INTO bench_plain_log (occurred_at, actor_id, actor_name, actor_role, action, target_type, target_id, outcome, ip, request_id, details, content_hash)
  VALUES (now(), 42, 'operator', 'operator', 'unit.updated', 'unit', '1001', 'ok', '10.12.0.7', '6f0e9a52-4c1b-4d8e-9a51-3f2b7c1d0e11',
          '{"unitId":1001,"changed":{"name":{"before":"甲村第1网格","after":"甲村第2网格"},"population":{"before":1800,"after":1801}},"reason":"boundary adjustment"}',
          '${'f'.repeat(64)}');
END;
`,
  );
  const figures: BenchFigure[] = [];
  try {
    for (const clients of [1, 32]) {
      const { stdout } = await run(bin, [
        '-n',
        '-M',
        'prepared',
        '-f',
        script,
        '-T',
        QUICK ? '2' : '5',
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, cpus().length)),
        url,
      ]);
      const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
      const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1] ?? Number.NaN);
      log(`  pgbench ${clients} client(s): ${tps.toFixed(0)} tps, latency average ${latency} ms`);
      figures.push(
        {
          name: `pgbench plain txn, ${clients} client${clients > 1 ? 's' : ''}`,
          value: tps,
          unit: 'txn/s',
          better: 'higher',
          note: 'business INSERT + plain log INSERT, pgbench -M prepared',
        },
        {
          name: `pgbench latency average, ${clients} client${clients > 1 ? 's' : ''}`,
          value: latency,
          unit: 'ms',
          better: 'lower',
        },
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};

const machine = () => {
  const c = cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${hostname()}, ${platform()} ${release()}, ${c.length} cores (${c[0]?.model ?? '?'}), ` +
      `memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free)`,
    `- node ${process.version}`,
    `- load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')} (1/5/15 min)`,
    `- mode: ${QUICK ? 'quick (--quick: short runs, 20k records)' : 'full'}`,
  ];
};

const main = async () => {
  const started = performance.now();
  const header = machine();
  for (const line of header) log(line);
  const auditOptions = (kind: Database['kind']) =>
    QUICK
      ? { seconds: 1, chainRecords: 20_000 }
      : { seconds: kind === 'pglite' ? 2 : 3, chainRecords: 100_000 };

  const targets: Target[] = [];
  const pgTarget = await openPostgresTarget();
  targets.push(await openPgliteTarget());
  if (pgTarget) targets.push(pgTarget);

  for (const target of targets) {
    try {
      await timed(`audit — ${target.label}`, () => benchAudit(target.db, log, auditOptions(target.db.kind)));
      // Before the registry bench: it loads the demo county into the still empty unit tables.
      const dutiesDb = await loadModuleFunction(OPTIONAL_MODULES[1]!);
      if (dutiesDb)
        await timed(`duties, a year into the database — ${target.label}`, () =>
          dutiesDb(target.db, log, { runs: QUICK ? 1 : 3 }),
        );
      const registry = OPTIONAL_MODULES[0] && (await loadModuleFunction(OPTIONAL_MODULES[0]));
      if (registry) await timed(`registry — ${target.label}`, () => registry(target.db, log));
      const letters = await loadModuleFunction(OPTIONAL_MODULES.find((m) => m.file === 'letters.bench.ts')!);
      if (letters)
        await timed(`letters, ${QUICK ? 200 : 1000} units — ${target.label}`, () =>
          letters(target.db, log, { units: QUICK ? 200 : 1000 }),
        );
      // Last of the database benches: it adds up to 150,000 people to the tables.
      const eligibility = await loadModuleFunction(
        OPTIONAL_MODULES.find((m) => m.file === 'eligibility.bench.ts')!,
      );
      if (eligibility)
        await timed(`eligibility under load — ${target.label}`, () =>
          eligibility(target.db, log, QUICK ? { sizes: [2_400, 20_000], questions: 1_000 } : {}),
        );
      const assessment = await loadModuleFunction(
        OPTIONAL_MODULES.find((m) => m.file === 'assessment.bench.ts')!,
      );
      if (assessment)
        await timed(`annual assessment, 1,000 and 25,000 units — ${target.label}`, () =>
          assessment(target.db, log, { runs: QUICK ? 1 : 3 }),
        );
      if (target.url) {
        const url = target.url;
        await target.db.exec(AUDIT_BENCH_SETUP);
        await timed(`pgbench external baseline — ${target.label}`, () => benchPgbench(url));
      }
    } finally {
      await target.dispose();
    }
  }
  for (const spec of OPTIONAL_MODULES.filter((m) => !m.perDatabase)) {
    const fn = await loadModuleFunction(spec);
    if (fn) await timed(spec.title, () => fn(log));
  }

  const total = ((performance.now() - started) / 1000).toFixed(0);
  const endLoad = loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  const markdown = [
    '# Benchmark results / 性能测试结果',
    '',
    `Generated by \`npm run bench\`${QUICK ? ' -- --quick' : ''} in ${total} s. Ratios are value ÷ baseline, both measured in this run on this machine: ` +
      'for throughput below 1.00× is the cost of the feature, for latency above 1.00× is.',
    '',
    ...header,
    `- load average at end: ${endLoad}`,
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.body]),
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
  writeFileSync(join(BENCH_DIR, 'RESULTS.md'), markdown);
  log(`\n已写入 / written bench/RESULTS.md (${total} s)`);
};

await main();
