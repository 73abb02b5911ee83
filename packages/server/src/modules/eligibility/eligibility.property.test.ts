import {
  ACCOUNTABILITY_STEPS,
  addCalendarDays,
  addMonths,
  type EligibilityPurpose,
  type EligibilityWindow,
  ELIGIBILITY_PURPOSES,
  POST_KIND_TABLE,
  PURPOSE_BARS,
  WINDOW_PARTY_ROLES,
} from '@zongzhi/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertPost, insertUnit } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { insertCase, insertDecidedStep, latestRulebookVersion, presetWindows } from './eligibility.fixtures';
import { refreshEligibilityForCase } from './refresh-eligibility';

// Random ledgers of decided steps (with lifts), proposals that were never decided, and post
// histories. (1) Every answer of the API equals a brute-force recomputation from the ledger in
// plain TypeScript, written here without the domain's deriveBars/decideEligibility. (2) No row of
// eligibility_bars exists without a decided step behind it whose window names it.

const BASE = '2026-01-01';
const day = (offset: number) => addCalendarDays(BASE, offset);
const ROLE_OF = new Map<string, string>(POST_KIND_TABLE.map((r) => [r.kind, r.role]));
const KINDS = POST_KIND_TABLE.map((r) => r.kind);

// Window ids are unique within a rulebook; the pool mixes two, so ids are prefixed by source.
const windowPool = (): EligibilityWindow[] => [
  ...presetWindows('zhuzhou-county-2018', 'listed_supervision').map((w) => ({ ...w, id: `zz-${w.id}` })),
  ...presetWindows('zhuzhou-county-2018', 'veto').map((w) => ({ ...w, id: `zz-${w.id}` })),
  ...presetWindows('district-001', 'veto').map((w) => ({ ...w, id: `d-${w.id}` })),
  ...presetWindows('district-001', 'major-case-investigation').map((w) => ({ ...w, id: `d-${w.id}` })),
  { id: 'one-month', months: 1, bars: ['promotion'], who: ['responsible'] },
];

type LedgerPost = { person: number; unit: number; kind: string; start: number; length: number | null };
type LedgerStep = { step: string; decided: number; windows: number[]; liftAfter: number | null };
type LedgerCase = {
  unit: number;
  relevant: number;
  steps: LedgerStep[];
  proposals: ('pending' | 'rejected')[];
};
type Ledger = { posts: LedgerPost[]; cases: LedgerCase[] };

const ledgerArb = (windows: number) =>
  fc.record({
    posts: fc.array(
      fc.record({
        person: fc.nat(5),
        unit: fc.nat(2),
        kind: fc.constantFrom(...KINDS),
        start: fc.integer({ min: -400, max: 500 }),
        length: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
      }),
      { maxLength: 14 },
    ),
    cases: fc.array(
      fc.record({
        unit: fc.nat(2),
        relevant: fc.integer({ min: 0, max: 400 }),
        steps: fc.array(
          fc.record({
            step: fc.constantFrom(...ACCOUNTABILITY_STEPS),
            decided: fc.integer({ min: 0, max: 500 }),
            windows: fc.uniqueArray(fc.nat(windows - 1), { maxLength: 3 }),
            liftAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
          }),
          { maxLength: 3 },
        ),
        proposals: fc.array(fc.constantFrom('pending' as const, 'rejected' as const), { maxLength: 2 }),
      }),
      { maxLength: 4 },
    ),
  });

const questionsArb = fc.array(
  fc.record({
    kind: fc.constantFrom('person' as const, 'unit' as const),
    index: fc.nat(5),
    date: fc.integer({ min: -10, max: 1100 }),
    purpose: fc.constantFrom(...ELIGIBILITY_PURPOSES),
  }),
  { minLength: 1, maxLength: 8 },
);

// Registry corrections after the cases were decided: a post's dates corrected, a post ended, or
// a post entered late (the real holder). Each goes through the registry's routes.
const correctionsArb = fc.array(
  fc.oneof(
    fc.record({
      op: fc.constant('correct' as const),
      post: fc.nat(13),
      start: fc.integer({ min: -400, max: 500 }),
      length: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
    }),
    fc.record({
      op: fc.constant('end' as const),
      post: fc.nat(13),
      length: fc.integer({ min: 1, max: 500 }),
    }),
    fc.record({
      op: fc.constant('appoint' as const),
      person: fc.nat(5),
      unit: fc.nat(2),
      kind: fc.constantFrom(...KINDS),
      start: fc.integer({ min: -400, max: 500 }),
      length: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
    }),
  ),
  { minLength: 1, maxLength: 6 },
);

