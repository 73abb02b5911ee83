import { CHINA_CALENDAR_DATA } from '@zongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { type Database, openDatabase } from '../../db/client';
import { type TestApp, createTestApp, testConfig } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

type Item = {
  id: number;
  dutyId: string;
  unitId: number;
  periodKey: string;
  deadline: string;
  state: string;
  timeStatus: string;
  daysLate: number;
  rulebookId: string;
  rulebookVersion: number;
};

/** The county's own layer over seed 001: adds a quarterly report with required evidence. */
const countyLayer = {
  id: 'test-county-2026',
  name: { zh: '测试县实施细则', en: 'Test county rules' },
  jurisdictionLevel: 'county',
  extends: 'district-001',
  sources: [{ id: 'test-county-2026', title: '测试县平安建设责任制实施细则', year: 2026 }],
  duties: [
    {
      id: 'situation-report',
      name: { zh: '季度治安形势报告', en: 'Quarterly security situation report' },
      kind: 'report',
      who: ['town'],
      cadence: { kind: 'periodic', every: 1, unit: 'quarter' },
      deadline: { kind: 'working_days_after_period_end', days: 10 },
      evidenceRequired: true,
      source: { doc: 'test-county-2026', article: '第九条' },
    },
  ],
};

/** A meeting chaired by `chairPersonId` (张书记, town1's party secretary, in these tests). */
const meeting = (date: string, chairPersonId: number) => ({
  kind: 'meeting',
  meeting: {
    date,
    chairPersonId,
    attendees: ['张书记', '李镇长'],
    topics: ['研究综治工作'],
    decisions: [],
  },
});
const report = { kind: 'report', report: { summary: '本季度治安形势平稳。' } };

/** Seeds the presets, publishes the county layer and attaches it to the county from 2026-01-01. */
const attachCountyRulebook = async (t: TestApp) => {
  await ensurePresetRulebooks(t.db, undefined, t.clock);
  // The official years only: these tests show what happens where a year is missing (2027).
  await ensureShippedCalendarYears(t.db, t.clock, CHINA_CALENDAR_DATA);
  const operator = await t.login('operator');
  const published = await operator.inject({
    method: 'POST',
    url: `/api/v1/rulebooks/${countyLayer.id}/versions`,
    payload: countyLayer,
  });
  expect(published.statusCode, published.body).toBe(201);
  const attached = await operator.inject({
    method: 'PUT',
    url: `/api/v1/units/${t.world.units.county.id}/rulebook`,
    payload: { rulebookId: countyLayer.id, validFrom: '2026-01-01' },
  });
  expect(attached.statusCode, attached.body).toBe(200);
};

const count = async (db: Database, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0]!.n;

