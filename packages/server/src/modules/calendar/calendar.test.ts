import { CHINA_CALENDAR_DATA, parseCalendarYear, SHIPPED_CALENDAR_DATA } from '@zongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { ensureShippedCalendarYears } from './ensure-shipped-calendar';

/** A county layer whose deadlines for 2026 fall in January 2027. */
const countyLayer = {
  id: 'calendar-county-2026',
  name: { zh: '日历测试县细则', en: 'Calendar test county rules' },
  jurisdictionLevel: 'county',
  extends: 'district-001',
  sources: [{ id: 'calendar-county-2026', title: '日历测试县细则', year: 2026 }],
  duties: [
    {
      id: 'situation-report',
      name: { zh: '季度治安形势报告', en: 'Quarterly security situation report' },
      kind: 'report',
      who: ['town'],
      cadence: { kind: 'periodic', every: 1, unit: 'quarter' },
      deadline: { kind: 'working_days_after_period_end', days: 10 },
      evidenceRequired: false,
      source: { doc: 'calendar-county-2026', article: '第九条' },
    },
    {
      id: 'annual-summary',
      name: { zh: '年度工作总结', en: 'Annual summary' },
      kind: 'report',
      who: ['town'],
      cadence: { kind: 'periodic', every: 1, unit: 'year' },
      deadline: { kind: 'fixed_date', month: 1, day: 15, yearOffset: 1 },
      evidenceRequired: false,
      source: { doc: 'calendar-county-2026', article: '第十条' },
    },
  ],
};

const SHIPPED_YEARS = SHIPPED_CALENDAR_DATA.map((y) => y.year); // 2016–2026 official, 2027 provisional
const OFFICIAL_YEARS = CHINA_CALENDAR_DATA.map((y) => y.year); // 2016–2026

/** Test data for 2027, not the real notice: 元旦 and a declared rest on Thu–Fri 14–15 January. */
const year2027 = {
  year: 2027,
  jurisdiction: 'CN',
  source: {
    title: '测试：2027年部分节假日安排',
    documentNumber: '测试〔2026〕1号',
    publishedOn: '2026-11-01',
    url: 'https://example.invalid/2027',
  },
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '测试假日', from: '2027-01-14', to: '2027-01-15' },
  ],
  makeUpWorkdays: [],
};

/** A later release's 2027, standing in for the official notice (test data). */
const officialRelease2027 = parseCalendarYear({ ...year2027, status: 'official' });

/** Publishes the county layer above and attaches it to the county, as the operator. */
const attachCountyLayer = async (t: TestApp) => {
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
  return operator;
};

const countyDeadlines = (t: TestApp) =>
  t.db.query<{ duty_id: string; deadline: string }>(
    `SELECT DISTINCT duty_id, deadline::text AS deadline FROM duty_occurrences
      WHERE duty_id IN ('situation-report', 'annual-summary') AND deadline >= '2027-01-01' ORDER BY duty_id`,
  );

