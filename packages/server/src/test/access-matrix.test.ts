import { ROLES, type Role } from '@zongzhi/contracts';
import { CHINA_CALENDAR_DATA } from '@zongzhi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../app';
import { insertAccount, insertPerson, insertPost, insertUnit } from '../fixtures/factories';
import { hashPassword } from '../platform/auth/passwords';
import { AREA_PROBES } from './access-probes/index';
import type { AreaProbes, Probe, ProbeKit, ProbeRequest } from './access-probes/kit';
import { type Session, type TestApp, TEST_SECRET_KEY, createTestApp } from './harness';
import { ensureShippedCalendarYears } from '../modules/calendar/ensure-shipped-calendar';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from '../modules/rulebook/ensure-preset-rulebooks';

/**
 * The role × scope matrix, generated from the live route table: every route of the API is called
 * by every role twice — by an account whose scope holds the target record, and by one scoped to
 * the other town. A role the route does not allow gets 403; an allowed role reaches the record in
 * scope and is told 404 (or sees nothing of it) out of scope. A route without a probe below fails
 * the test, so a new route cannot skip the matrix.
 */

let t: TestApp;
const sessions = new Map<string, Session>();
let seq = 0;
const unique = (prefix: string) => {
  seq += 1;
  return `${prefix}${String(seq).padStart(4, '0')}`;
};
let passwordHash = '';
let templateXlsx: Buffer;