const find = async (t: TestApp, session: string, query: string) => {
  const res = await (await t.login(session)).inject({
    method: 'GET',
    url: `/api/v1/duties?pageSize=500&${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};

const occurrenceOf = async (t: TestApp, unitId: number, dutyId: string, periodKey: string) => {
  const { items } = await find(t, 'operator', `unitId=${unitId}&dutyId=${dutyId}&periodKey=${periodKey}`);
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe('duty ledger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await attachCountyRulebook(t);
  }, 60_000);
  afterAll(async () => t.close());

  it('generates a year once: a second run adds no row, and rows record the rulebook version', async () => {
    const operator = await t.login('operator');
    const first = await operator.inject({
      method: 'POST',
      url: '/api/v1/duties/generate',
      payload: { year: 2026 },
    });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json() as {
      created: number;
      owed: number;
      rulebooks: unknown[];
      waitingForCalendar: unknown[];
    };
    // seed 001's calendar duties for the county, two towns and a department (109), plus the
    // county's quarterly report for the two towns (8) — but the Q4 report falls due in January
    // 2027, a year without calendar data yet: it waits rather than guessing (109 + 6).
    expect(body).toMatchObject({
      created: 115,
      owed: 115,
      waitingForCalendar: [
        { dutyId: 'situation-report', periodKey: '2026-Q4', missingYear: 2027, unitCount: 2 },
      ],
    });
    expect(body.rulebooks).toEqual([{ rulebookId: 'test-county-2026', version: 1, units: 8 }]);
    const second = await operator.inject({
      method: 'POST',
      url: '/api/v1/duties/generate',
      payload: { year: 2026 },
    });
    expect(second.json()).toMatchObject({ created: 0, owed: 115 });
    expect(await count(t.db, 'SELECT count(*) FROM duty_occurrences')).toBe(115);
    expect(
      await count(
        t.db,
        "SELECT count(*) FROM duty_occurrences WHERE rulebook_id <> 'test-county-2026' OR rulebook_version <> 1",
      ),
    ).toBe(0);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'duty.generated'")).toBe(2);
  });

  it('names the wrong field of a bad generation request and writes nothing', async () => {
    const operator = await t.login('operator');
    const before = await count(t.db, 'SELECT count(*) FROM duty_occurrences');
    for (const payload of [{ year: 1999 }, { year: '2026' }, {}]) {
      const res = await operator.inject({ method: 'POST', url: '/api/v1/duties/generate', payload });
      expect(res.statusCode).toBe(400);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('body.year');
    }
    expect(await count(t.db, 'SELECT count(*) FROM duty_occurrences')).toBe(before);
    const liaison = await t.login('liaison');
    expect(
      (await liaison.inject({ method: 'POST', url: '/api/v1/duties/generate', payload: { year: 2026 } }))
        .statusCode,
    ).toBe(403);
  });

  it('dates occurrences by the rule: quarter end, and 10 working days after it across National Day', async () => {
    const { town1 } = t.world.units;
    expect(await occurrenceOf(t, town1.id, 'party-committee-special-meeting', '2026-Q3')).toMatchObject({
      deadline: '2026-09-30',
    });
    expect(await occurrenceOf(t, town1.id, 'situation-report', '2026-Q3')).toMatchObject({
      deadline: '2026-10-20',
    });
  });

  it('moves through upcoming → due soon → overdue → done late, and the next period keeps its dates', async () => {
    const { town1 } = t.world.units;
    const march = await occurrenceOf(t, town1.id, 'office-meeting', '2026-M03');
    expect(march).toMatchObject({ deadline: '2026-03-31', state: 'upcoming', timeStatus: 'green' });
    t.clock.set('2026-03-25T02:00:00Z');
    expect(await occurrenceOf(t, town1.id, 'office-meeting', '2026-M03')).toMatchObject({
      state: 'due_soon',
      timeStatus: 'yellow',
    });
    t.clock.set('2026-04-03T02:00:00Z');
    expect(await occurrenceOf(t, town1.id, 'office-meeting', '2026-M03')).toMatchObject({
      state: 'overdue',
      timeStatus: 'red',
      daysLate: 3,
    });
    const liaison = await t.login('liaison');
    const res = await liaison.inject({
      method: 'POST',
      url: `/api/v1/duties/${march.id}/fulfil`,
      payload: meeting('2026-04-02', t.world.people.secretary),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'done_late',
      daysLate: 2,
      fulfilledOn: '2026-04-02',
      fulfilment: {
        kind: 'meeting',
        meeting: { chair: '张书记', chairPersonId: t.world.people.secretary },
        recordedBy: 'liaison',
      },
    });
    expect(await occurrenceOf(t, town1.id, 'office-meeting', '2026-M04')).toMatchObject({
      deadline: '2026-04-30',
      state: 'upcoming',
    });
    expect(
      await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'duty.fulfilled' AND target_id = $1", [
        String(march.id),
      ]),
    ).toBe(1);
    const again = await liaison.inject({
      method: 'POST',
      url: `/api/v1/duties/${march.id}/fulfil`,
      payload: meeting('2026-04-02', t.world.people.secretary),
    });
    expect(again.statusCode).toBe(409);
  });

  it('filters by state in the database exactly as the domain decides each row', async () => {
    t.clock.set('2026-04-03T02:00:00Z');
    const all = await find(t, 'operator', '');
    expect(all.total).toBe(115);
    for (const state of ['upcoming', 'due_soon', 'overdue', 'done', 'done_late', 'waived']) {
      const page = await find(t, 'operator', `state=${state}`);
      expect(page.items.every((i) => i.state === state)).toBe(true);
      expect(page.total).toBe(all.items.filter((i) => i.state === state).length);
    }
  });

  it('refuses a wrong fulfilment field by field and writes nothing', async () => {
    t.clock.set('2026-04-03T02:00:00Z');
    const { town1 } = t.world.units;
    const april = await occurrenceOf(t, town1.id, 'office-meeting', '2026-M04');
    const q1Report = await occurrenceOf(t, town1.id, 'situation-report', '2026-Q1');
    const liaison = await t.login('liaison');
    const before = await count(t.db, 'SELECT count(*) FROM duty_fulfilments');
    const cases: [number, unknown, string][] = [
      [april.id, report, 'body.kind'],
      [april.id, meeting('2026-04-09', t.world.people.secretary), 'body.meeting.date'],
      [april.id, meeting('2026-03-31', t.world.people.secretary), 'body.meeting.date'],
      [april.id, { kind: 'meeting', meeting: { date: '2026-04-01' } }, 'body.meeting.chairPersonId'],
      [q1Report.id, report, 'body.attachments'],
    ];
    for (const [id, payload, path] of cases) {
      const res = await liaison.inject({
        method: 'POST',
        url: `/api/v1/duties/${id}/fulfil`,
        payload: payload as object,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
    // A chair who holds no post in town1 that day (town2's secretary, an unknown id): 422, zh + en.
    for (const chair of [t.world.people.secretary2, 999_999]) {
      const res = await liaison.inject({
        method: 'POST',
        url: `/api/v1/duties/${april.id}/fulfil`,
        payload: meeting('2026-04-01', chair),
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors).toEqual([
        {
          path: 'body.meeting.chairPersonId',
          message: { zh: expect.stringContaining('任职'), en: expect.any(String) },
        },
      ]);
    }
    expect(await count(t.db, 'SELECT count(*) FROM duty_fulfilments')).toBe(before);
    const withEvidence = await liaison.inject({
      method: 'POST',
      url: `/api/v1/duties/${q1Report.id}/fulfil`,
      payload: { ...report, attachments: [{ name: '一季度治安形势报告.pdf', size: 1024 }] },
    });
    expect(withEvidence.statusCode, withEvidence.body).toBe(200);
    expect(withEvidence.json()).toMatchObject({
      state: 'done',
      fulfilledOn: '2026-04-03',
      deadline: '2026-04-15',
    });
  });

  it('lets only an operator waive, with a reason, and audits it', async () => {
    const { town1 } = t.world.units;
    const may = await occurrenceOf(t, town1.id, 'office-meeting', '2026-M05');
    const liaison = await t.login('liaison');
    expect(
      (
        await liaison.inject({
          method: 'POST',
          url: `/api/v1/duties/${may.id}/waive`,
          payload: { reason: '镇机构调整' },
        })
      ).statusCode,
    ).toBe(403);
    const operator = await t.login('operator');
    const noReason = await operator.inject({
      method: 'POST',
      url: `/api/v1/duties/${may.id}/waive`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const waived = await operator.inject({
      method: 'POST',
      url: `/api/v1/duties/${may.id}/waive`,
      payload: { reason: '镇机构调整，本月会议并入县级会议' },
    });
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json()).toMatchObject({
      state: 'waived',
      waiver: { by: 'operator', reason: '镇机构调整，本月会议并入县级会议' },
    });
    expect(
      (
        await operator.inject({
          method: 'POST',
          url: `/api/v1/duties/${may.id}/waive`,
          payload: { reason: '再次' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await liaison.inject({
          method: 'POST',
          url: `/api/v1/duties/${may.id}/fulfil`,
          payload: meeting('2026-04-02', t.world.people.secretary),
        })
      ).statusCode,
    ).toBe(409);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'duty.waived'")).toBe(1);
  });

  it('hides another jurisdiction: 404 on its occurrences, nothing of it in lists', async () => {
    const { town1, town2 } = t.world.units;
    const june = await occurrenceOf(t, town1.id, 'office-meeting', '2026-M06');
    const liaison2 = await t.login('liaison2');
    expect((await liaison2.inject({ method: 'GET', url: `/api/v1/duties/${june.id}` })).statusCode).toBe(404);
    expect(
      (
        await liaison2.inject({
          method: 'POST',
          url: `/api/v1/duties/${june.id}/fulfil`,
          payload: meeting('2026-04-02', t.world.people.secretary),
        })
      ).statusCode,
    ).toBe(404);
    const operator2 = await t.login('operator2');
    expect(
      (
        await operator2.inject({
          method: 'POST',
          url: `/api/v1/duties/${june.id}/waive`,
          payload: { reason: '越权' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await liaison2.inject({ method: 'GET', url: `/api/v1/duties?unitId=${town1.id}` })).statusCode,
    ).toBe(404);
    const own = await find(t, 'liaison2', '');
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((i) => i.unitId === town2.id)).toBe(true);
  });

  it('draws the unit × month grid: the county itself and each child subtree', async () => {
    t.clock.set('2026-04-03T02:00:00Z');
    const { county, town1, town2, dept1 } = t.world.units;
    const res = await (await t.login('operator')).inject({
      method: 'GET',
      url: `/api/v1/duties/compliance?year=2026&unitId=${county.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    type Row = {
      unitId: number;
      scope: string;
      months: { month: number; total: number; doneLate: number; waived: number; timeStatus: string | null }[];
    };
    const { rows } = res.json() as { rows: Row[] };
    expect(rows.map((r) => [r.unitId, r.scope])).toEqual([
      [county.id, 'self'],
      [town1.id, 'subtree'],
      [town2.id, 'subtree'],
      [dept1.id, 'subtree'],
    ]);
    const total = rows.reduce((s, r) => s + r.months.reduce((m, c) => m + c.total, 0), 0);
    expect(total).toBe(115);
    const town1Row = rows.find((r) => r.unitId === town1.id)!;
    expect(town1Row.months[2]).toMatchObject({ month: 3, doneLate: 1, timeStatus: 'red' });
    // May's meeting was waived; its deadline, Sunday 31 May, moved to Monday 1 June.
    expect(town1Row.months[5]).toMatchObject({ month: 6, waived: 1 });
    const outside = await (await t.login('liaison2')).inject({
      method: 'GET',
      url: `/api/v1/duties/compliance?year=2026&unitId=${town1.id}`,
    });
    expect(outside.statusCode).toBe(404);
  });
});