describe('working calendar', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
  }, 60_000);
  afterAll(async () => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0]!.n;

  it('seeds the shipped years once, audited as system, and never overwrites an edited year', async () => {
    const first = await ensureShippedCalendarYears(t.db, t.clock);
    expect(first.seeded).toEqual(SHIPPED_YEARS);
    expect(first.seeded).toContain(2027);
    expect(first.present).toEqual([]);
    expect(
      await count(
        "SELECT count(*) FROM audit_log WHERE action = 'calendar.year_saved' AND actor_name = 'system'",
      ),
    ).toBe(SHIPPED_CALENDAR_DATA.length);

    const operator = await t.login('operator');
    const edited = { ...SHIPPED_CALENDAR_DATA.find((y) => y.year === 2026)!, verifiedAgainst: ['本县核对'] };
    const put = await operator.inject({ method: 'PUT', url: '/api/v1/calendar/years/2026', payload: edited });
    expect(put.statusCode, put.body).toBe(200);

    const second = await ensureShippedCalendarYears(t.db, t.clock);
    expect(second).toEqual({ seeded: [], upgraded: [], present: SHIPPED_YEARS });
    const got = await operator.inject({ method: 'GET', url: '/api/v1/calendar/years/2026' });
    expect(got.json()).toMatchObject({
      year: 2026,
      updatedBy: 'operator',
      data: { verifiedAgainst: ['本县核对'] },
    });
    expect(await count('SELECT count(*) FROM calendar_years')).toBe(SHIPPED_CALENDAR_DATA.length);
  });

  it('lists the stored years from 2016 to next year, 2027 as provisional', async () => {
    const liaison = await t.login('liaison');
    const res = await liaison.inject({ method: 'GET', url: '/api/v1/calendar/years' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      years: { year: number; status: string; documentNumber: string; makeUpWorkdays: number }[];
      missing: number[];
      provisional: number[];
      required: unknown;
    };
    expect(body.required).toEqual({ from: 2016, to: 2027 });
    expect(body.missing).toEqual([]);
    expect(body.provisional).toEqual([2027]);
    expect(body.years.map((y) => y.year)).toEqual(SHIPPED_YEARS);
    expect(body.years.filter((y) => y.status === 'official').map((y) => y.year)).toEqual(OFFICIAL_YEARS);
    expect(body.years.find((y) => y.year === 2027)).toMatchObject({
      status: 'provisional',
      documentNumber: '国务院令第795号',
      makeUpWorkdays: 0,
    });

    const year = await liaison.inject({ method: 'GET', url: '/api/v1/calendar/years/2027' });
    expect(year.statusCode, year.body).toBe(200);
    expect(year.json()).toMatchObject({
      year: 2027,
      status: 'provisional',
      updatedBy: 'system',
      data: { status: 'provisional', makeUpWorkdays: [], source: { documentNumber: '国务院令第795号' } },
    });
    expect(year.json().data.source.url).toBeUndefined();
    const official = await liaison.inject({ method: 'GET', url: '/api/v1/calendar/years/2026' });
    expect(official.json()).toMatchObject({ year: 2026, status: 'official' });
    const absent = await liaison.inject({ method: 'GET', url: '/api/v1/calendar/years/2028' });
    expect(absent.statusCode).toBe(404);
  });

  it('reads a row stored before the status existed as official', async () => {
    await t.db.query(`UPDATE calendar_years SET data = data - 'status' WHERE year = 2025`);
    const res = await (await t.login('liaison')).inject({
      method: 'GET',
      url: '/api/v1/calendar/years/2025',
    });
    expect(res.json()).toMatchObject({ year: 2025, status: 'official' });
    const listed = await (await t.login('liaison')).inject({ method: 'GET', url: '/api/v1/calendar/years' });
    expect(listed.json().provisional).toEqual([2027]);
  });

  it('computes deadlines in the provisional 2027 on its statutory holidays', async () => {
    const { loadWorkCalendar } = await import('./load-work-calendar');
    const calendar = await loadWorkCalendar(t.db);
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true);
    expect(calendar.addWorkingDays('2027-01-29', 10)).toBe('2027-02-16');
  });

  it('refuses bad data with the wrong path and writes nothing', async () => {
    const operator = await t.login('operator');
    const auditBefore = await count('SELECT count(*) FROM audit_log');
    const cases: [Record<string, unknown>, string][] = [
      // 2027-01-06 is a Wednesday: not a make-up working day.
      [{ ...year2027, makeUpWorkdays: [{ date: '2027-01-06', for: '元旦' }] }, 'body.makeUpWorkdays[0].date'],
      [
        { ...year2027, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] },
        'body.holidays[0].to',
      ],
      [{ ...year2027, source: { ...year2027.source, url: '' } }, 'body.source.url'],
      [{ ...year2027, year: 2028 }, 'body.year'],
      // Saved years are official: the provisional one as it is has no notice link.
      [SHIPPED_CALENDAR_DATA.find((y) => y.year === 2027)!, 'body.source.url'],
    ];
    for (const [payload, path] of cases) {
      const res = await operator.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    // A make-up working day on another stored year's festival (2026's 国庆节 includes 2026-10-03).
    const clash = {
      ...SHIPPED_CALENDAR_DATA.find((y) => y.year === 2026)!,
      year: 2027,
      source: year2027.source,
      holidays: [],
      makeUpWorkdays: [{ date: '2026-10-03', for: '测试' }],
    };
    const res = await operator.inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', payload: clash });
    expect(res.statusCode, res.body).toBe(400);
    // The provisional 2027 is still there, unchanged.
    expect(
      await count(
        "SELECT count(*) FROM calendar_years WHERE year = 2027 AND updated_by = 'system' AND data->>'status' = 'provisional'",
      ),
    ).toBe(1);
    expect(await count('SELECT count(*) FROM audit_log')).toBe(auditBefore);
  });

  it('refuses writers other than sysadmin and operator', async () => {
    const res = await (await t.login('liaison')).inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      payload: year2027,
    });
    expect(res.statusCode).toBe(403);
  });

  it('generates duties due in 2027 on the provisional year; saving the notice makes 2027 official', async () => {
    const operator = await attachCountyLayer(t);
    const generated = await operator.inject({
      method: 'POST',
      url: '/api/v1/duties/generate',
      payload: { year: 2026 },
    });
    expect(generated.statusCode, generated.body).toBe(200);
    expect(generated.json().waitingForCalendar).toEqual([]);
    // Statutory holidays only: 1 January is off, 4–15 January are ten working days; 15 January
    // (a Friday) is a working day for the annual summary.
    expect(await countyDeadlines(t)).toEqual([
      { duty_id: 'annual-summary', deadline: '2027-01-15' },
      { duty_id: 'situation-report', deadline: '2027-01-15' },
    ]);

    const saved = await operator.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      // Whatever status the body carries, a saved year is official.
      payload: { ...year2027, status: 'provisional' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2027, status: 'official', updatedBy: 'operator' });
    const [audit] = await t.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'calendar.year_saved' AND target_id = '2027'
        AND actor_name = 'operator'`,
    );
    expect(audit?.details).toMatchObject({
      year: 2027,
      created: false,
      status: 'official',
      replaced: 'provisional',
      documentNumber: '测试〔2026〕1号',
      holidays: { added: ['测试假日'], removed: ['春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] },
    });
    const listed = await operator.inject({ method: 'GET', url: '/api/v1/calendar/years' });
    expect(listed.json()).toMatchObject({ missing: [], provisional: [] });

    // A later release shipping 2027 (provisional or official) leaves the saved year alone.
    const release = [...CHINA_CALENDAR_DATA, officialRelease2027];
    for (const shipped of [SHIPPED_CALENDAR_DATA, release]) {
      expect(await ensureShippedCalendarYears(t.db, t.clock, shipped)).toEqual({
        seeded: [],
        upgraded: [],
        present: SHIPPED_YEARS,
      });
    }
    const kept = await operator.inject({ method: 'GET', url: '/api/v1/calendar/years/2027' });
    expect(kept.json()).toMatchObject({ status: 'official', updatedBy: 'operator', data: year2027 });
  });
});

describe('a later release shipping the official year', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
  }, 60_000);
  afterAll(async () => t.close());

  it('replaces the provisional year start-up stored, audited as an upgrade, once', async () => {
    await ensureShippedCalendarYears(t.db, t.clock);
    const { loadWorkCalendar } = await import('./load-work-calendar');
    expect((await loadWorkCalendar(t.db)).isWorkingDay('2027-01-14')).toBe(true);

    const release = [...CHINA_CALENDAR_DATA, officialRelease2027];
    const upgraded = await ensureShippedCalendarYears(t.db, t.clock, release);
    expect(upgraded).toEqual({ seeded: [], upgraded: [2027], present: OFFICIAL_YEARS });
    const [audit] = await t.db.query<{ actor_name: string; details: Record<string, unknown> }>(
      `SELECT actor_name, details FROM audit_log WHERE action = 'calendar.year_upgraded' AND target_id = '2027'`,
    );
    expect(audit).toMatchObject({
      actor_name: 'system',
      details: { year: 2027, shipped: true, status: 'official', replaced: 'provisional' },
    });

    const liaison = await t.login('liaison');
    const got = await liaison.inject({ method: 'GET', url: '/api/v1/calendar/years/2027' });
    expect(got.json()).toMatchObject({
      year: 2027,
      status: 'official',
      updatedBy: 'system',
      data: { source: { documentNumber: '测试〔2026〕1号' } },
    });
    const listed = await liaison.inject({ method: 'GET', url: '/api/v1/calendar/years' });
    expect(listed.json()).toMatchObject({ missing: [], provisional: [] });
    // Deadlines are computed on the official year from now on (14–15 January are rest days).
    expect((await loadWorkCalendar(t.db)).isWorkingDay('2027-01-14')).toBe(false);

    // Once official, a rerun (or an older release still shipping the provisional year) changes nothing.
    for (const shipped of [release, SHIPPED_CALENDAR_DATA]) {
      expect(await ensureShippedCalendarYears(t.db, t.clock, shipped)).toEqual({
        seeded: [],
        upgraded: [],
        present: shipped.map((y) => y.year),
      });
    }
    expect(await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'calendar.year_upgraded'`)).toHaveLength(
      1,
    );
  });
});

