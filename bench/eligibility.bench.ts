/**
 * Eligibility (提拔奖励征求综治委意见, issue 5 §3) under load, at the demo size and at 150,000 people,
 * against a primary-key lookup of a person measured in the same run over the same pool.
 *
 * Data per size (deterministic): a county of towns and villages, ~7 people per unit (party
 * secretary, head, deputy in charge, two members, a village cadre; a fifth of the posts handed over,
 * so the predecessor is a person too); accountability cases against one unit in ten with a notice,
 * then (half of them) a listing and (a fifth) a veto with the Zhuzhou preset's windows, and one
 * major case in twenty with the district preset's open-ended window, half lifted; one barred
 * cadre in ten transferred afterwards. Steps are bulk-inserted, then every case is refreshed through
 * `refreshEligibilityForCase`, as the accountability module does after each decision.
 *
 * Measured (no HTTP): `readEligibility` — the scope check and the bars query of
 * GET /eligibility plus the decision — and the same followed by its audit record (every query is
 * audited), for a person drawn half from the barred and half from everyone, a random date in
 * 2025–2027 and a random purpose, by C concurrent clients. Baseline: `SELECT * FROM people WHERE
 * id = $1` by the same clients. Ratios are p50 ÷ baseline p50 and p99 ÷ baseline p99.
 *
 * Standalone: `npx tsx bench/eligibility.bench.ts [--quick]` (PGlite in a temp dir, and PostgreSQL
 * at ZONGZHI_BENCH_DATABASE_URL when reachable); `npm run bench` calls `benchEligibility`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ELIGIBILITY_PURPOSES, type EligibilityWindow } from '@zongzhi/domain';
import pg from 'pg';
import { type Database, openDatabase, type Queryable } from '../packages/server/src/db/client';
import { migrate } from '../packages/server/src/db/migrate';
import {
  insertPeople,
  insertPosts,
  insertUnitTree,
  type NewPost,
} from '../packages/server/src/fixtures/factories';
import {
  latestRulebookVersion,
  presetWindows,
} from '../packages/server/src/modules/eligibility/eligibility.fixtures';
import {
  eligibilityAuditEntry,
  readEligibility,
} from '../packages/server/src/modules/eligibility/query-eligibility';
import { refreshEligibilityForCase } from '../packages/server/src/modules/eligibility/refresh-eligibility';
import { ensurePresetRulebooks } from '../packages/server/src/modules/rulebook/ensure-preset-rulebooks';
import { appendAudit } from '../packages/server/src/platform/audit/audit-ledger';
import type { RoleGrant } from '../packages/server/src/platform/auth/principal';
import type { BenchFigure, BenchLog } from './figures';

export type EligibilityBenchOptions = {
  /** People per size; default demo size (~2,400, as the demo county) and 150,000. */
  sizes?: number[];
  /** Concurrent clients per measurement. */
  clients?: number[];
  /** Questions per measurement. */
  questions?: number;
  seed?: number;
};

const createRandom = (seed: number) => {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
};

const dateIn = (r: ReturnType<typeof createRandom>, fromYear: number, years: number) =>
  new Date(Date.UTC(fromYear, 0, 1 + r.int(365 * years))).toISOString().slice(0, 10);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** `clients` concurrent loops sharing `total` calls; latency of each call and overall throughput. */
const underLoad = async (clients: number, total: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < Math.min(50, total); i++) await fn(i); // warm-up: plans and caches
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await fn(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: total / seconds };
};

/**
 * Open loop: `total` calls started at `rate` per second whatever the answers' pace (requests
 * overlap as they would from many independent callers), each timed from its start.
 */
const atRate = async (rate: number, total: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < Math.min(50, total); i++) await fn(i);
  const times: number[] = [];
  const running: Promise<void>[] = [];
  let peak = 0;
  let inFlight = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(
      (async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        const t0 = performance.now();
        await fn(i);
        times.push(performance.now() - t0);
        inFlight -= 1;
      })(),
    );
  }
  await Promise.all(running);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), peak };
};

type Built = {
  root: RoleGrant;
  people: number[];
  barred: number[];
  units: number;
  posts: number;
  cases: number;
  bars: number;
};