type Stored = {
  units: number[];
  people: number[];
  posts: { id: number; person: number; unit: number; kind: string; start: string; end: string | null }[];
  steps: {
    id: number;
    caseId: number;
    unit: number;
    relevant: string;
    decided: string;
    lifted: string | null;
    windows: EligibilityWindow[];
  }[];
  caseIds: number[];
  proposalOnlyCases: number[];
};

/** The brute force: every (step, window, bar) in force on the date that answers the purpose. */
const bruteForce = (
  s: Stored,
  kind: 'person' | 'unit',
  id: number,
  date: string,
  purpose: EligibilityPurpose,
) => {
  const out = new Set<string>();
  for (const st of s.steps)
    for (const w of st.windows) {
      const end = w.months !== undefined ? addMonths(st.decided, w.months) : st.lifted;
      if (!(st.decided <= date && (end === null || date < end))) continue;
      for (const bar of w.bars) {
        if (!PURPOSE_BARS[kind][purpose].includes(bar)) continue;
        let barred = false;
        if (kind === 'unit') barred = w.who.includes('unit') && st.unit === id;
        else
          for (const who of w.who) {
            if (who === 'unit') continue;
            for (const p of s.posts)
              if (
                p.person === id &&
                p.unit === st.unit &&
                p.start <= st.relevant &&
                (p.end === null || st.relevant < p.end) &&
                WINDOW_PARTY_ROLES[who].includes(ROLE_OF.get(p.kind) as never)
              )
                barred = true;
          }
        if (barred) out.add(`${st.id}|${w.id}|${bar}`);
      }
    }
  return out;
};