describe('a year without data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    // Only the official years: 2027 is missing, as before a provisional year was shipped.
    await ensureShippedCalendarYears(t.db, t.clock, CHINA_CALENDAR_DATA);
  }, 60_000);
  afterAll(async () => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0]!.n;

  it('saving 2027 lets the duties waiting for it generate, deadlines moved off its holidays', async () => {
    const operator = await attachCountyLayer(t);

    const generate = () =>
      operator.inject({ method: 'POST', url: '/api/v1/duties/generate', payload: { year: 2026 } });
    const before = await generate();
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().waitingForCalendar).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dutyId: 'situation-report', periodKey: '2026-Q4', missingYear: 2027 }),
        expect.objectContaining({ dutyId: 'annual-summary', missingYear: 2027 }),
      ]),
    );
    const waiting =
      "SELECT count(*) FROM duty_occurrences WHERE duty_id IN ('situation-report', 'annual-summary') AND deadline >= '2027-01-01'";
    expect(await count(waiting)).toBe(0);

    const saved = await operator.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      payload: year2027,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2027, updatedBy: 'operator', data: year2027 });
    const [audit] = await t.db.query<{ actor_name: string; details: Record<string, unknown> }>(
      `SELECT actor_name, details FROM audit_log WHERE action = 'calendar.year_saved' AND target_id = '2027'`,
    );
    expect(audit).toMatchObject({
      actor_name: 'operator',
      details: {
        year: 2027,
        created: true,
        documentNumber: '测试〔2026〕1号',
        holidays: { added: ['元旦', '测试假日'], removed: [], changed: [] },
        makeUpWorkdays: { added: [], removed: [] },
      },
    });
    const listed = await operator.inject({ method: 'GET', url: '/api/v1/calendar/years' });
    expect(listed.json().missing).toEqual([]);

    const after = await generate();
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().waitingForCalendar).toEqual([]);
    expect(after.json().created).toBe(4); // two towns × (Q4 report + annual summary)
    const deadlines = await countyDeadlines(t);
    // 15 January is now a rest day: the annual summary moves to Monday 18 January; the tenth
    // working day after the quarter skips 1 and 14–15 January.
    expect(deadlines).toEqual([
      { duty_id: 'annual-summary', deadline: '2027-01-18' },
      { duty_id: 'situation-report', deadline: '2027-01-19' },
    ]);
  });
});
