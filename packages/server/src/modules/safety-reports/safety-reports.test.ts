import {
  SAFETY_REPORT_FIGURE_KEYS,
  SAFETY_REPORT_FIELD_KEYS,
  fileSafetyReportRequestSchema,
} from '@zongzhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

type Figures = Record<(typeof SAFETY_REPORT_FIGURE_KEYS)[number], number>;
type Report = {
  status: 'draft' | 'filed';
  figures: Figures;
  entered: Record<string, unknown> | null;
  revision: number | null;
  revisions: { revision: number }[];
  open: boolean;
  closesOn: string;
};

const entry = {
  disputesScreened: 12,
  disputesResolved: 11,
  publicityActivities: 2,
  situation: '本月治安形势总体平稳。',
  remarks: '',
};

describe('monthly safety report (平安报表)', () => {
  let t: TestApp;
  let operator: Session;
  let liaison: Session;
  const occurrences: Record<string, number> = {};

  /** A duty occurrence of a unit, owed as a report, due on `deadline`. */
  const addOccurrence = async (key: string, unitId: number, deadline: string) => {
    const [row] = await t.db.query<{ id: number }>(
      `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline,
                                     duty_name_zh, duty_name_en, duty_kind, evidence_required, rulebook_id,
                                     rulebook_version, generated_at)
       VALUES ($1, $2, '2026-M03', '2026-02-01', '2026-03-31', $3, '测试报告', 'Test report', 'report', false,
               'national-2016', 1, now())
       RETURNING id`,
      [`test-${key}`, unitId, deadline],
    );
    occurrences[key] = row!.id;
  };
  const fulfil = async (key: string) => {
    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/duties/${occurrences[key]}/fulfil`,
      payload: { kind: 'report', report: { summary: '已完成。' } },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const incident = async (session: Session, unitId: number, occurredAt: string, extra = {}) => {
    const res = await session.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        source: 'reported',
        unitId,
        kind: 'public_safety_accident',
        occurredAt,
        place: '某地',
        summary: '一起事故。',
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const get = async (session: Session, url: string) => {
    const res = await session.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const countRows = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM safety_reports'))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    operator = await t.login('operator');
    liaison = await t.login('liaison');
    const attached = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${t.world.units.county.id}/rulebook`,
      payload: { rulebookId: 'district-001', validFrom: '2026-01-01' },
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const { town1, town2, village1a } = t.world.units;
    // Today is 2026-03-02. Town1's subtree, March deadlines: A done, B done late, C and F overdue,
    // D open, E waived (left out); G is due in February. H belongs to town2.
    await addOccurrence('a', town1.id, '2026-03-31');
    await addOccurrence('b', town1.id, '2026-03-01');
    await addOccurrence('c', town1.id, '2026-03-01');
    await addOccurrence('d', town1.id, '2026-03-31');
    await addOccurrence('e', town1.id, '2026-03-15');
    await addOccurrence('f', village1a.id, '2026-03-01');
    await addOccurrence('g', village1a.id, '2026-02-27');
    await addOccurrence('h', town2.id, '2026-03-01');
    await fulfil('a');
    await fulfil('b');
    await fulfil('g');
    const waived = await operator.inject({
      method: 'POST',
      url: `/api/v1/duties/${occurrences.e}/waive`,
      payload: { reason: '该项工作已并入其他事项' },
    });
    expect(waived.statusCode, waived.body).toBe(200);
    // Incidents of March in town1's subtree: on time (with casualties), late, unreported; one of
    // February and one of town2 that must not count.
    await incident(liaison, village1a.id, '2026-03-01T10:00:00+08:00', { deaths: 1, injuries: 2 });
    await incident(liaison, town1.id, '2026-03-01T00:30:00+08:00', { injuries: 1 });
    await incident(operator, village1a.id, '2026-03-01T08:00:00+08:00', {
      source: 'discovered',
      discoveredFrom: '群众来信',
    });
    await incident(liaison, town1.id, '2026-02-28T23:00:00+08:00', { deaths: 3 });
    await incident(operator, town2.id, '2026-03-01T09:00:00+08:00');
  }, 60_000);
  afterAll(async () => t.close());

  const town1Url = () => `/api/v1/safety-reports/${t.world.units.town1.id}/2026-03`;

  it('never asks a figure the system holds: the PUT body has no field for a prefilled figure', () => {
    const asked = Object.keys(fileSafetyReportRequestSchema.shape);
    expect(asked.filter((k) => (SAFETY_REPORT_FIGURE_KEYS as string[]).includes(k))).toEqual([]);
    expect(asked.sort()).toEqual([...SAFETY_REPORT_FIELD_KEYS].sort());
  });

  it('prefills the draft with the facts of the unit’s subtree and month', async () => {
    const report = (await get(liaison, town1Url())).json() as Report;
    const expected: Figures = {
      dutiesDue: 5,
      dutiesDone: 1,
      dutiesDoneLate: 1,
      dutiesOverdue: 2,
      incidents: 3,
      incidentsOnTime: 1,
      incidentsLate: 1,
      incidentsUnreported: 1,
      deaths: 1,
      injuries: 3,
    };
    expect(report).toMatchObject({
      status: 'draft',
      entered: null,
      revision: null,
      open: true,
      closesOn: '2026-04-30',
    });
    expect(report.figures).toEqual(expected);

    // The same numbers as the duty ledger and the incident register show, read through their APIs.
    const duties = (
      (
        await get(
          operator,
          `/api/v1/duties?pageSize=500&unitId=${t.world.units.town1.id}&from=2026-03-01&to=2026-03-31`,
        )
      ).json() as {
        items: { state: string }[];
      }
    ).items;
    const dutyCount = (state: string) => duties.filter((d) => d.state === state).length;
    expect(report.figures.dutiesDone).toBe(dutyCount('done'));
    expect(report.figures.dutiesDoneLate).toBe(dutyCount('done_late'));
    expect(report.figures.dutiesOverdue).toBe(dutyCount('overdue'));
    expect(report.figures.dutiesDue).toBe(duties.length - dutyCount('waived'));
    const incidents = (
      (
        await get(
          operator,
          `/api/v1/incidents?pageSize=500&unitId=${t.world.units.town1.id}&from=2026-03-01&to=2026-03-31`,
        )
      ).json() as {
        items: { timeliness: string; deaths: number; injuries: number }[];
      }
    ).items;
    expect(report.figures.incidents).toBe(incidents.length);
    expect(report.figures.incidentsLate).toBe(incidents.filter((i) => i.timeliness === 'late').length);
    expect(report.figures.incidentsUnreported).toBe(
      incidents.filter((i) => i.timeliness === 'unreported').length,
    );
    expect(report.figures.deaths).toBe(incidents.reduce((s, i) => s + i.deaths, 0));
    expect(report.figures.injuries).toBe(incidents.reduce((s, i) => s + i.injuries, 0));
  });

  it('files the entered fields beside a snapshot; re-filing adds an audited revision', async () => {
    const first = await liaison.inject({ method: 'PUT', url: town1Url(), payload: entry });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'filed',
      revision: 1,
      entered: entry,
      figures: { dutiesOverdue: 2, dutiesDoneLate: 1 },
    });

    // A fact changes after filing: the filed snapshot stays as it was.
    await fulfil('c');
    expect(((await get(liaison, town1Url())).json() as Report).figures).toMatchObject({ dutiesOverdue: 2 });

    const second = await operator.inject({
      method: 'PUT',
      url: town1Url(),
      payload: { ...entry, disputesResolved: 12, remarks: '更正化解数' },
    });
    expect(second.statusCode, second.body).toBe(200);
    const report = second.json() as Report;
    expect(report).toMatchObject({
      revision: 2,
      entered: { disputesResolved: 12, remarks: '更正化解数' },
      figures: { dutiesOverdue: 1, dutiesDoneLate: 2 },
    });
    expect(report.revisions.map((r) => r.revision)).toEqual([2, 1]);
    const stored = await t.db.query<{ revision: number; prefilled: Figures }>(
      'SELECT revision, prefilled FROM safety_reports WHERE unit_id = $1 AND month = $2 ORDER BY revision',
      [t.world.units.town1.id, '2026-03'],
    );
    expect(stored.map((r) => [r.revision, r.prefilled.dutiesOverdue])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    const audits = await t.db.query<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_log WHERE action LIKE 'safety_report.%' ORDER BY id`,
    );
    expect(audits).toEqual([
      { action: 'safety_report.filed', actor_name: 'liaison' },
      { action: 'safety_report.revised', actor_name: 'operator' },
    ]);
  });

  it('shows the county view side by side, naming the units that have not filed', async () => {
    const view = (await get(operator, '/api/v1/safety-reports?month=2026-03')).json() as {
      expected: number;
      filed: number;
      missing: { unitName: string }[];
      rows: { unitName: string; status: string; revision: number | null; figures: Figures }[];
    };
    expect(view).toMatchObject({ expected: 3, filed: 1 });
    expect(view.missing.map((m) => m.unitName)).toEqual(['二号镇', '县公安局']);
    expect(view.rows.map((r) => [r.unitName, r.status, r.revision])).toEqual([
      ['一号镇', 'filed', 2],
      ['二号镇', 'missing', null],
      ['县公安局', 'missing', null],
    ]);
    // town2's live figures: its own overdue duty and its incident, nothing of town1's.
    expect(view.rows[1]!.figures).toMatchObject({ dutiesDue: 1, dutiesOverdue: 1, incidents: 1 });
    // A liaison officer's view is their own town.
    const own = (await get(liaison, '/api/v1/safety-reports?month=2026-03')).json() as { expected: number };
    expect(own.expected).toBe(1);
  });

  it('exports the unit report and the county view as workbooks with Chinese headers', async () => {
    const unitRes = await get(liaison, `${town1Url()}.xlsx`);
    expect(unitRes.headers['content-type']).toContain('spreadsheetml');
    const unitBook = new ExcelJS.Workbook();
    await unitBook.xlsx.load(unitRes.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = unitBook.getWorksheet('平安报表')!;
    expect(sheet.getCell('A1').value).toBe('一号镇 2026-03 平安报表');
    const items = new Map<string, [unknown, unknown]>();
    sheet.eachRow((row) => {
      items.set(String(row.getCell(1).value), [row.getCell(2).value, row.getCell(3).value]);
    });
    expect(items.get('项目')).toEqual(['数值', '来源']);
    expect(items.get('逾期完成')).toEqual([2, '系统预填']);
    expect(items.get('瞒报漏报')).toEqual([1, '系统预填']);
    expect(items.get('调处化解矛盾纠纷（件）')).toEqual([12, '单位填报']);

    const countyRes = await get(operator, '/api/v1/safety-reports/county/2026-03.xlsx');
    const countyBook = new ExcelJS.Workbook();
    await countyBook.xlsx.load(countyRes.rawPayload as unknown as ExcelJS.Buffer);
    const county = countyBook.getWorksheet('平安报表汇总')!;
    const header = (county.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['单位', '状态', '版本', '填报时间', '填报人']);
    expect(header).toContain('按期完成');
    expect(header).toContain('排查矛盾纠纷（件）');
    const rowOf = (n: number) => (county.getRow(n).values as unknown[]).slice(1, 4);
    expect(rowOf(2)).toEqual(['一号镇', '已填报', 2]);
    expect(rowOf(3)).toEqual(['二号镇', '未填报', '']);
    expect(rowOf(4)).toEqual(['县公安局', '未填报', '']);
  });

  it.each([
    ['a prefilled figure sent along', 'town1', '2026-03', { ...entry, dutiesDone: 9 }, 400, 'dutiesDone'],
    [
      'a negative count',
      'town1',
      '2026-03',
      { ...entry, disputesScreened: -1 },
      400,
      'body.disputesScreened',
    ],
    ['no situation', 'town1', '2026-03', { ...entry, situation: ' ' }, 400, 'body.situation'],
    ['not a month', 'town1', '2026-13', entry, 400, 'params.month'],
    ['a month not begun', 'town1', '2026-04', entry, 400, 'params.month'],
    ['a unit that files no report', 'village1a', '2026-03', entry, 400, 'params.unitId'],
    ['a closed month', 'town1', '2026-01', entry, 409, 'safety_reports.month_closed'],
  ] as const)('refuses %s and writes nothing', async (_, unit, month, body, status, named) => {
    const before = await countRows();
    const res = await operator.inject({
      method: 'PUT',
      url: `/api/v1/safety-reports/${t.world.units[unit].id}/${month}`,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.body).toContain(named);
    expect(await countRows()).toBe(before);
  });

  it('hides another town’s report (404) and refuses a reader’s filing (403)', async () => {
    const outsider = await t.login('liaison2');
    expect((await outsider.inject({ method: 'GET', url: town1Url() })).statusCode).toBe(404);
    expect((await outsider.inject({ method: 'PUT', url: town1Url(), payload: entry })).statusCode).toBe(404);
    const leader = await t.login('leader');
    expect((await leader.inject({ method: 'GET', url: town1Url() })).statusCode).toBe(200);
    expect((await leader.inject({ method: 'PUT', url: town1Url(), payload: entry })).statusCode).toBe(403);
  });
});
