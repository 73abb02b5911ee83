import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { insertUnit } from '../../fixtures/factories';
import { type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { sweepAccountability } from './sweep-accountability';

const DAY = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe('escalation sweep', () => {
  let t: TestApp;
  /** A second connection pool on the same database (PostgreSQL only): a second server. */
  let other: Database | null = null;

  const missedProposals = async () =>
    t.db.query<{ case_id: number; step: string; n: number }>(
      `SELECT case_id, step, count(*)::int AS n FROM accountability_proposals
       WHERE reason IN ('rectification_missed', 'first_report_missed') GROUP BY case_id, step ORDER BY case_id, step`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    if (t.db.kind === 'postgres' && t.databaseUrl)
      other = await openDatabase({ kind: 'postgres', url: t.databaseUrl, poolSize: 3 });
    const operator = await t.login('operator');
    for (const [unitId, rulebookId] of [
      [t.world.units.county.id, 'zhuzhou-county-2018'],
      [t.world.units.town1.id, 'henan-2016'],
      [t.world.units.town2.id, 'henan-2016'],
    ] as const) {
      const res = await operator.inject({
        method: 'PUT',
        url: `/api/v1/units/${unitId}/rulebook`,
        payload: { rulebookId, validFrom: '2026-01-01' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Cases decided on several days from January to May 2026 (Henan periods), on fresh villages.
    t.clock.advance(92 * DAY); // 2 June 2026
    const op = await t.login('operator');
    const openings: [string, string | null][] = [
      ['2026-01-05', null],
      ['2026-01-30', null],
      ['2026-02-12', 'interview'],
      ['2026-03-02', null],
      ['2026-03-31', 'interview'],
      ['2026-04-20', 'listed_supervision'],
      ['2026-05-06', null],
      ['2026-05-29', 'interview'],
    ];
    for (const [i, [decidedOn, step]] of openings.entries()) {
      const village = await t.db.transaction((q) =>
        insertUnit(q, {
          name: `扫描村${i}`,
          kind: 'village',
          parentId: i % 2 ? t.world.units.town1.id : t.world.units.town2.id,
        }),
      );
      const res = await op.inject({
        method: 'POST',
        url: '/api/v1/accountability/cases',
        payload: {
          unitId: village.id,
          situationId: 's1',
          relevantOn: decidedOn,
          decidedOn,
          facts: `扫描测试案件${i}`,
          ...(step ? { step, triggerId: step === 'interview' ? 'grave-harm' : 'very-grave-harm' } : {}),
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      if (i % 3 === 0) {
        const report = await op.inject({
          method: 'POST',
          url: `/api/v1/accountability/cases/${res.json().id}/reports`,
          payload: { kind: 'progress', text: '进展', submittedOn: addDays(decidedOn, 5) },
        });
        expect(report.statusCode, report.body).toBe(201);
      }
    }
  }, 180_000);
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  it('property: a repeated sweep is a no-op, and a case never holds two proposals for one step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 1, maxLength: 4 }),
        async (offsets) => {
          await t.db.query('DELETE FROM accountability_proposals');
          for (const offset of [...offsets].sort((a, b) => a - b)) {
            const asOf = addDays('2026-01-05', offset);
            await sweepAccountability(t.db, t.clock, { asOf });
            const again = await sweepAccountability(t.db, t.clock, { asOf });
            expect(again).toMatchObject({ ran: true, proposalsCreated: 0 });
          }
          for (const row of await missedProposals()) expect(row.n).toBe(1);
        },
      ),
      { numRuns: 12 },
    );
  }, 180_000);

  it('two servers sweeping the same database at once propose each step once', async () => {
    await t.db.query('DELETE FROM accountability_proposals');
    const asOf = '2026-06-02';
    // Sequential reference: what one sweep proposes.
    const reference = await sweepAccountability(t.db, t.clock, { asOf });
    expect(reference.proposalsCreated).toBeGreaterThan(0);
    const expected = await missedProposals();
    await t.db.query('DELETE FROM accountability_proposals');

    const dbs = [t.db, other ?? t.db, t.db, other ?? t.db];
    const results = await Promise.all(dbs.map((db) => sweepAccountability(db, t.clock, { asOf })));
    // A sweep that found the lock taken did nothing; whoever ran proposed each step once.
    expect(results.some((r) => r.ran)).toBe(true);
    const after = await Promise.all(dbs.map((db) => sweepAccountability(db, t.clock, { asOf })));
    expect(after.reduce((n, r) => n + r.proposalsCreated, 0)).toBe(0);
    expect(await missedProposals()).toEqual(expected);
    expect(results.reduce((n, r) => n + r.proposalsCreated, 0)).toBe(reference.proposalsCreated);
  }, 60_000);
});