const freshUnit = async (parentId = t.world.units.town1.id) => {
  const name = unique('矩阵村');
  const u = await insertUnit(t.db, { name, kind: 'village', parentId, code: unique('43022191') });
  return { ...u, name };
};
const freshPerson = async () => {
  const name = unique('矩阵人');
  const id = await insertPerson(t.db, { name });
  await t.db.query('UPDATE people SET unit_id = $2 WHERE id = $1', [id, t.world.units.town1.id]);
  const postId = await insertPost(t.db, {
    personId: id,
    unitId: t.world.units.town1.id,
    postKind: 'member',
    title: '党委委员',
    startDate: '2025-01-01',
  });
  return { id, name, postId };
};
const freshAccount = async () => {
  const username = unique('matrix');
  const id = await insertAccount(t.db, TEST_SECRET_KEY, {
    username,
    password: '',
    passwordHash,
    roles: [{ role: 'liaison', unitId: t.world.units.town1.id }],
  });
  const [grant] = await t.db.query<{ id: number }>('SELECT id FROM role_assignments WHERE account_id = $1', [
    id,
  ]);
  return { id, username, assignmentId: grant!.id };
};
const freshApiKey = async () => {
  const prefix = unique('zzk_m').padEnd(12, 'x');
  const [row] = await t.db.query<{ id: number }>(
    `INSERT INTO api_keys (name, prefix, key_hash, role, unit_id) VALUES ($1, $2, 'x', 'orgdept', $3) RETURNING id`,
    [unique('key'), prefix, t.world.units.town1.id],
  );
  return row!.id;
};
/** An occurrence of town1 due at the end of 2026 Q1, owed as a report (any fulfiller may file it). */
const freshOccurrence = async () => {
  const dutyId = unique('matrix-duty-');
  const [row] = await t.db.query<{ id: number }>(
    `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline, duty_name_zh,
                                   duty_name_en, duty_kind, evidence_required, rulebook_id, rulebook_version,
                                   generated_at)
     VALUES ($1, $2, '2026-Q1', '2026-01-01', '2026-03-31', '2026-03-31', '矩阵报告', 'Matrix report', 'report',
             false, 'national-2016', 1, now())
     RETURNING id`,
    [dutyId, t.world.units.town1.id],
  );
  return { id: row!.id, dutyId };
};
/** A notification to the account named after the role (its `<role>2` twin is someone else). */
const freshNotification = async (role: Role) => {
  const occurrence = await freshOccurrence();
  const [row] = await t.db.query<{ id: number }>(
    `INSERT INTO notifications (account_id, kind, occurrence_id, created_at)
     VALUES ($1, 'due_soon', $2, '2100-01-01T00:00:00Z') RETURNING id`,
    [t.world.accounts[role], occurrence.id],
  );
  return { id: row!.id, dutyId: occurrence.dutyId };
};
/** An incident of town1, reported on time, with a unique place to find it by. */
const freshIncident = async () => {
  const place = unique('矩阵地点');
  const [row] = await t.db.query<{ id: number }>(
    `INSERT INTO incidents (unit_id, kind, occurred_at, place, summary, source, reported_at, timeliness,
                            timeliness_basis, recorded_at, recorded_by)
     VALUES ($1, 'mass_incident', '2026-03-01T12:00:00Z', $2, '矩阵测试案事件', 'reported', '2026-03-01T13:00:00Z',
             'unassessed', 'no_rulebook', now(), 'matrix')
     RETURNING id`,
    [t.world.units.town1.id, place],
  );
  return { id: row!.id, place };
};
/** Who files the 平安报表 is the rulebook's: town1 follows the national baseline (towns file) from here on. */
const town1FilesReports = async () => {
  await t.db.query(
    `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
     VALUES ($1, 'national-2016', '2026-01-01', now(), 'matrix') ON CONFLICT (unit_id, valid_from) DO NOTHING`,
    [t.world.units.town1.id],
  );
  return units().town1.id;
};
const safetyReportEntry = {
  disputesScreened: 3,
  disputesResolved: 2,
  publicityActivities: 1,
  situation: '矩阵测试：治安形势平稳',
};
const importWorkbook = async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(templateXlsx as unknown as ExcelJS.Buffer);
  wb.getWorksheet('单位')!.addRow([
    unique('43022181'),
    unique('导入村'),
    'village',
    '430221100000',
    100,
    '2020-01-01',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const isAdmin = (r: Role) => r === 'sysadmin' || r === 'secadmin' || r === 'auditadmin';
const units = () => t.world.units;

const probes: Record<string, Probe> = {
  'GET /api/v1/auth/session': { scope: 'none', prepare: async () => ({ url: '/api/v1/auth/session' }) },
  'POST /api/v1/auth/logout': {
    scope: 'none',
    freshSession: true,
    prepare: async () => ({ url: '/api/v1/auth/logout' }),
  },
  'POST /api/v1/auth/password': {
    scope: 'none',
    // A wrong current password proves the route was reached without changing the account.
    prepare: async () => ({
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'wrong', newPassword: 'Xx!12345678' },
    }),
    expect: () => 400,
  },
  'POST /api/v1/auth/totp/enroll': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/auth/totp/enroll' }),
    expect: (r) => (isAdmin(r) ? 409 : 'success'),
  },
  'POST /api/v1/auth/totp/confirm': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/auth/totp/confirm', payload: { code: '000000' } }),
    expect: () => 'reached',
  },
  'GET /api/v1/accounts': {
    scope: 'record',
    prepare: async () => {
      const a = await freshAccount();
      return { url: `/api/v1/accounts?q=${a.username}`, marker: a.username };
    },
  },
  'GET /api/v1/accounts/:id': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/accounts/${(await freshAccount()).id}` }),
  },
  'POST /api/v1/accounts': {
    scope: 'none',
    prepare: async () => ({
      url: '/api/v1/accounts',
      payload: { username: unique('newuser'), displayName: '新用户', password: 'Strong!pass-2026' },
    }),
  },
  'PATCH /api/v1/accounts/:id': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/accounts/${(await freshAccount()).id}`,
      payload: { displayName: '改名' },
    }),
  },
  'POST /api/v1/accounts/:id/reset-password': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/accounts/${(await freshAccount()).id}/reset-password`,
      payload: { newPassword: 'Another!pass-2026' },
    }),
  },
  'POST /api/v1/accounts/:id/roles': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/accounts/${(await freshAccount()).id}/roles`,
      payload: { role: 'leader', unitId: units().village1a.id },
    }),
  },
  'DELETE /api/v1/accounts/:id/roles/:assignmentId': {
    scope: 'record',
    prepare: async () => {
      const a = await freshAccount();
      return { url: `/api/v1/accounts/${a.id}/roles/${a.assignmentId}` };
    },
  },
  'POST /api/v1/accounts/:id/unlock': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/accounts/${(await freshAccount()).id}/unlock` }),
  },
  'POST /api/v1/accounts/:id/reset-totp': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/accounts/${(await freshAccount()).id}/reset-totp` }),
  },
  'GET /api/v1/security/settings': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/security/settings' }),
  },
  'PUT /api/v1/security/settings': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/security/settings', payload: { ...t.ctx.security() } }),
  },
  'GET /api/v1/api-keys': {
    scope: 'record',
    prepare: async () => {
      const id = await freshApiKey();
      const [k] = await t.db.query<{ name: string }>('SELECT name FROM api_keys WHERE id = $1', [id]);
      return { url: '/api/v1/api-keys?pageSize=500', marker: k!.name };
    },
  },
  'POST /api/v1/api-keys': {
    scope: 'record',
    prepare: async () => ({
      url: '/api/v1/api-keys',
      payload: { name: unique('key'), role: 'orgdept', unitId: units().town1.id },
    }),
  },
  'DELETE /api/v1/api-keys/:id': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/api-keys/${await freshApiKey()}` }),
  },
  'GET /api/v1/audit': { scope: 'none', prepare: async () => ({ url: '/api/v1/audit' }) },
  'GET /api/v1/audit/export.xlsx': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/audit/export.xlsx' }),
  },
  'GET /api/v1/audit/verify': { scope: 'none', prepare: async () => ({ url: '/api/v1/audit/verify' }) },
  'GET /api/v1/units': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/units?q=${encodeURIComponent('甲村第一网格')}`,
      marker: '甲村第一网格',
    }),
  },
  'GET /api/v1/units/:id': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/units/${units().grid1a1.id}` }),
  },
  'GET /api/v1/units/:id/history': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/units/${units().grid1a1.id}/history` }),
  },
  'POST /api/v1/units': {
    scope: 'record',
    bodyRef: true,
    prepare: async () => ({
      url: '/api/v1/units',
      payload: {
        code: unique('43022171'),
        name: unique('新村'),
        kind: 'village',
        parentId: units().town1.id,
        validFrom: '2026-01-01',
      },
    }),
  },
  'PATCH /api/v1/units/:id': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/units/${(await freshUnit()).id}`,
      payload: { name: unique('改名村') },
    }),
  },
  'POST /api/v1/units/:id/move': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/units/${(await freshUnit()).id}/move`,
      payload: { parentId: units().village1a.id, date: '2026-03-01' },
    }),
  },
  'POST /api/v1/units/:id/split': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/units/${(await freshUnit()).id}/split`,
      payload: {
        date: '2026-03-01',
        parts: [
          { code: unique('43022161'), name: unique('分村') },
          { code: unique('43022161'), name: unique('分村') },
        ],
      },
    }),
  },
  'POST /api/v1/units/:id/close': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/units/${(await freshUnit()).id}/close`,
      payload: { date: '2026-03-01' },
    }),
  },
  'GET /api/v1/people': {
    scope: 'record',
    prepare: async () => {
      const p = await freshPerson();
      return { url: `/api/v1/people?q=${encodeURIComponent(p.name)}`, marker: p.name };
    },
  },
  'GET /api/v1/people/:id': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/people/${(await freshPerson()).id}` }),
  },
  'POST /api/v1/people': {
    scope: 'record',
    bodyRef: true,
    prepare: async () => ({
      url: '/api/v1/people',
      payload: { name: unique('新人'), unitId: units().town1.id },
    }),
  },
  'PATCH /api/v1/people/:id': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/people/${(await freshPerson()).id}`,
      payload: { gender: 'female' },
    }),
  },
  'GET /api/v1/posts': {
    scope: 'record',
    prepare: async () => {
      const p = await freshPerson();
      return { url: `/api/v1/posts?personId=${p.id}`, marker: `"id":${p.postId},` };
    },
  },
  'POST /api/v1/posts': {
    scope: 'record',
    bodyRef: true,
    prepare: async () => ({
      url: '/api/v1/posts',
      payload: {
        personId: (await freshPerson()).id,
        unitId: units().town1.id,
        postKind: 'member',
        title: '党委委员',
        startDate: '2026-01-01',
      },
    }),
  },
  'PATCH /api/v1/posts/:id': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/posts/${(await freshPerson()).postId}`,
      payload: { title: '党委委员（兼）' },
    }),
  },
  'GET /api/v1/units/:id/responsible': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/units/${units().town1.id}/responsible?date=2025-07-01` }),
  },
  'GET /api/v1/coverage': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/coverage?unitId=${units().town1.id}` }),
  },
  'GET /api/v1/registry/template.xlsx': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/registry/template.xlsx' }),
  },
  'GET /api/v1/registry/export.xlsx': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/registry/export.xlsx?unitId=${units().town1.id}` }),
  },
  'POST /api/v1/registry/import': {
    scope: 'record',
    bodyRef: true,
    prepare: async () => {
      return {
        url: '/api/v1/registry/import',
        payload: await importWorkbook(),
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      };
    },
  },
  'GET /api/v1/rulebooks': { scope: 'none', prepare: async () => ({ url: '/api/v1/rulebooks' }) },
  'GET /api/v1/rulebooks/:id': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/rulebooks/henan-2016' }),
  },
  'GET /api/v1/rulebooks/:id/versions': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/rulebooks/henan-2016/versions' }),
  },
  'GET /api/v1/units/:id/rulebook': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/units/${units().town1.id}/rulebook` }),
  },
  'POST /api/v1/rulebooks/:id/versions': {
    // A new rulebook reaches no unit yet, so any writer may publish it; reaching units out of
    // scope (403 rulebook.out_of_scope) is covered in rulebook.test.ts.
    scope: 'none',
    prepare: async () => {
      const id = unique('matrix-rb-');
      return { url: `/api/v1/rulebooks/${id}/versions`, payload: matrixLayer(id) };
    },
  },
  'POST /api/v1/rulebooks/preview': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/rulebooks/preview', payload: matrixLayer(unique('matrix-rb-')) }),
  },
  'PUT /api/v1/units/:id/rulebook': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/units/${(await freshUnit()).id}/rulebook`,
      payload: { rulebookId: 'national-2016', validFrom: '2026-01-01' },
    }),
  },
  'GET /api/v1/calendar/years': { scope: 'none', prepare: async () => ({ url: '/api/v1/calendar/years' }) },
  'GET /api/v1/calendar/years/:year': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/calendar/years/2026' }),
  },
  'PUT /api/v1/calendar/years/:year': {
    // National data, the same for every unit: scope does not apply. Saves 2026 as shipped.
    scope: 'none',
    prepare: async () => ({
      url: '/api/v1/calendar/years/2026',
      payload: CHINA_CALENDAR_DATA.find((y) => y.year === 2026),
    }),
  },
  'GET /api/v1/duties': {
    scope: 'record',
    prepare: async () => {
      const o = await freshOccurrence();
      return { url: `/api/v1/duties?dutyId=${o.dutyId}`, marker: o.dutyId };
    },
  },
  'GET /api/v1/duties/:id': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/duties/${(await freshOccurrence()).id}` }),
  },
  'GET /api/v1/duties/compliance': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/duties/compliance?year=2026&unitId=${units().town1.id}` }),
  },
  'POST /api/v1/duties/:id/fulfil': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/duties/${(await freshOccurrence()).id}/fulfil`,
      payload: { kind: 'report', report: { summary: '矩阵测试报告' } },
    }),
  },
  'POST /api/v1/duties/:id/waive': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/duties/${(await freshOccurrence()).id}/waive`,
      payload: { reason: '矩阵测试免除' },
    }),
  },
  // Generation covers the caller's own scope, whatever it is: both accounts succeed.
  'POST /api/v1/duties/generate': {
    scope: 'none',
    prepare: async () => ({ url: '/api/v1/duties/generate', payload: { year: 2026 } }),
  },
  // A notification is its recipient's: the `<role>2` account is "out of scope" for it.
  'GET /api/v1/notifications': {
    scope: 'record',
    prepare: async (role) => {
      const n = await freshNotification(role);
      return { url: '/api/v1/notifications', marker: n.dutyId };
    },
  },
  'POST /api/v1/notifications/:id/read': {
    scope: 'record',
    prepare: async (role) => ({ url: `/api/v1/notifications/${(await freshNotification(role)).id}/read` }),
  },
  'POST /api/v1/incidents': {
    scope: 'record',
    bodyRef: true,
    prepare: async () => ({
      url: '/api/v1/incidents',
      payload: {
        source: 'reported',
        unitId: units().town1.id,
        kind: 'public_safety_accident',
        occurredAt: '2026-02-01T08:00:00+08:00',
        place: unique('矩阵报告地点'),
        summary: '矩阵测试报告',
      },
    }),
  },
  'GET /api/v1/incidents': {
    scope: 'record',
    prepare: async () => {
      const i = await freshIncident();
      return { url: '/api/v1/incidents?pageSize=500', marker: i.place };
    },
  },
  'GET /api/v1/incidents/:id': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/incidents/${(await freshIncident()).id}` }),
  },
  'GET /api/v1/safety-reports': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/safety-reports?month=2026-02&unitId=${units().town1.id}` }),
  },
  'GET /api/v1/safety-reports/summary': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/safety-reports/summary?period=2026-Q1&unitId=${units().town1.id}`,
    }),
  },
  'GET /api/v1/safety-reports/summary.xlsx': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/safety-reports/summary.xlsx?period=2026-Q1&unitId=${units().town1.id}`,
    }),
  },
  'GET /api/v1/safety-reports/county/:month.xlsx': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/safety-reports/county/2026-02.xlsx?unitId=${units().town1.id}` }),
  },
  'GET /api/v1/safety-reports/:unitId/:month': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/safety-reports/${await town1FilesReports()}/2026-02` }),
  },
  'GET /api/v1/safety-reports/:unitId/:month.xlsx': {
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/safety-reports/${await town1FilesReports()}/2026-02.xlsx` }),
  },
  'PUT /api/v1/safety-reports/:unitId/:month': {
    scope: 'record',
    prepare: async () => ({
      url: `/api/v1/safety-reports/${await town1FilesReports()}/2026-02`,
      payload: safetyReportEntry,
    }),
  },
};

const kit: ProbeKit = {
  t: () => t,
  session: (name) => {
    const s = sessions.get(name);
    if (!s) throw new Error(`no session for ${name}`);
    return s;
  },
  unique,
  freshUnit,
  isAdmin,
};
const areas: AreaProbes[] = AREA_PROBES.map((make) => make(kit));
for (const area of areas)
  for (const [key, probe] of Object.entries(area.probes)) {
    if (probes[key]) throw new Error(`two probes for ${key}`);
    probes[key] = probe;
  }

/** A small layer over the national baseline, for the rulebook write probes. */
const matrixLayer = (id: string) => ({
  id,
  name: { zh: '矩阵制度', en: 'Matrix rulebook' },
  jurisdictionLevel: 'town',
  extends: 'national-2016',
  sources: [{ id: 'matrix-doc', title: '矩阵文件', year: 2026 }],
});

/** The account holding `role` over the target's subtree, and the one holding it over town2 only. */
const accountsFor = (role: Role) => [
  { name: role, inScope: true },
  { name: `${role}2`, inScope: false },
];

const call = async (route: RouteInfo, session: Session, req: ProbeRequest) =>
  session.inject({
    method: route.method as 'GET',
    url: req.url,
    ...(req.payload === undefined
      ? {}
      : Buffer.isBuffer(req.payload)
        ? { payload: req.payload }
        : { payload: req.payload as Record<string, unknown> }),
    headers: req.headers ?? {},
  });

describe('role × scope matrix over every route', () => {
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    passwordHash = await hashPassword('Matrix!pass-2026');
    for (const role of ROLES)
      for (const { name } of accountsFor(role)) sessions.set(name, await t.login(name));
    templateXlsx = (
      await sessions.get('operator')!.inject({ method: 'GET', url: '/api/v1/registry/template.xlsx' })
    ).rawPayload;
  }, 120_000);
  afterAll(async () => t.close());

  it('has a probe for every non-public route', () => {
    const missing = t.routes
      .filter((r) => !('public' in r.access))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !probes[k]);
    expect(missing).toEqual([]);
  });

  it('answers each role in and out of scope as its policy says', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of t.routes) {
      if ('public' in route.access) continue;
      const probe = probes[`${route.method} ${route.url}`];
      if (!probe) continue;
      const allowed = route.access.roles;
      for (const role of ROLES) {
        for (const { name, inScope } of accountsFor(role)) {
          const session = probe.freshSession ? await t.login(name) : sessions.get(name)!;
          const req = await probe.prepare(role);
          const res = await call(route, session, req);
          calls += 1;
          const where = `${route.method} ${route.url} as ${name} → ${res.statusCode}`;
          if (!allowed.includes(role)) {
            if (res.statusCode !== 403) failures.push(`${where}, expected 403`);
            continue;
          }
          const outOfScope = !inScope && probe.scope === 'record';
          if (outOfScope) {
            const hidden =
              res.statusCode === 404 ||
              (res.statusCode < 300 && req.marker !== undefined && !res.body.includes(req.marker)) ||
              (probe.bodyRef === true && res.statusCode === 400);
            if (!hidden) failures.push(`${where}, expected 404 or no trace of the record`);
            continue;
          }
          const expected = probe.expect?.(role) ?? 'success';
          const ok =
            expected === 'success'
              ? res.statusCode >= 200 &&
                res.statusCode < 300 &&
                (req.marker === undefined || res.body.includes(req.marker))
              : expected === 'reached'
                ? ![401, 403, 404].includes(res.statusCode) && res.statusCode < 500
                : res.statusCode === expected;
          if (!ok) failures.push(`${where}, expected ${expected}: ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(500);
  }, 300_000);

  it('refuses any role on every route without a session', async () => {
    const failures: string[] = [];
    for (const route of t.routes) {
      if ('public' in route.access) continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:(\w+)/g, '1'),
      });
      if (res.statusCode !== 401) failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed input on every write route with a 4xx problem and writes nothing', async () => {
    const failures: string[] = [];
    const tables = [
      'units',
      'unit_history',
      'people',
      'posts',
      'accounts',
      'role_assignments',
      'api_keys',
      'app_settings',
      'duty_occurrences',
      'duty_fulfilments',
      'notifications',
      'incidents',
      'safety_reports',
      'calendar_years',
      ...areas.flatMap((a) => a.tables),
    ];
    // Every row's text, not only the counts: an UPDATE that should not have happened shows too.
    const checksum = async () =>
      (
        await t.db.query<{ sum: string }>(
          `SELECT ${tables.map((x) => `(SELECT coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM ${x} r)`).join(' || ')} AS sum`,
        )
      )[0]!.sum;
    for (const route of t.routes) {
      if ('public' in route.access || route.method === 'GET' || route.method === 'DELETE') continue;
      const role = route.access.roles[0]!;
      const probe = probes[`${route.method} ${route.url}`];
      if (!probe) continue;
      const req = await probe.prepare(role);
      if (req.payload === undefined) continue; // no body to get wrong
      const before = await checksum();
      // An array where an object is expected: wrong at the top, whatever the route's fields are.
      const res = await sessions.get(role)!.inject({
        method: route.method as 'POST',
        url: req.url,
        payload: '[1]',
        headers: { 'content-type': req.headers?.['content-type'] ?? 'application/json' },
      });
      const after = await checksum();
      const body = res.json() as { message?: { zh?: string; en?: string } };
      if (
        res.statusCode < 400 ||
        res.statusCode >= 500 ||
        !body.message?.zh ||
        !body.message.en ||
        before !== after
      )
        failures.push(
          `${route.method} ${route.url} → ${res.statusCode}${before === after ? '' : ' and rows changed'}`,
        );
    }
    expect(failures).toEqual([]);
  });
});