const build = async (db: Database, log: BenchLog, people: number, seed: number): Promise<Built> => {
  const r = createRandom(seed);
  const tag = `${seed.toString(36)}${Date.now().toString(36)}`.toUpperCase();
  const perUnit = 7.2;
  const unitCount = Math.max(20, Math.round(people / perUnit));
  const towns = Math.max(2, Math.round(unitCount / 40));
  const t0 = performance.now();
  const tree = [
    { code: `E${tag}-0`, name: `资格基准县${tag}`, kind: 'county' as const },
    ...Array.from({ length: towns }, (_, t) => ({
      code: `E${tag}-T${t}`,
      name: `第${t + 1}镇`,
      kind: 'town' as const,
      parentIndex: 0,
    })),
    ...Array.from({ length: unitCount - towns - 1 }, (_, v) => ({
      code: `E${tag}-V${v}`,
      name: `第${(v % towns) + 1}镇${Math.floor(v / towns) + 1}村`,
      kind: 'village' as const,
      parentIndex: 1 + (v % towns),
    })),
  ];
  const placed = await db.transaction((q) => insertUnitTree(q, tree));
  const root = placed[0]!;
  const unitIds = placed.map((u) => u.id);
  // People first (registered in their unit), then their posts.
  const plan: { unitIndex: number; kind: string; start: string; end: string | null }[] = [];
  unitIds.forEach((_, i) => {
    const kinds = [
      'party_secretary',
      'chief',
      'deputy_in_charge',
      'member',
      'member',
      ...(i > towns ? ['village_cadre'] : ['member']),
    ];
    for (const kind of kinds) {
      if (r.next() < 0.2) {
        const handover = dateIn(r, 2024, 3);
        plan.push(
          { unitIndex: i, kind, start: '2018-01-01', end: handover },
          { unitIndex: i, kind, start: handover, end: null },
        );
      } else plan.push({ unitIndex: i, kind, start: dateIn(r, 2018, 6), end: null });
    }
  });
  const personIds: number[] = [];
  for (let i = 0; i < plan.length; i += 20_000) {
    const slice = plan.slice(i, i + 20_000);
    personIds.push(
      ...(await db.transaction((q) =>
        insertPeople(
          q,
          slice.map((p, k) => ({ name: `资格人${i + k}`, unitId: unitIds[p.unitIndex]! })),
        ),
      )),
    );
  }
  const posts: NewPost[] = plan.map((p, k) => ({
    personId: personIds[k]!,
    unitId: unitIds[p.unitIndex]!,
    postKind: p.kind,
    title: p.kind,
    startDate: p.start,
    endDate: p.end,
  }));
  for (let i = 0; i < posts.length; i += 20_000)
    await db.transaction((q) => insertPosts(q, posts.slice(i, i + 20_000)));
  log(
    `  eligibility data: ${unitIds.length} units, ${personIds.length} people, ${posts.length} posts (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  // Cases and decided steps, bulk-inserted as the ledger, then refreshed case by case.
  const t1 = performance.now();
  const zz = await latestRulebookVersion(db, 'zhuzhou-county-2018');
  const listing = presetWindows('zhuzhou-county-2018', 'listed_supervision');
  const veto = presetWindows('zhuzhou-county-2018', 'veto');
  const major = presetWindows('district-001', 'major-case-investigation');
  const district = await latestRulebookVersion(db, 'district-001');
  type Step = {
    unit: number;
    step: string;
    decided: string;
    relevant: string;
    windows: EligibilityWindow[];
    lifted: string | null;
    rulebook: string;
    version: number;
  };
  const cases: { unit: number; relevant: string; rulebook: string; version: number; steps: Step[] }[] = [];
  for (const unit of unitIds) {
    const x = r.next();
    if (x < 0.1) {
      const relevant = dateIn(r, 2025, 1);
      const base = { unit, relevant, rulebook: 'zhuzhou-county-2018', version: zz, lifted: null };
      const steps: Step[] = [{ ...base, step: 'notice', decided: relevant, windows: [] }];
      if (r.next() < 0.5)
        steps.push({ ...base, step: 'listed_supervision', decided: dateIn(r, 2025, 2), windows: listing });
      if (r.next() < 0.2) steps.push({ ...base, step: 'veto', decided: dateIn(r, 2026, 1), windows: veto });
      cases.push({ unit, relevant, rulebook: 'zhuzhou-county-2018', version: zz, steps });
    } else if (x < 0.15) {
      const relevant = dateIn(r, 2025, 1);
      const lifted = r.next() < 0.5 ? dateIn(r, 2026, 1) : null;
      cases.push({
        unit,
        relevant,
        rulebook: 'district-001',
        version: district,
        steps: [
          {
            unit,
            step: 'major_case_notice',
            decided: relevant,
            relevant,
            windows: major,
            lifted,
            rulebook: 'district-001',
            version: district,
          },
        ],
      });
    }
  }
  const caseIds: number[] = [];
  await db.transaction(async (q) => {
    for (let i = 0; i < cases.length; i += 5000) {
      const chunk = cases.slice(i, i + 5000);
      const rows = await q.query<{ id: number }>(
        `INSERT INTO accountability_cases (unit_id, relevant_on, situation_id, status, rulebook_id, rulebook_version,
           facts, opened_on, opened_at, opened_by)
         SELECT u, d, 'weak-work', 'open', rb, v, 'bench', d, now(), 'bench'
           FROM unnest($1::bigint[], $2::date[], $3::text[], $4::int[]) WITH ORDINALITY AS t(u, d, rb, v, n)
          ORDER BY n RETURNING id`,
        [
          chunk.map((c) => c.unit),
          chunk.map((c) => c.relevant),
          chunk.map((c) => c.rulebook),
          chunk.map((c) => c.version),
        ],
      );
      caseIds.push(...rows.map((x) => x.id));
    }
    const steps = cases.flatMap((c, i) => c.steps.map((s) => ({ ...s, caseId: caseIds[i]! })));
    for (let i = 0; i < steps.length; i += 5000) {
      const chunk = steps.slice(i, i + 5000);
      await q.query(
        `INSERT INTO accountability_steps (case_id, unit_id, step, decided_on, relevant_on, windows, rulebook_id,
           rulebook_version, lifted_on, decision_body, deciding_unit_id, decided_at, decided_by)
         SELECT c, u, s, d, rel, w::jsonb, rb, v, l, 'committee', u, now(), 'bench'
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[],
                       $8::int[], $9::date[]) AS t(c, u, s, d, rel, w, rb, v, l)`,
        [
          chunk.map((s) => s.caseId),
          chunk.map((s) => s.unit),
          chunk.map((s) => s.step),
          chunk.map((s) => s.decided),
          chunk.map((s) => s.relevant),
          chunk.map((s) => JSON.stringify(s.windows)),
          chunk.map((s) => s.rulebook),
          chunk.map((s) => s.version),
          chunk.map((s) => s.lifted),
        ],
      );
    }
  });
  for (let i = 0; i < caseIds.length; i += 200)
    await db.transaction(async (q: Queryable) => {
      for (const id of caseIds.slice(i, i + 200)) await refreshEligibilityForCase(q, id);
    });
  const barred = (
    await db.query<{ person_id: number }>(
      'SELECT DISTINCT person_id FROM eligibility_bars WHERE person_id IS NOT NULL AND case_id = ANY($1::bigint[])',
      [caseIds],
    )
  ).map((x) => x.person_id);
  // One barred cadre in ten is transferred to another unit afterwards (the bar follows them).
  const moved = barred.filter(() => r.next() < 0.1);
  if (moved.length > 0)
    await db.transaction((q) =>
      insertPosts(
        q,
        moved.map((personId) => ({
          personId,
          unitId: r.pick(unitIds),
          postKind: 'member',
          title: '调任',
          startDate: '2026-06-01',
        })),
      ),
    );
  const [{ n: bars } = { n: 0 }] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM eligibility_bars WHERE case_id = ANY($1::bigint[])',
    [caseIds],
  );
  log(
    `  eligibility ledger: ${cases.length} cases, ${cases.reduce((n, c) => n + c.steps.length, 0)} steps, ${bars} bars, ${barred.length} people barred at some time (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );
  return {
    root: { role: 'orgdept', unitId: root.id, unitPath: root.path },
    people: personIds,
    barred,
    units: unitIds.length,
    posts: posts.length + moved.length,
    cases: cases.length,
    bars,
  };
};