type Notice = { id: number; kind: string; occurrence: { id: number; unitId: number; deadline: string } };

const notificationsOf = async (t: TestApp, username: string) => {
  const res = await (await t.login(username)).inject({
    method: 'GET',
    url: '/api/v1/notifications?pageSize=500',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Notice[]; total: number; unread: number };
};

/** Open occurrences of a unit whose deadline is on or before `until`. */
const openDueBy = (t: TestApp, unitId: number, until: string) =>
  count(
    t.db,
    `SELECT count(*) FROM duty_occurrences
      WHERE unit_id = $1 AND fulfilled_on IS NULL AND waived_at IS NULL AND deadline <= $2::date`,
    [unitId, until],
  );

describe('duty scheduler and notifications', () => {
  let t: TestApp;
  const extra: { close: () => Promise<void> }[] = [];
  const schedulerOf = async (db: Database) => {
    const built = await buildApp({
      db,
      config: testConfig(),
      clock: t.clock,
      scheduler: { initialDelayMs: 3_600_000 },
    });
    await built.app.ready();
    extra.push(built.app);
    return built.scheduler!;
  };
  beforeAll(async () => {
    t = await createTestApp();
    await attachCountyRulebook(t);
  }, 60_000);
  afterAll(async () => {
    for (const app of extra) await app.close();
    await t.close();
  });

  it('generates the current and next periods, and a missed stretch collapses into what is due now', async () => {
    const scheduler = await schedulerOf(t.db);
    const { town1 } = t.world.units;
    // Started on 2 March: March and April of the monthly duties, Q1 and Q2 of the quarterly ones.
    const first = await scheduler.tick();
    expect(first).toMatchObject({ ran: true, asOf: '2026-03-02' });
    expect(
      await count(
        t.db,
        "SELECT count(*) FROM duty_occurrences WHERE unit_id = $1 AND duty_id = 'office-meeting'",
        [town1.id],
      ),
    ).toBe(2);
    // Down until 10 May: one tick then.
    t.clock.set('2026-05-10T01:00:00Z');
    const late = await scheduler.tick();
    expect(late).toMatchObject({ ran: true, asOf: '2026-05-10' });
    // The leader (town1's party secretary) hears of each open occurrence of town1 due by 17 May —
    // overdue ones only as overdue, never first as "due soon".
    const { items } = await notificationsOf(t, 'leader');
    const town1Items = items.filter((n) => n.occurrence.unitId === town1.id);
    expect(town1Items.length).toBe(await openDueBy(t, town1.id, '2026-05-17'));
    expect(town1Items.length).toBe(items.length);
    for (const n of items) expect(n.kind).toBe(n.occurrence.deadline < '2026-05-10' ? 'overdue' : 'due_soon');
    expect(new Set(items.map((n) => n.occurrence.id)).size).toBe(items.length);
    // Nobody without a principal or in-charge post in town1 is told about it.
    expect((await notificationsOf(t, 'leader2')).items.every((n) => n.occurrence.unitId !== town1.id)).toBe(
      true,
    );
    expect((await notificationsOf(t, 'operator')).total).toBe(0);
    // Again the same day: nothing new.
    expect(await scheduler.tick()).toMatchObject({
      ran: true,
      occurrencesCreated: 0,
      notificationsCreated: 0,
    });
    expect(await count(t.db, "SELECT count(*) FROM scheduler_runs WHERE job = 'duties'")).toBe(3);
  });

  it('notifies once per (recipient, occurrence, kind): due soon, then overdue', async () => {
    const scheduler = await schedulerOf(t.db);
    const { town1 } = t.world.units;
    t.clock.set('2026-05-25T01:00:00Z');
    await scheduler.tick();
    const may = (await find(t, 'operator', `unitId=${town1.id}&dutyId=office-meeting&periodKey=2026-M05`))
      .items[0]!;
    expect(may.deadline).toBe('2026-06-01'); // Sunday 31 May moves to the next working day
    const kinds = async () =>
      (
        await t.db.query<{ kind: string }>(
          'SELECT kind FROM notifications WHERE occurrence_id = $1 ORDER BY created_at, kind',
          [may.id],
        )
      ).map((r) => r.kind);
    expect(await kinds()).toEqual(['due_soon']);
    t.clock.set('2026-06-02T01:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(await kinds()).toEqual(['due_soon', 'overdue']);
    expect(
      await count(
        t.db,
        'SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY account_id, occurrence_id, kind HAVING count(*) > 1) d',
      ),
    ).toBe(0);
  });

  it('marks only the caller’s own notification read, once, audited', async () => {
    const { items, unread } = await notificationsOf(t, 'leader');
    const target = items[0]!;
    const other = await t.login('leader2');
    expect(
      (await other.inject({ method: 'POST', url: `/api/v1/notifications/${target.id}/read` })).statusCode,
    ).toBe(404);
    const leader = await t.login('leader');
    const res = await leader.inject({ method: 'POST', url: `/api/v1/notifications/${target.id}/read` });
    expect(res.statusCode, res.body).toBe(200);
    await leader.inject({ method: 'POST', url: `/api/v1/notifications/${target.id}/read` });
    expect((await notificationsOf(t, 'leader')).unread).toBe(unread - 1);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'notification.read'")).toBe(1);
  });

  it('runs once across two servers on one database ticking at the same time', async () => {
    // A second server: its own connection pool on PostgreSQL, the same embedded database on PGlite.
    const second = t.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: t.databaseUrl, poolSize: 3 })
      : t.db;
    if (second !== t.db) extra.push({ close: () => second.close() });
    const a = await schedulerOf(t.db);
    const b = await schedulerOf(second);
    t.clock.set('2026-07-27T01:00:00Z');
    const before = await count(t.db, 'SELECT count(*) FROM notifications');
    const results = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    const created = results.reduce((s, r) => s + (r.ran ? r.notificationsCreated : 0), 0);
    const after = await count(t.db, 'SELECT count(*) FROM notifications');
    expect(after - before).toBeGreaterThan(0);
    expect(created).toBe(after - before);
    expect(results.filter((r) => r.ran && r.notificationsCreated > 0)).toHaveLength(1);
    expect(
      await count(
        t.db,
        'SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY account_id, occurrence_id, kind HAVING count(*) > 1) d',
      ),
    ).toBe(0);
  });
});
