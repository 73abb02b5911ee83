import ExcelJS from 'exceljs';
import type { AreaProbeFactory, Probe } from './kit';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Probes of the inspections routes. Every record is town1's self-check (自检) by town1, so that
 * both the operator (county) and town1's liaison are the inspecting side in scope, and the
 * `<role>2` twins (town2) are out of scope.
 */
export const inspectionsProbes: AreaProbeFactory = (kit) => {
  const db = () => kit.t().db;
  const town1 = () => kit.t().world.units.town1.id;

  const freshPlan = async () => {
    const title = kit.unique('矩阵检查计划');
    const [row] = await db().query<{ id: number }>(
      `INSERT INTO inspection_plans (kind, title, inspecting_unit_id, inspecting_body, period_from, period_to,
                                     created_at, created_by)
       VALUES ('self_check', $1, $2, 'unit_itself', '2026-03-01', '2026-06-30', now(), 'matrix') RETURNING id`,
      [title, town1()],
    );
    await db().query('INSERT INTO inspection_plan_targets (plan_id, unit_id) VALUES ($1, $2)', [
      row!.id,
      town1(),
    ]);
    return { id: row!.id, title };
  };
  const freshInspection = async () => {
    const inspectors = kit.unique('矩阵检查组');
    const [row] = await db().query<{ id: number }>(
      `INSERT INTO inspections (kind, inspecting_unit_id, inspecting_body, unit_id, carried_out_on, inspectors,
                                created_at, created_by)
       VALUES ('self_check', $1, 'unit_itself', $1, '2026-03-01', $2, now(), 'matrix') RETURNING id`,
      [town1(), inspectors],
    );
    return { id: row!.id, inspectors };
  };
  /** A finding of a fresh inspection with its task in `state`. */
  const freshTask = async (state: 'open' | 'submitted' | 'accepted' = 'open') => {
    const inspection = await freshInspection();
    const description = kit.unique('矩阵问题');
    const [finding] = await db().query<{ id: number }>(
      `INSERT INTO inspection_findings (inspection_id, number, severity, description, created_at, created_by)
       VALUES ($1, 1, 'general', $2, now(), 'matrix') RETURNING id`,
      [inspection.id, description],
    );
    const [task] = await db().query<{ id: number }>(
      `INSERT INTO rectification_tasks (finding_id, owner_unit_id, issued_on, deadline, deadline_basis, period_amount,
                                        period_unit, rulebook_id, rulebook_version, state, submitted_on, accepted_on,
                                        accepted_on_time)
       VALUES ($1, $2, '2026-03-02', '2026-04-02', 'rulebook', 1, 'month', 'national-2016', 1, $3::text,
               CASE WHEN $3::text = 'open' THEN NULL ELSE DATE '2026-03-02' END,
               CASE WHEN $3::text = 'accepted' THEN DATE '2026-03-02' END,
               CASE WHEN $3::text = 'accepted' THEN true END)
       RETURNING id`,
      [finding!.id, town1(), state],
    );
    return { id: task!.id, inspectionId: inspection.id, description };
  };
  const findingsWorkbook = async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('问题清单');
    sheet.addRow(['严重程度', '问题描述', '整改责任单位代码', '整改期限', '期限调整理由']);
    sheet.addRow(['一般', kit.unique('矩阵导入问题')]);
    return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  };

  const change = (state: 'open' | 'submitted' | 'accepted', path: string, payload: unknown): Probe => ({
    scope: 'record',
    prepare: async () => ({ url: `/api/v1/rectifications/${(await freshTask(state)).id}/${path}`, payload }),
  });

  const probes: Record<string, Probe> = {
    'POST /api/v1/inspection-plans': {
      scope: 'record',
      bodyRef: true,
      prepare: async () => ({
        url: '/api/v1/inspection-plans',
        payload: {
          kind: 'self_check',
          title: kit.unique('矩阵计划'),
          inspectingUnitId: town1(),
          targetUnitIds: [town1()],
          periodFrom: '2026-03-01',
          periodTo: '2026-06-30',
        },
      }),
    },
    'GET /api/v1/inspection-plans': {
      scope: 'record',
      prepare: async () => {
        const p = await freshPlan();
        return { url: '/api/v1/inspection-plans?pageSize=500', marker: p.title };
      },
    },
    'GET /api/v1/inspection-plans/:id': {
      scope: 'record',
      prepare: async () => ({ url: `/api/v1/inspection-plans/${(await freshPlan()).id}` }),
    },
    'POST /api/v1/inspections': {
      scope: 'record',
      bodyRef: true,
      prepare: async () => ({
        url: '/api/v1/inspections',
        payload: {
          kind: 'self_check',
          inspectingUnitId: town1(),
          unitId: town1(),
          carriedOutOn: '2026-03-01',
          inspectors: kit.unique('矩阵检查人'),
        },
      }),
    },
    'GET /api/v1/inspections': {
      scope: 'record',
      prepare: async () => {
        const i = await freshInspection();
        return { url: '/api/v1/inspections?pageSize=500', marker: i.inspectors };
      },
    },
    'GET /api/v1/inspections/:id': {
      scope: 'record',
      prepare: async () => ({ url: `/api/v1/inspections/${(await freshInspection()).id}` }),
    },
    'POST /api/v1/inspections/:id/findings': {
      scope: 'record',
      prepare: async () => ({
        url: `/api/v1/inspections/${(await freshInspection()).id}/findings`,
        payload: { severity: 'general', description: kit.unique('矩阵发现问题') },
      }),
    },
    'POST /api/v1/inspections/:id/findings/import': {
      scope: 'record',
      prepare: async () => ({
        url: `/api/v1/inspections/${(await freshInspection()).id}/findings/import`,
        payload: await findingsWorkbook(),
        headers: { 'content-type': XLSX },
      }),
    },
    'GET /api/v1/findings.xlsx': {
      scope: 'record',
      prepare: async () => {
        await freshTask();
        return { url: `/api/v1/findings.xlsx?unitId=${town1()}` };
      },
    },
    'GET /api/v1/rectifications': {
      scope: 'record',
      prepare: async () => {
        const task = await freshTask();
        return { url: '/api/v1/rectifications?pageSize=500', marker: task.description };
      },
    },
    'GET /api/v1/rectifications/summary': {
      scope: 'record',
      prepare: async () => ({ url: `/api/v1/rectifications/summary?unitId=${town1()}` }),
    },
    'GET /api/v1/rectifications/:id': {
      scope: 'record',
      prepare: async () => ({ url: `/api/v1/rectifications/${(await freshTask()).id}` }),
    },
    'POST /api/v1/rectifications/:id/progress': change('open', 'progress', { note: '矩阵：已完成一半' }),
    'POST /api/v1/rectifications/:id/submit': change('open', 'submit', { note: '矩阵：整改完成' }),
    'POST /api/v1/rectifications/:id/accept': change('submitted', 'accept', {}),
    'POST /api/v1/rectifications/:id/reject': change('submitted', 'reject', { reason: '矩阵：台账不全' }),
    'POST /api/v1/rectifications/:id/close': change('accepted', 'close', {}),
  };
  return {
    probes,
    tables: [
      'inspection_plans',
      'inspection_plan_targets',
      'inspections',
      'inspection_rechecks',
      'inspection_findings',
      'rectification_tasks',
      'rectification_events',
    ],
  };
};
