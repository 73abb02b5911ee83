import { SAFETY_REPORT_FIGURE_KEYS, SAFETY_REPORT_SUMMED_FIELD_KEYS } from '@zongzhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

type Totals = Record<string, number>;
type Cells = {
  expected: number;
  filed: number;
  filedOnTime: number;
  filedLate: number;
  pending: number;
  missed: number;
  filingRate: number | null;
  totals: Totals;
};
type MonthRow = Cells & { month: string; state: string; closesOn: string | null };
type Summary = {
  period: string;
  kind: string;
  firstDay: string;
  lastDay: string;
  unit: { id: number; name: string };
  months: MonthRow[];
  total: Cells;
  children: { unitId: number; unitName: string; months: MonthRow[]; total: Cells }[];
};

const entry = (n: number) => ({
  disputesScreened: 10 + n,
  disputesResolved: 5 + n,
  publicityActivities: n,
  situation: '本月治安形势总体平稳。',
  remarks: '',
});

const SUMMED = [...SAFETY_REPORT_FIGURE_KEYS, ...SAFETY_REPORT_SUMMED_FIELD_KEYS];

describe('平安报表 summary of a period (issue 6 §5)', () => {
  let t: TestApp;
  let operator: Session;
  let liaison: Session;
  /** unit id → month → what that unit's report of the month holds, read back through its own API. */
  const filed: { unitId: number; month: string }[] = [];

  const get = async (session: Session, url: string) => {
    const res = await session.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const file = async (session: Session, unitId: number, month: string, n: number) => {
    const res = await session.inject({
      method: 'PUT',
      url: `/api/v1/safety-reports/${unitId}/${month}`,
      payload: entry(n),
    });
    expect(res.statusCode, res.body).toBe(200);
    if (!filed.some((f) => f.unitId === unitId && f.month === month)) filed.push({ unitId, month });
  };
  const addOccurrence = async (unitId: number, deadline: string, fulfilledOn: string | null) => {
    await t.db.query(
      `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline,
                                     duty_name_zh, duty_name_en, duty_kind, evidence_required, rulebook_id,
                                     rulebook_version, generated_at, fulfilled_on, fulfilment_kind)
       VALUES ($1, $2, 'x', '2026-01-01', '2026-03-31', $3, '测试', 'Test', 'report', false,
               'national-2016', 1, now(), $4::date, CASE WHEN $4::date IS NULL THEN NULL ELSE 'report' END)`,
      [`sum-${unitId}-${deadline}`, unitId, deadline, fulfilledOn],
    );
  };
  const incident = async (unitId: number, occurredAt: string, extra = {}) => {
    const res = await operator.inject({
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
  const summaryUrl = (period: string, unitId?: number) =>
    `/api/v1/safety-reports/summary?period=${period}${unitId ? `&unitId=${unitId}` : ''}`;

  /** The sum of the filed reports of (unit, month) pairs, as each report's own API shows it. */
  const sumFiled = async (pairs: { unitId: number; month: string }[]) => {
    const totals: Totals = Object.fromEntries(SUMMED.map((k) => [k, 0]));
    for (const p of pairs) {
      const r = (await get(operator, `/api/v1/safety-reports/${p.unitId}/${p.month}`)).json() as {
        status: string;
        figures: Totals;
        entered: Totals;
      };
      expect(r.status).toBe('filed');
      for (const k of SAFETY_REPORT_FIGURE_KEYS) totals[k]! += r.figures[k]!;
      for (const k of SAFETY_REPORT_SUMMED_FIELD_KEYS) totals[k]! += r.entered[k]!;
    }
    return totals;
  };

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
    const { town1, town2, village1a, dept1 } = t.world.units;
    // Facts the reports snapshot: duties and incidents of February and March in both towns.
    await addOccurrence(town1.id, '2026-02-10', '2026-02-09');
    await addOccurrence(village1a.id, '2026-02-20', null);
    await addOccurrence(town2.id, '2026-02-15', '2026-02-18');
    await addOccurrence(town1.id, '2026-03-01', null);
    await incident(village1a.id, '2026-02-03T10:00:00+08:00', { deaths: 1, injuries: 2 });
    await incident(town2.id, '2026-02-11T10:00:00+08:00', { injuries: 4 });
    await incident(town1.id, '2026-03-01T09:00:00+08:00', { injuries: 1 });

    // Today is 2026-03-02; district-001 closes a month at the end of the next one.
    // January (closed 2026-02-28): only dept1, and after the close (as when a window was shortened).
    await t.db.query(
      `INSERT INTO safety_reports (unit_id, month, revision, prefilled, entered, filed_at, filed_by)
       VALUES ($1, '2026-01', 1, $2::jsonb, $3::jsonb, '2026-03-01T02:00:00Z', 'operator')`,
      [
        dept1.id,
        JSON.stringify({ ...Object.fromEntries(SAFETY_REPORT_FIGURE_KEYS.map((k) => [k, 0])), dutiesDue: 2 }),
        JSON.stringify(entry(7)),
      ],
    );
    filed.push({ unitId: dept1.id, month: '2026-01' });
    // February (open until 2026-03-31): town1 twice (the latest revision counts), town2 once.
    await file(liaison, town1.id, '2026-02', 1);
    await file(operator, town1.id, '2026-02', 2);
    await file(operator, town2.id, '2026-02', 3);
    // March: town1 only.
    await file(liaison, town1.id, '2026-03', 4);
  }, 60_000);
  afterAll(async () => t.close());

  it('counts, by month, who owed a report, who filed on time or late, and who has not', async () => {
    const s = (await get(operator, summaryUrl('2026-Q1', t.world.units.county.id))).json() as Summary;
    expect(s).toMatchObject({
      period: '2026-Q1',
      kind: 'quarter',
      firstDay: '2026-01-01',
      lastDay: '2026-03-31',
      unit: { id: t.world.units.county.id, name: '测试县' },
    });
    const pick = (m: MonthRow) => [
      m.month,
      m.state,
      m.closesOn,
      m.expected,
      m.filed,
      m.filedOnTime,
      m.filedLate,
      m.pending,
      m.missed,
      m.filingRate,
    ];
    expect(s.months.map(pick)).toEqual([
      ['2026-01', 'closed', '2026-02-28', 3, 1, 0, 1, 0, 2, 0.3333],
      ['2026-02', 'open', '2026-03-31', 3, 2, 2, 0, 1, 0, 0.6667],
      ['2026-03', 'open', '2026-04-30', 3, 1, 1, 0, 2, 0, 0.3333],
    ]);
    expect(s.total).toMatchObject({
      expected: 9,
      filed: 4,
      filedOnTime: 3,
      filedLate: 1,
      pending: 3,
      missed: 2,
    });
  });

  it('sums exactly what was filed: each month’s totals equal its filed reports (latest revision)', async () => {
    const s = (await get(operator, summaryUrl('2026-Q1'))).json() as Summary;
    for (const m of s.months)
      expect(m.totals, m.month).toEqual(await sumFiled(filed.filter((f) => f.month === m.month)));
    expect(s.total.totals).toEqual(await sumFiled(filed));
    // Town1's February: its second revision's entry (n = 2), not the first.
    const feb = s.months[1]!.totals;
    expect(feb.disputesScreened).toBe(12 + 13);
    // The snapshot taken at filing: February's facts of both towns.
    expect(feb).toMatchObject({
      dutiesDue: 3,
      dutiesDone: 1,
      dutiesDoneLate: 1,
      incidents: 2,
      deaths: 1,
      injuries: 6,
    });
  });

  it('drills down from the county to each town and department below it', async () => {
    const s = (await get(operator, summaryUrl('2026-Q1'))).json() as Summary;
    const { town1, town2, dept1 } = t.world.units;
    expect(s.children.map((c) => [c.unitId, c.unitName])).toEqual([
      [town1.id, '一号镇'],
      [town2.id, '二号镇'],
      [dept1.id, '县公安局'],
    ]);
    const town1Row = s.children[0]!;
    expect(town1Row.months.map((m) => [m.month, m.expected, m.filed, m.missed, m.pending])).toEqual([
      ['2026-01', 1, 0, 1, 0],
      ['2026-02', 1, 1, 0, 0],
      ['2026-03', 1, 1, 0, 0],
    ]);
    expect(town1Row.total.totals).toEqual(await sumFiled(filed.filter((f) => f.unitId === town1.id)));
    // The children add up to the county.
    for (const k of ['expected', 'filed', 'filedOnTime', 'filedLate', 'pending', 'missed'] as const)
      expect(
        s.children.reduce((a, c) => a + c.total[k], 0),
        k,
      ).toBe(s.total[k]);

    // A town as the summed unit: its own report, nothing below it files.
    const town = (await get(operator, summaryUrl('2026-M02', town1.id))).json() as Summary;
    expect(town).toMatchObject({ kind: 'month', total: { expected: 1, filed: 1 }, children: [] });
  });

  it('covers a whole year: months not begun count nobody as late or missing', async () => {
    const s = (await get(operator, summaryUrl('2026'))).json() as Summary;
    expect(s.months).toHaveLength(12);
    expect(s.months[3]).toMatchObject({
      month: '2026-04',
      state: 'not_started',
      filed: 0,
      missed: 0,
      filingRate: null,
    });
    expect(s.total).toMatchObject({ expected: 36, filed: 4, missed: 2, filingRate: 0.4444 });
  });

  it('keeps to the caller’s jurisdiction: a liaison sees their town, and 404 above or beside it', async () => {
    const own = (await get(liaison, summaryUrl('2026-Q1'))).json() as Summary;
    expect(own.unit.id).toBe(t.world.units.town1.id);
    expect(own.total).toMatchObject({ expected: 3, filed: 2 });
    expect(
      (await liaison.inject({ method: 'GET', url: summaryUrl('2026-Q1', t.world.units.county.id) }))
        .statusCode,
    ).toBe(404);
    expect(
      (await liaison.inject({ method: 'GET', url: summaryUrl('2026-Q1', t.world.units.town2.id) }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await liaison.inject({
          method: 'GET',
          url: `/api/v1/safety-reports/summary.xlsx?period=2026-Q1&unitId=${t.world.units.town2.id}`,
        })
      ).statusCode,
    ).toBe(404);
    expect((await operator.inject({ method: 'GET', url: summaryUrl('2026-Q1', 999_999) })).statusCode).toBe(
      404,
    );
  });

  it.each(['2026-Q5', '2026-M13', '2026-03', '26', ''])(
    'refuses the period %j with a 400 naming the field',
    async (period) => {
      const res = await operator.inject({
        method: 'GET',
        url: `/api/v1/safety-reports/summary?period=${period}`,
      });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json() as {
        message: { zh: string; en: string };
        errors: { path: string; message: { zh: string; en: string } }[];
      };
      expect(body.message.zh).toBeTruthy();
      expect(body.message.en).toBeTruthy();
      const err = body.errors.find((e) => e.path === 'query.period');
      expect(err, res.body).toBeDefined();
      expect(err!.message.zh).toMatch(/期间|必填/);
      expect(err!.message.en).toBeTruthy();
    },
  );

  it('exports the summary as a workbook, read back: by month with the total, and by unit below', async () => {
    const res = await get(operator, '/api/v1/safety-reports/summary.xlsx?period=2026-Q1');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('测试县-2026-Q1-平安报表汇总.xlsx'),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const s = (await get(operator, summaryUrl('2026-Q1'))).json() as Summary;

    const byMonth = book.getWorksheet('按月汇总')!;
    expect(byMonth.getCell('A1').value).toBe('测试县 2026-Q1 平安报表汇总（2026-01-01 至 2026-03-31）');
    const header = (byMonth.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual([
      '月份',
      '状态',
      '截止日期',
      '应报',
      '已报',
      '按时报送',
      '逾期报送',
      '待报',
      '未报（已截止）',
      '报送率',
    ]);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = (n: number) => byMonth.getRow(n);
    expect([row(3).getCell(1).value, row(3).getCell(2).value, row(3).getCell(col('逾期报送')).value]).toEqual(
      ['2026-01', '已截止', 1],
    );
    expect(row(3).getCell(col('未报（已截止）')).value).toBe(2);
    expect(row(4).getCell(col('排查矛盾纠纷（件）')).value).toBe(s.months[1]!.totals.disputesScreened);
    expect(row(6).getCell(1).value).toBe('合计');
    expect(row(6).getCell(col('已报')).value).toBe(4);
    expect(row(6).getCell(col('受伤人数')).value).toBe(s.total.totals.injuries);
    expect(row(6).getCell(col('报送率')).value).toBeCloseTo(4 / 9, 3);

    const byUnit = book.getWorksheet('下级单位')!;
    const rows: unknown[][] = [];
    byUnit.eachRow((r) => rows.push((r.values as unknown[]).slice(1, 4)));
    expect(rows[0]).toEqual(['单位', '月份', '应报']);
    expect(rows.slice(1, 5)).toEqual([
      ['一号镇', '2026-01', 1],
      ['一号镇', '2026-02', 1],
      ['一号镇', '2026-03', 1],
      ['一号镇', '合计', 3],
    ]);
    expect(rows).toHaveLength(1 + 3 * 4);
  });
});
