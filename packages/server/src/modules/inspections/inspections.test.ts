import { CHINA_CALENDAR_DATA } from '@zongzhi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Session, TEST_START, type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { EXPORT_HEADER } from './export-findings';
import { listOverdueRectifications } from './list-overdue-rectifications';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Task = {
  id: number;
  findingId: number;
  state: string;
  status: string;
  deadline: string;
  daysLeft: number;
  colour: string;
  deadlineBasis: string;
  responsibleName: string | null;
  responsibleRole: string | null;
  period: { amount: number; unit: string } | null;
  acceptedOnTime: boolean | null;
  rejections: number;
  ownerUnitId: number;
};
type Finding = { id: number; number: number; task: Task };
type Detail = Task & {
  events: { kind: string; note: string | null; newDeadline: string | null }[];
  can: Record<string, boolean>;
};

describe('inspections and rectification', () => {
  let t: TestApp;
  let operator: Session;
  let liaison: Session;
  let operator2: Session;
  let liaison2: Session;
  let leader: Session;
  const units = () => t.world.units;

  const countRows = async () =>
    (
      await t.db.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM inspection_plans) || '/' || (SELECT count(*) FROM inspections) || '/' ||
                (SELECT count(*) FROM inspection_findings) || '/' || (SELECT count(*) FROM rectification_tasks) || '/' ||
                (SELECT count(*) FROM rectification_events) AS n`,
      )
    )[0]!.n;

  const post = async (s: Session, url: string, payload: unknown) =>
    s.inject({ method: 'POST', url, payload: payload as object });

  /** A county office inspection of town1 (a half-year check), through the API. */
  const countyInspection = async (extra: Record<string, unknown> = {}) => {
    const res = await post(operator, '/api/v1/inspections', {
      kind: 'half_year_check',
      inspectingUnitId: units().county.id,
      unitId: units().town1.id,
      carriedOutOn: '2026-03-02',
      inspectors: '县综治办督查组（张三、李四）',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };
  const finding = async (inspectionId: number, payload: Record<string, unknown> = {}) => {
    const res = await post(operator, `/api/v1/inspections/${inspectionId}/findings`, {
      severity: 'general',
      description: '矛盾纠纷排查台账不全',
      ...payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Finding;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    // The official years only: a test below shows a deadline in a missing year (2027) refused.
    await ensureShippedCalendarYears(t.db, t.clock, CHINA_CALENDAR_DATA);
  }, 120_000);
  afterAll(async () => t.close());
  /** Moves the fake clock and logs everyone in again (a jump in time expires idle sessions). */
  const at = async (instant: string) => {
    t.clock.set(instant);
    operator = await t.login('operator');
    liaison = await t.login('liaison');
    operator2 = await t.login('operator2');
    liaison2 = await t.login('liaison2');
    leader = await t.login('leader');
  };
  beforeEach(async () => at(TEST_START));

  it('plans a split-area half-year check; who carries it out comes from the rulebook', async () => {
    const res = await post(operator, '/api/v1/inspection-plans', {
      kind: 'half_year_check',
      title: '2026年上半年综治工作初检',
      inspectingUnitId: units().county.id,
      targetUnitIds: [units().town1.id, units().town2.id],
      periodFrom: '2026-06-01',
      periodTo: '2026-06-30',
      areas: [
        { name: '东片', unitIds: [units().town1.id] },
        { name: '西片', unitIds: [units().town2.id] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as {
      id: number;
      inspectingBody: string;
      targets: { unitId: number; area: string }[];
    };
    expect(plan.inspectingBody).toBe('office');
    expect(plan.targets.map((x) => [x.unitId, x.area])).toEqual([
      [units().town1.id, '东片'],
      [units().town2.id, '西片'],
    ]);
    // The liaison of town1 sees the plan (it targets town1); inspections inside it must match it.
    expect(
      (await liaison.inject({ method: 'GET', url: `/api/v1/inspection-plans/${plan.id}` })).statusCode,
    ).toBe(200);
    const wrong = await post(operator, '/api/v1/inspections', {
      planId: plan.id,
      kind: 'spot_check',
      inspectingUnitId: units().county.id,
      unitId: units().village1a.id,
      carriedOutOn: '2026-03-01',
      inspectors: '督查组',
    });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'body.kind',
      'body.unitId',
    ]);
    const ok = await post(operator, '/api/v1/inspections', {
      planId: plan.id,
      kind: 'half_year_check',
      inspectingUnitId: units().county.id,
      unitId: units().town1.id,
      carriedOutOn: '2026-03-01',
      inspectors: '东片督查组',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = await leader.inject({ method: 'GET', url: `/api/v1/inspections?planId=${plan.id}` });
    expect((list.json() as { total: number }).total).toBe(1);
  });

  it('full cycle: finding → task (deadline, responsible person) → progress → submit → accept → close, all audited', async () => {
    const inspection = await countyInspection();
    const f = await finding(inspection.id);
    // Issued Mon 2026-03-02; one month (product default) → Thu 2026-04-02, a working day.
    expect(f.task).toMatchObject({
      state: 'open',
      status: 'open',
      deadline: '2026-04-02',
      daysLeft: 31,
      colour: 'green',
      deadlineBasis: 'rulebook',
      period: { amount: 1, unit: 'month' },
      responsibleName: '王副书记',
      responsibleRole: 'in_charge',
    });
    const serious = await finding(inspection.id, {
      severity: 'serious',
      description: '重点部位技防设施损坏',
    });
    expect(serious.number).toBe(2);
    expect(serious.task.deadline).toBe('2026-03-23'); // 15 working days
    const id = f.task.id;

    const progress = await post(liaison, `/api/v1/rectifications/${id}/progress`, {
      note: '已补齐一季度台账',
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect((await post(liaison, `/api/v1/rectifications/${id}/accept`, {})).statusCode).toBe(403);
    await at('2026-03-20T02:00:00Z');
    const submitted = await post(liaison, `/api/v1/rectifications/${id}/submit`, {
      note: '整改完成，请验收',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((submitted.json() as Detail).status).toBe('submitted');
    // The owner cannot accept its own rectification of a county check.
    expect((await post(liaison, `/api/v1/rectifications/${id}/accept`, {})).statusCode).toBe(403);
    await at('2026-03-25T02:00:00Z');
    const accepted = await post(operator, `/api/v1/rectifications/${id}/accept`, { note: '验收合格' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', status: 'accepted', acceptedOnTime: true });
    // Progress after acceptance is refused and changes nothing.
    const before = await countRows();
    expect((await post(liaison, `/api/v1/rectifications/${id}/progress`, { note: '再报' })).statusCode).toBe(
      409,
    );
    expect(await countRows()).toBe(before);
    const closed = await post(operator, `/api/v1/rectifications/${id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const detail = closed.json() as Detail;
    expect(detail.status).toBe('closed');
    expect(detail.events.map((e) => e.kind)).toEqual([
      'issued',
      'progress',
      'submitted',
      'accepted',
      'closed',
    ]);
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_type = 'rectification_task' AND target_id = $1 ORDER BY id",
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'inspection_finding.recorded',
      'rectification.progress_reported',
      'rectification.submitted',
      'rectification.accepted',
      'rectification.closed',
    ]);
  });

  it('a rejected acceptance sends the task back with the reason and the rulebook’s re-work deadline', async () => {
    const f = await finding((await countyInspection()).id);
    await at('2026-09-29T02:00:00Z');
    expect(
      (await post(liaison, `/api/v1/rectifications/${f.task.id}/submit`, { note: '已整改' })).statusCode,
    ).toBe(200);
    await at('2026-09-30T02:00:00Z');
    const rejected = await post(operator, `/api/v1/rectifications/${f.task.id}/reject`, {
      reason: '台账仍不完整',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const d = rejected.json() as Detail;
    // 10 working days from Wed 2026-09-30: National Day 10-01…07 off, Sat 10-10 worked →
    // 10-08, 10-09, 10-10, 10-12 … 10-16, 10-19, 10-20 is the 10th.
    expect(d).toMatchObject({ state: 'rejected', status: 'rejected', deadline: '2026-10-20', rejections: 1 });
    expect(d.events.at(-1)).toMatchObject({
      kind: 'rejected',
      note: '台账仍不完整',
      newDeadline: '2026-10-20',
    });
    // The county operator is on both sides: it may report for town1, and accept once resubmitted.
    expect(d.can).toEqual({ report: true, submit: true, accept: false, close: false });
    const back = await post(liaison, `/api/v1/rectifications/${f.task.id}/progress`, { note: '继续整改' });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('overdue at a date: tracker, summary up the tree, and the accountability fact source', async () => {
    const f = await finding((await countyInspection()).id, { description: '逾期测试问题' });
    expect(f.task.deadline).toBe('2026-04-02');
    const asOf = async (date: string) =>
      (
        await operator.inject({ method: 'GET', url: `/api/v1/rectifications/${f.task.id}?asOf=${date}` })
      ).json() as Detail;
    expect(await asOf('2026-03-27')).toMatchObject({ status: 'open', colour: 'green', daysLeft: 6 });
    expect(await asOf('2026-03-28')).toMatchObject({ status: 'due_soon', colour: 'yellow', daysLeft: 5 });
    expect(await asOf('2026-04-02')).toMatchObject({ status: 'due_soon', colour: 'yellow', daysLeft: 0 });
    expect(await asOf('2026-04-03')).toMatchObject({ status: 'overdue', colour: 'red', daysLeft: -1 });

    await at('2026-04-10T02:00:00Z');
    const tracker = await liaison.inject({ method: 'GET', url: '/api/v1/rectifications?pageSize=500' });
    const items = (tracker.json() as { items: Task[] }).items;
    const firstNonOverdue = items.findIndex((x) => x.status !== 'overdue');
    const ours = items.findIndex((x) => x.id === f.task.id);
    expect(items[ours]).toMatchObject({ status: 'overdue', daysLeft: -8 });
    expect(firstNonOverdue === -1 || ours < firstNonOverdue).toBe(true);

    const summary = (
      await operator.inject({
        method: 'GET',
        url: `/api/v1/rectifications/summary?unitId=${units().county.id}`,
      })
    ).json() as { overdue: number; children: { unitId: number; overdue: number; self: boolean }[] };
    const town1Row = summary.children.find((c) => c.unitId === units().town1.id)!;
    expect(town1Row.overdue).toBeGreaterThanOrEqual(1);
    expect(summary.children.find((c) => c.unitId === units().town2.id)!.overdue).toBe(0);
    expect(summary.overdue).toBe(summary.children.reduce((n, c) => n + c.overdue, 0));

    const on = await listOverdueRectifications(t.db, { asOf: '2026-04-03', unitIds: [units().town1.id] });
    expect(on.find((o) => o.taskId === f.task.id)).toMatchObject({ daysOverdue: 1, deadline: '2026-04-02' });
    expect(
      (await listOverdueRectifications(t.db, { asOf: '2026-04-02' })).some((o) => o.taskId === f.task.id),
    ).toBe(false);
    expect(
      (await listOverdueRectifications(t.db, { asOf: '2026-04-03', unitIds: [units().town2.id] })).length,
    ).toBe(0);

    // Submitted late: no longer overdue from the submission on, but it was overdue before.
    expect(
      (await post(liaison, `/api/v1/rectifications/${f.task.id}/submit`, { note: '补交' })).statusCode,
    ).toBe(200);
    expect(
      (await listOverdueRectifications(t.db, { asOf: '2026-04-11' })).some((o) => o.taskId === f.task.id),
    ).toBe(false);
    expect(
      (await listOverdueRectifications(t.db, { asOf: '2026-04-09' })).some((o) => o.taskId === f.task.id),
    ).toBe(true);
    const accepted = await post(operator, `/api/v1/rectifications/${f.task.id}/accept`, {});
    expect(accepted.json()).toMatchObject({ acceptedOnTime: false });
    const after = (
      await operator.inject({
        method: 'GET',
        url: `/api/v1/rectifications/summary?unitId=${units().county.id}`,
      })
    ).json() as { children: { unitId: number; overdue: number; acceptedLate: number }[] };
    const town1After = after.children.find((c) => c.unitId === units().town1.id)!;
    expect(town1After.acceptedLate).toBeGreaterThanOrEqual(1);
    expect(town1After.overdue).toBe(town1Row.overdue - 1);
  });

  it('a deadline other than the rulebook’s needs a reason; bad input changes nothing', async () => {
    const inspection = await countyInspection();
    const before = await countRows();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ deadline: '2026-05-01' }, ['body.deadlineReason']],
      [{ deadlineReason: '汛期' }, ['body.deadline']],
      [{ deadline: '2026-02-01', deadlineReason: '补录' }, ['body.deadline']],
      [{ ownerUnitId: units().town2.id }, ['body.ownerUnitId']],
      [{ severity: 'catastrophic' }, ['body.severity']],
    ];
    for (const [payload, paths] of cases) {
      const res = await post(operator, `/api/v1/inspections/${inspection.id}/findings`, {
        severity: 'general',
        description: '问题',
        ...payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const body = res.json() as { message: { zh: string; en: string }; errors: { path: string }[] };
      expect(body.message.zh && body.message.en).toBeTruthy();
      expect(body.errors.map((e) => e.path)).toEqual(paths);
    }
    const badPlan = await post(operator, '/api/v1/inspection-plans', {
      kind: 'self_check',
      title: '错误计划',
      inspectingUnitId: units().town1.id,
      targetUnitIds: [units().village2a.id],
      periodFrom: '2026-06-30',
      periodTo: '2026-06-01',
    });
    expect(badPlan.statusCode).toBe(400);
    expect((badPlan.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'body.periodTo',
      'body.targetUnitIds.0',
    ]);
    expect(await countRows()).toBe(before);

    // A deadline in a year whose holidays are not loaded (2027) is refused, not guessed.
    await at('2026-12-20T02:00:00Z');
    const missing = await post(operator, `/api/v1/inspections/${inspection.id}/findings`, {
      severity: 'general',
      description: '年底问题',
    });
    expect(missing.statusCode).toBe(409);
    expect((missing.json() as { code: string }).code).toBe('inspections.calendar_year_missing');
    expect(await countRows()).toBe(before);
    await at(TEST_START);

    const override = await finding(inspection.id, {
      deadline: '2026-05-08',
      deadlineReason: '涉及工程改造，需较长时间',
    });
    expect(override.task).toMatchObject({ deadline: '2026-05-08', deadlineBasis: 'override', period: null });
  });

  it('out of scope is 404, for reads and writes alike', async () => {
    const f = await finding((await countyInspection()).id);
    const inspection = f.task as unknown as { inspectionId: number };
    for (const [s, method, url, payload] of [
      [operator2, 'GET', `/api/v1/rectifications/${f.task.id}`],
      [operator2, 'GET', `/api/v1/inspections/${(inspection as { inspectionId: number }).inspectionId}`],
      [operator2, 'GET', `/api/v1/rectifications/summary?unitId=${units().town1.id}`],
      [operator2, 'GET', `/api/v1/findings.xlsx?unitId=${units().town1.id}`],
      [liaison2, 'POST', `/api/v1/rectifications/${f.task.id}/progress`, { note: '越权' }],
      [operator2, 'POST', `/api/v1/rectifications/${f.task.id}/reject`, { reason: '越权' }],
      [
        operator2,
        'POST',
        `/api/v1/inspections/${inspection.inspectionId}/findings`,
        { severity: 'minor', description: 'x' },
      ],
    ] as [Session, 'GET' | 'POST', string, object?][]) {
      const res = await s.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = await operator2.inject({ method: 'GET', url: '/api/v1/rectifications?pageSize=500' });
    expect((list.json() as { items: Task[] }).items.some((x) => x.id === f.task.id)).toBe(false);
  });

  it('a liaison runs its own unit’s self-check end to end, but not the office’s kinds', async () => {
    const spot = await post(liaison, '/api/v1/inspections', {
      kind: 'spot_check',
      inspectingUnitId: units().town1.id,
      unitId: units().village1a.id,
      carriedOutOn: '2026-03-02',
      inspectors: '镇综治办',
    });
    expect(spot.statusCode).toBe(403);
    const self = await post(liaison, '/api/v1/inspections', {
      kind: 'self_check',
      inspectingUnitId: units().town1.id,
      unitId: units().town1.id,
      carriedOutOn: '2026-03-02',
      inspectors: '镇综治办自查组',
    });
    expect(self.statusCode, self.body).toBe(201);
    const res = await post(liaison, `/api/v1/inspections/${(self.json() as { id: number }).id}/findings`, {
      severity: 'minor',
      description: '宣传栏未更新',
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = (res.json() as Finding).task;
    expect(task.deadline).toBe('2026-05-06'); // minor: two months → Sat 05-02, in 劳动节 (05-01…05) → Wed 05-06
    expect(
      (await post(liaison, `/api/v1/rectifications/${task.id}/submit`, { note: '已更新' })).statusCode,
    ).toBe(200);
    const accepted = await post(liaison, `/api/v1/rectifications/${task.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('re-inspection references earlier findings of the inspected unit only', async () => {
    const earlier = await finding((await countyInspection()).id, { description: '复查对象' });
    const recheck = await countyInspection({ recheckFindingIds: [earlier.id] });
    const detail = (
      await operator.inject({ method: 'GET', url: `/api/v1/inspections/${recheck.id}` })
    ).json() as {
      recheckFindingIds: number[];
      recheckedFindings: Finding[];
    };
    expect(detail.recheckFindingIds).toEqual([earlier.id]);
    expect(detail.recheckedFindings[0]!.task.id).toBe(earlier.task.id);
    const town2Inspection = await post(operator, '/api/v1/inspections', {
      kind: 'half_year_check',
      inspectingUnitId: units().county.id,
      unitId: units().town2.id,
      carriedOutOn: '2026-03-02',
      inspectors: '督查组',
      recheckFindingIds: [earlier.id],
    });
    expect(town2Inspection.statusCode).toBe(400);
    expect((town2Inspection.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'body.recheckFindingIds.0',
    ]);
  });

  it('imports findings from Excel all or nothing, and exports the findings of a subtree', async () => {
    const inspection = await countyInspection();
    const workbook = async (rows: (string | undefined)[][]) => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('问题清单');
      sheet.addRow(['严重程度', '问题描述', '整改责任单位代码', '整改期限', '期限调整理由']);
      for (const r of rows) sheet.addRow(r);
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    };
    const upload = (body: Buffer) =>
      operator.inject({
        method: 'POST',
        url: `/api/v1/inspections/${inspection.id}/findings/import`,
        payload: body,
        headers: { 'content-type': XLSX },
      });
    const before = await countRows();
    const bad = await upload(
      await workbook([
        ['一般', '导入问题一'],
        ['很严重', '导入问题二'],
        ['严重', '导入问题三', '430221101201'],
        ['轻微', '导入问题四', '', '2026-06-30'],
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      '问题清单!A3',
      '问题清单!C4',
      '问题清单!E5',
    ]);
    expect(await countRows()).toBe(before);

    const good = await upload(
      await workbook([
        ['一般', '导入问题一'],
        ['严重', '导入问题二：甲村', '430221100201'],
        ['轻微', '导入问题三', '', '2026-06-30', '结合汛期整治'],
      ]),
    );
    expect(good.statusCode, good.body).toBe(201);
    const imported = good.json() as { imported: number; findings: Finding[] };
    expect(imported.imported).toBe(3);
    expect(imported.findings.map((x) => [x.number, x.task.ownerUnitId, x.task.deadlineBasis])).toEqual([
      [1, units().town1.id, 'rulebook'],
      [2, units().village1a.id, 'rulebook'],
      [3, units().town1.id, 'override'],
    ]);

    const exported = await liaison.inject({
      method: 'GET',
      url: `/api/v1/findings.xlsx?unitId=${units().town1.id}`,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('问题清单')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_HEADER);
    const descriptions: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) descriptions.push(String(row.getCell(7).value));
    });
    expect(descriptions).toEqual(expect.arrayContaining(['导入问题一', '导入问题二：甲村', '导入问题三']));
    const audit = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'inspection_findings.exported'",
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
