import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

type Incident = {
  id: number;
  unitId: number;
  timeliness: string;
  basis: string;
  limitId: string | null;
  deadlineAt: string | null;
  rulebookId: string | null;
  source: string;
  reportedAt: string | null;
  recordedBy: string;
  discoveredFrom: string | null;
};

const facts = (unitId: number, occurredAt: string, extra: Record<string, unknown> = {}) => ({
  source: 'reported',
  unitId,
  kind: 'major_criminal_case',
  occurredAt,
  place: '一号镇集贸市场',
  summary: '发生一起抢劫案，嫌疑人已被抓获。',
  deaths: 0,
  injuries: 1,
  ...extra,
});

/** Attaches a preset to a unit from 2026-01-01 through the API, as an operator would. */
const attachPreset = async (t: TestApp, unitId: number, rulebookId: string) => {
  const res = await (await t.login('operator')).inject({
    method: 'PUT',
    url: `/api/v1/units/${unitId}/rulebook`,
    payload: { rulebookId, validFrom: '2026-01-01' },
  });
  expect(res.statusCode, res.body).toBe(200);
};

describe('incident reports', () => {
  let t: TestApp;
  const count = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents'))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    // The county follows seed 001 (24 h); town2 follows Zhuzhou's 随时报告; dept1 the national
    // baseline, which states no limit.
    await attachPreset(t, t.world.units.county.id, 'district-001');
    await attachPreset(t, t.world.units.town2.id, 'zhuzhou-county-2018');
    await attachPreset(t, t.world.units.dept1.id, 'national-2016');
    // The clock stands at about 2026-03-02 09:00 Beijing time.
    expect(t.clock.now().toISOString().slice(0, 13)).toBe('2026-03-02T01');
  }, 60_000);
  afterAll(async () => t.close());

  const report = async (session: string, body: Record<string, unknown>) =>
    (await t.login(session)).inject({ method: 'POST', url: '/api/v1/incidents', payload: body });

  it('measures the 24 h of district-001 from the time it happened: on time', async () => {
    const res = await report('liaison', facts(t.world.units.village1a.id, '2026-03-01T10:00:00+08:00'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      timeliness: 'on_time',
      basis: 'within_limit',
      limitId: 'major-case-report',
      deadlineAt: '2026-03-02T02:00:00.000Z',
      rulebookId: 'district-001',
      source: 'reported',
      recordedBy: 'liaison',
    });
  });

  it('marks a report filed after the limit as late', async () => {
    const res = await report('liaison', facts(t.world.units.town1.id, '2026-03-01T00:30:00+08:00'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      timeliness: 'late',
      basis: 'after_limit',
      // 24 h after 00:30 on 1 March, Beijing time.
      deadlineAt: '2026-03-01T16:30:00.000Z',
    });
  });

  it('leaves an "at once" rule and a rulebook without a limit unassessed, never guessing a limit', async () => {
    const atOnce = await report('operator', facts(t.world.units.village2a.id, '2026-02-20T10:00:00+08:00'));
    expect(atOnce.statusCode, atOnce.body).toBe(201);
    expect(atOnce.json()).toMatchObject({
      timeliness: 'unassessed',
      basis: 'at_once',
      limitId: 'major-incident',
      deadlineAt: null,
      rulebookId: 'zhuzhou-county-2018',
    });
    const none = await report('operator', facts(t.world.units.dept1.id, '2026-02-20T10:00:00+08:00'));
    expect(none.json()).toMatchObject({
      timeliness: 'unassessed',
      basis: 'no_limit',
      rulebookId: 'national-2016',
    });
  });

  it('lets the 综治办 record an incident learned of elsewhere as unreported, with who recorded it', async () => {
    const res = await report('operator', {
      ...facts(t.world.units.village1b.id, '2026-02-25T21:00:00+08:00'),
      source: 'discovered',
      discoveredFrom: '县公安局警情通报',
    });
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json() as Incident;
    expect(incident).toMatchObject({
      source: 'discovered',
      timeliness: 'unreported',
      basis: 'not_reported',
      reportedAt: null,
      recordedBy: 'operator',
      discoveredFrom: '县公安局警情通报',
      deadlineAt: '2026-02-26T13:00:00.000Z',
    });
    const [audit] = await t.db.query<{ actor_name: string; details: { timeliness: string } }>(
      `SELECT actor_name, details FROM audit_log WHERE action = 'incident.recorded_unreported' AND target_id = $1`,
      [String(incident.id)],
    );
    expect(audit).toMatchObject({ actor_name: 'operator', details: { timeliness: 'unreported' } });
  });

  it('refuses an unreported record from a liaison officer (403) and writes nothing', async () => {
    const before = await count();
    const res = await report('liaison', {
      ...facts(t.world.units.town1.id, '2026-02-25T21:00:00+08:00'),
      source: 'discovered',
      discoveredFrom: '媒体报道',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'incidents.discovery_requires_operator' });
    expect(await count()).toBe(before);
  });

  it.each([
    ['a time in the future', { occurredAt: '2026-03-05T10:00:00+08:00' }, 'body.occurredAt'],
    ['a time without an offset', { occurredAt: '2026-03-01 10:00' }, 'body.occurredAt'],
    ['no place', { place: '' }, 'body.place'],
    ['an unknown kind', { kind: 'littering' }, 'body.kind'],
    ['negative casualties', { deaths: -1 }, 'body.deaths'],
    ['discovered without where from', { source: 'discovered' }, 'body.discoveredFrom'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_, change, path) => {
    const before = await count();
    const res = await report('operator', {
      ...facts(t.world.units.town1.id, '2026-03-01T10:00:00+08:00'),
      ...change,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it('hides another town’s incidents (404) and filters the register', async () => {
    const operator = await t.login('operator');
    const list = async (query: string) => {
      const res = await operator.inject({ method: 'GET', url: `/api/v1/incidents?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Incident[]; total: number };
    };
    expect((await list('')).total).toBe(5);
    expect((await list('timeliness=late')).items.map((i) => i.timeliness)).toEqual(['late']);
    expect((await list('timeliness=unreported')).total).toBe(1);
    expect((await list(`unitId=${t.world.units.town1.id}`)).total).toBe(3);
    expect((await list('from=2026-03-01&to=2026-03-01')).total).toBe(2);
    expect((await list('to=2026-02-28')).total).toBe(3);
    expect((await list('kind=mass_incident')).total).toBe(0);
    const page = await list('pageSize=2&page=3');
    expect(page).toMatchObject({ total: 5 });
    expect(page.items).toHaveLength(1);

    const town1Incident = (await list(`unitId=${t.world.units.village1a.id}`)).items[0]!;
    const outsider = await t.login('liaison2');
    expect(
      (await outsider.inject({ method: 'GET', url: `/api/v1/incidents/${town1Incident.id}` })).statusCode,
    ).toBe(404);
    const theirs = await outsider.inject({ method: 'GET', url: '/api/v1/incidents' });
    expect((theirs.json() as { items: Incident[] }).items.map((i) => i.unitId)).toEqual([
      t.world.units.village2a.id,
    ]);
    const mine = await (await t.login('liaison')).inject({
      method: 'GET',
      url: `/api/v1/incidents/${town1Incident.id}`,
    });
    expect(mine.statusCode).toBe(200);
  });
});