describe('eligibility against the ledger (property)', () => {
  let t: TestApp;
  let org: Session;
  let operator: Session;
  let version: number;
  let pool: EligibilityWindow[];
  let run = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    version = await latestRulebookVersion(t.db, 'zhuzhou-county-2018');
    org = await t.login('orgdept');
    operator = await t.login('operator');
    pool = windowPool();
  }, 60_000);
  afterAll(async () => t.close());

  /** Writes a ledger as the accountability module would: a refresh after every decision and every lift. */
  const store = async (ledger: Ledger): Promise<Stored> => {
    run += 1;
    const units: number[] = [];
    for (let u = 0; u < 3; u++)
      units.push(
        (
          await insertUnit(t.db, {
            name: `性质村${run}-${u}`,
            kind: 'village',
            parentId: t.world.units.town1.id,
            code: `P${run}U${u}`,
          })
        ).id,
      );
    const people: number[] = [];
    for (let p = 0; p < 6; p++)
      people.push(await insertPerson(t.db, { name: `性质人${run}-${p}`, unitId: t.world.units.town1.id }));
    const posts: Stored['posts'] = [];
    for (const p of ledger.posts) {
      const post = {
        person: people[p.person]!,
        unit: units[p.unit]!,
        kind: p.kind,
        start: day(p.start),
        end: p.length === null ? null : day(p.start + p.length),
      };
      const id = await insertPost(t.db, {
        personId: post.person,
        unitId: post.unit,
        postKind: post.kind,
        title: post.kind,
        startDate: post.start,
        endDate: post.end,
      });
      posts.push({ id, ...post });
    }
    const steps: Stored['steps'] = [];
    const caseIds: number[] = [];
    const proposalOnlyCases: number[] = [];
    for (const c of ledger.cases) {
      const unit = units[c.unit]!;
      const relevant = day(c.relevant);
      const caseId = await insertCase(t.db, {
        unitId: unit,
        relevantOn: relevant,
        rulebookId: 'zhuzhou-county-2018',
        rulebookVersion: version,
      });
      caseIds.push(caseId);
      if (c.steps.length === 0) proposalOnlyCases.push(caseId);
      for (const [i, status] of c.proposals.entries())
        await t.db.query(
          `INSERT INTO accountability_proposals (case_id, unit_id, step, reason, facts, dedupe_key, rulebook_id,
             rulebook_version, proposed_on, proposed_at, status, decided_at, rejection_reason)
           VALUES ($1, $2, 'veto', 'rectification_missed', '{}'::jsonb, $3, 'zhuzhou-county-2018', $4, $5, now(), $6,
                   CASE WHEN $6 = 'pending' THEN NULL ELSE now() END, CASE WHEN $6 = 'rejected' THEN '不予采纳' END)`,
          [caseId, unit, `prop-${caseId}-${i}`, version, relevant, status],
        );
      await t.db.transaction((tx) => refreshEligibilityForCase(tx, caseId));
      for (const s of c.steps) {
        const windows = s.windows.map((w) => pool[w]!);
        const decided = day(s.decided);
        const id = await t.db.transaction(async (tx) => {
          const stepId = await insertDecidedStep(tx, {
            caseId,
            unitId: unit,
            step: s.step,
            decidedOn: decided,
            relevantOn: relevant,
            windows,
            rulebookId: 'zhuzhou-county-2018',
            rulebookVersion: version,
          });
          await refreshEligibilityForCase(tx, caseId);
          return stepId;
        });
        const lifted = s.liftAfter === null ? null : day(s.decided + s.liftAfter);
        if (lifted !== null)
          await t.db.transaction(async (tx) => {
            await tx.query('UPDATE accountability_steps SET lifted_on = $2 WHERE id = $1', [id, lifted]);
            await refreshEligibilityForCase(tx, caseId);
          });
        steps.push({ id, caseId, unit, relevant, decided, lifted, windows });
      }
    }
    return { units, people, posts, steps, caseIds, proposalOnlyCases };
  };

  /** The dates where answers change: the day before and the first day of every window, its last day and its end. */
  const boundaryDates = (s: Stored) => {
    const dates = new Set<string>();
    for (const st of s.steps)
      for (const w of st.windows) {
        dates.add(addCalendarDays(st.decided, -1)).add(st.decided);
        const end = w.months !== undefined ? addMonths(st.decided, w.months) : st.lifted;
        if (end !== null) dates.add(addCalendarDays(end, -1)).add(end);
      }
    return [...dates].sort();
  };

  /** eligibility_bars of the stored cases hold exactly the bars the ledger implies, recomputed here. */
  const expectTableFromLedger = async (s: Stored) => {
    const expected = new Set<string>();
    for (const st of s.steps)
      for (const w of st.windows)
        for (const bar of w.bars) {
          const end = w.months !== undefined ? addMonths(st.decided, w.months) : st.lifted;
          if (end !== null && end <= st.decided) continue;
          if (w.who.includes('unit')) expected.add(`u${st.unit}|${st.id}|${w.id}|${bar}`);
          for (const person of s.people)
            if (bruteForceHolds(s, person, st, w)) expected.add(`p${person}|${st.id}|${w.id}|${bar}`);
        }
    const rows = await t.db.query<{ k: string }>(
      `SELECT CASE WHEN person_id IS NULL THEN 'u' || unit_id ELSE 'p' || person_id END
              || '|' || step_id || '|' || window_id || '|' || bar AS k
         FROM eligibility_bars WHERE case_id = ANY($1::bigint[])`,
      [s.caseIds],
    );
    expect(rows.map((r) => r.k).sort()).toEqual([...expected].sort());
  };

  it('answers every question as a brute-force recomputation from the ledger', async () => {
    let barred = 0;
    let asked = 0;
    await fc.assert(
      fc.asyncProperty(ledgerArb(pool.length), questionsArb, async (ledger, random) => {
        const s = await store(ledger);
        const check = (
          kind: 'person' | 'unit',
          id: number,
          date: string,
          purpose: EligibilityPurpose,
          answer: {
            eligible: boolean;
            reasons: { stepId: number; bar: string; rule: { windowId: string } }[];
          },
        ) => {
          const expected = bruteForce(s, kind, id, date, purpose);
          const got = new Set(answer.reasons.map((r) => `${r.stepId}|${r.rule.windowId}|${r.bar}`));
          expect([...got].sort(), `${kind} ${id} ${date} ${purpose}`).toEqual([...expected].sort());
          expect(answer.eligible).toBe(expected.size === 0);
          asked += 1;
          if (!answer.eligible) barred += 1;
        };
        // Every party at every boundary date for every purpose, through the batch route…
        const parties = [
          ...s.people.map((id) => ({ kind: 'person' as const, id })),
          ...s.units.map((id) => ({ kind: 'unit' as const, id })),
        ];
        const items = boundaryDates(s).flatMap((date) =>
          parties.flatMap((p) => ELIGIBILITY_PURPOSES.map((purpose) => ({ [p.kind]: p.id, date, purpose }))),
        );
        for (let i = 0; i < items.length; i += 2000) {
          const res = await org.inject({
            method: 'POST',
            url: '/api/v1/eligibility/batch',
            payload: { items: items.slice(i, i + 2000) },
          });
          expect(res.statusCode, res.body).toBe(200);
          for (const a of (
            res.json() as {
              items: {
                found: boolean;
                partyKind: 'person' | 'unit';
                partyId: number;
                answer: (Parameters<typeof check>[4] & { date: string; purpose: EligibilityPurpose }) | null;
              }[];
            }
          ).items)
            if (a.answer) check(a.partyKind, a.partyId, a.answer.date, a.answer.purpose, a.answer);
        }
        // …and random questions plus the boundary dates of the people who held posts, one GET each.
        const holders = [...new Set(s.posts.map((p) => p.person))];
        const singles = [
          ...random.map((q) => ({
            kind: q.kind,
            id: q.kind === 'person' ? s.people[q.index]! : s.units[q.index % 3]!,
            date: day(q.date),
            purpose: q.purpose,
          })),
          ...boundaryDates(s)
            .slice(0, 12)
            .flatMap((date, i) => [
              ...holders
                .slice(0, 3)
                .map((id) => ({ kind: 'person' as const, id, date, purpose: ELIGIBILITY_PURPOSES[i % 3]! })),
              { kind: 'unit' as const, id: s.units[i % 3]!, date, purpose: 'honour' as const },
            ]),
        ];
        for (const q of singles) {
          const url =
            q.kind === 'person'
              ? `/api/v1/eligibility?person=${q.id}&date=${q.date}&purpose=${q.purpose}`
              : `/api/v1/eligibility/units?unit=${q.id}&date=${q.date}&purpose=${q.purpose}`;
          const res = await org.inject({ method: 'GET', url });
          expect(res.statusCode, res.body).toBe(200);
          check(q.kind, q.id, q.date, q.purpose, res.json());
        }
      }),
      { numRuns: 40 },
    );
    // The property must have met barred answers, not only trivially eligible ones.
    expect(barred).toBeGreaterThan(50);
    expect(asked).toBeGreaterThan(barred);
  }, 300_000);

  it('follows registry corrections of posts: the table equals the recomputation from the corrected ledger', async () => {
    let corrected = 0;
    await fc.assert(
      fc.asyncProperty(ledgerArb(pool.length), correctionsArb, async (ledger, corrections) => {
        const s = await store(ledger);
        for (const c of corrections) {
          if (c.op === 'appoint') {
            const post = {
              person: s.people[c.person]!,
              unit: s.units[c.unit]!,
              kind: c.kind,
              start: day(c.start),
              end: c.length === null ? null : day(c.start + c.length),
            };
            const res = await operator.inject({
              method: 'POST',
              url: '/api/v1/posts',
              payload: {
                personId: post.person,
                unitId: post.unit,
                postKind: post.kind,
                title: post.kind,
                startDate: post.start,
                endDate: post.end,
              },
            });
            expect(res.statusCode, res.body).toBe(201);
            s.posts.push({ id: (res.json() as { id: number }).id, ...post });
            continue;
          }
          const post = s.posts[c.post % Math.max(s.posts.length, 1)];
          if (!post) continue;
          const change =
            c.op === 'end'
              ? { endDate: addCalendarDays(post.start, c.length) }
              : { startDate: day(c.start), endDate: c.length === null ? null : day(c.start + c.length) };
          const res = await operator.inject({
            method: 'PATCH',
            url: `/api/v1/posts/${post.id}`,
            payload: change,
          });
          expect(res.statusCode, res.body).toBe(200);
          post.start = change.startDate ?? post.start;
          post.end = change.endDate;
          corrected += 1;
        }
        await expectTableFromLedger(s);
      }),
      { numRuns: 30 },
    );
    expect(corrected).toBeGreaterThan(10);
  }, 240_000);

  it('never holds a bar without a decided step behind it (proposals and rejections never bar)', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb(pool.length), async (ledger) => {
        const s = await store(ledger);
        const orphans = await t.db.query(
          `SELECT b.id FROM eligibility_bars b
            WHERE b.case_id = ANY($1::bigint[])
              AND NOT EXISTS (
                SELECT 1 FROM accountability_steps st
                 WHERE st.id = b.step_id AND st.case_id = b.case_id
                   AND st.windows @> jsonb_build_array(jsonb_build_object('id', b.window_id))
                   AND b.from_date = st.decided_on
                   AND (b.unit_id = st.unit_id
                        OR EXISTS (SELECT 1 FROM posts po
                                    WHERE po.person_id = b.person_id AND po.unit_id = st.unit_id
                                      AND po.start_date <= st.relevant_on
                                      AND (po.end_date IS NULL OR po.end_date > st.relevant_on))))`,
          [s.caseIds],
        );
        expect(orphans).toEqual([]);
        const fromProposals = await t.db.query(
          'SELECT id FROM eligibility_bars WHERE case_id = ANY($1::bigint[])',
          [s.proposalOnlyCases],
        );
        expect(fromProposals).toEqual([]);
        // And nothing is missing either: the table holds exactly what the ledger implies.
        await expectTableFromLedger(s);
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});

const bruteForceHolds = (s: Stored, person: number, st: Stored['steps'][number], w: EligibilityWindow) =>
  w.who.some(
    (who) =>
      who !== 'unit' &&
      s.posts.some(
        (p) =>
          p.person === person &&
          p.unit === st.unit &&
          p.start <= st.relevant &&
          (p.end === null || st.relevant < p.end) &&
          WINDOW_PARTY_ROLES[who].includes(ROLE_OF.get(p.kind) as never),
      ),
  );