export const benchEligibility = async (
  db: Database,
  log: BenchLog,
  options: EligibilityBenchOptions = {},
): Promise<BenchFigure[]> => {
  await migrate(db);
  await ensurePresetRulebooks(db);
  const seed = options.seed ?? 20_261_122;
  const sizes = options.sizes ?? [2_400, 150_000];
  const clientsList = options.clients ?? (db.kind === 'postgres' ? [1, 16] : [1, 8]);
  const questions = options.questions ?? 3_000;
  const figures: BenchFigure[] = [];
  for (const [s, size] of sizes.entries()) {
    const data = await build(db, log, size, seed + s);
    await db.exec('ANALYZE units; ANALYZE people; ANALYZE posts; ANALYZE eligibility_bars;');
    const grants = [data.root];
    const r = createRandom(seed + 100 + s);
    const ask = () => ({
      id: r.next() < 0.5 && data.barred.length > 0 ? r.pick(data.barred) : r.pick(data.people),
      date: dateIn(r, 2025, 3),
      purpose: r.pick(ELIGIBILITY_PURPOSES),
    });
    const note = `${data.people.length.toLocaleString('en')} people, ${data.units.toLocaleString('en')} units, ${data.cases} cases, ${data.bars} bars`;
    for (const clients of clientsList) {
      const baseline = await underLoad(clients, questions, () =>
        db.query('SELECT * FROM people WHERE id = $1', [r.pick(data.people)]),
      );
      let barredAnswers = 0;
      const read = await underLoad(clients, questions, async () => {
        const q = ask();
        const a = await readEligibility(db, grants, { kind: 'person', id: q.id }, q.date, q.purpose);
        if (!a) throw new Error(`person ${q.id} not visible`);
        if (!a.eligible) barredAnswers += 1;
      });
      const audited = await underLoad(clients, questions, async () => {
        const q = ask();
        const a = await readEligibility(db, grants, { kind: 'person', id: q.id }, q.date, q.purpose);
        if (!a) throw new Error(`person ${q.id} not visible`);
        await appendAudit(db, {
          ...eligibilityAuditEntry(a),
          occurredAt: new Date(),
          actor: { id: null, name: 'apikey:bench', role: 'orgdept' },
          ip: '127.0.0.1',
          requestId: 'bench',
        });
      });
      const label = `${data.people.length.toLocaleString('en')} people, ${clients} client${clients > 1 ? 's' : ''}`;
      log(
        `  ${label}: pk p50 ${baseline.p50.toFixed(2)} / p99 ${baseline.p99.toFixed(2)} ms; eligibility p50 ${read.p50.toFixed(2)} / p99 ${read.p99.toFixed(2)} ms (${read.perSecond.toFixed(0)}/s, ${barredAnswers} barred of ${questions}); with audit p50 ${audited.p50.toFixed(2)} / p99 ${audited.p99.toFixed(2)} ms`,
      );
      figures.push(
        {
          name: `baseline: person by primary key p50 (${label})`,
          value: baseline.p50,
          unit: 'ms',
          better: 'lower',
        },
        {
          name: `baseline: person by primary key p99 (${label})`,
          value: baseline.p99,
          unit: 'ms',
          better: 'lower',
        },
        {
          name: `eligibility p50 (${label})`,
          value: read.p50,
          unit: 'ms',
          baseline: baseline.p50,
          better: 'lower',
          note,
        },
        {
          name: `eligibility p99 (${label})`,
          value: read.p99,
          unit: 'ms',
          baseline: baseline.p99,
          better: 'lower',
          note: `goal < 5 ms; ${read.perSecond.toFixed(0)} answers/s; ${barredAnswers}/${questions} barred`,
        },
        {
          name: `eligibility + audit record p50 (${label})`,
          value: audited.p50,
          unit: 'ms',
          baseline: baseline.p50,
          better: 'lower',
        },
        {
          name: `eligibility + audit record p99 (${label})`,
          value: audited.p99,
          unit: 'ms',
          baseline: baseline.p99,
          better: 'lower',
        },
      );
    }
    // Open loop at about a quarter of the saturated throughput measured on this machine.
    const rate = db.kind === 'postgres' ? 500 : 200;
    const openBaseline = await atRate(rate, questions, () =>
      db.query('SELECT * FROM people WHERE id = $1', [r.pick(data.people)]),
    );
    const openRead = await atRate(rate, questions, async () => {
      const q = ask();
      await readEligibility(db, grants, { kind: 'person', id: q.id }, q.date, q.purpose);
    });
    const openLabel = `${data.people.length.toLocaleString('en')} people, ${rate}/s open loop`;
    log(
      `  ${openLabel}: pk p50 ${openBaseline.p50.toFixed(2)} / p99 ${openBaseline.p99.toFixed(2)} ms; eligibility p50 ${openRead.p50.toFixed(2)} / p99 ${openRead.p99.toFixed(2)} ms (up to ${openRead.peak} in flight)`,
    );
    figures.push(
      {
        name: `eligibility p50 (${openLabel})`,
        value: openRead.p50,
        unit: 'ms',
        baseline: openBaseline.p50,
        better: 'lower',
      },
      {
        name: `eligibility p99 (${openLabel})`,
        value: openRead.p99,
        unit: 'ms',
        baseline: openBaseline.p99,
        better: 'lower',
        note: `goal < 5 ms; up to ${openRead.peak} requests in flight`,
      },
    );
  }
  return figures;
};

const standalone = async () => {
  const quick = process.argv.includes('--quick');
  const options: EligibilityBenchOptions = quick ? { sizes: [2_400, 20_000], questions: 1_000 } : {};
  const log: BenchLog = (m) => console.log(m);
  const dir = mkdtempSync(join(tmpdir(), 'zz-elig-bench-'));
  const lite = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  try {
    log('== PGlite ==');
    for (const f of await benchEligibility(lite, log, options))
      log(`${f.name}: ${f.value.toFixed(2)} ${f.unit}`);
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.ZONGZHI_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    log(`PostgreSQL not reachable at ${url}: PGlite only.`);
    return;
  }
  const name = `zz_elig_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 40 });
  try {
    log('== PostgreSQL ==');
    for (const f of await benchEligibility(db, log, options))
      log(`${f.name}: ${f.value.toFixed(2)} ${f.unit}`);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await standalone();
