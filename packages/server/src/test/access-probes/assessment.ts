import type { AreaProbeFactory } from './kit';

/**
 * Probes of the assessment routes (issue 6 §1–2). Each call assesses a fresh village under town1
 * (following the national rulebook, which assesses yearly) with one fresh unit below it: in scope
 * for the county's and town1's accounts, out of scope (404, or no trace) for `<role>2` over town2.
 */
export const assessmentProbes: AreaProbeFactory = (kit) => {
  const freshTree = async () => {
    const root = await kit.freshUnit();
    const child = await kit.freshUnit(root.id);
    await kit.t().db.query(
      `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
         VALUES ($1, 'national-2016', '2025-01-01', now(), 'matrix')`,
      [root.id],
    );
    return { root, child };
  };
  const freshPeriod = async (o: { compute?: boolean; close?: boolean } = {}) => {
    const tree = await freshTree();
    const operator = kit.session('operator');
    const opened = await operator.inject({
      method: 'POST',
      url: '/api/v1/assessments/periods',
      payload: { unitId: tree.root.id, kind: 'year', periodKey: '2025' },
    });
    if (opened.statusCode !== 201) throw new Error(`assessment probe: ${opened.body}`);
    const id = (opened.json() as { id: number }).id;
    if (o.compute || o.close)
      await operator.inject({ method: 'POST', url: `/api/v1/assessments/periods/${id}/compute` });
    if (o.close) await operator.inject({ method: 'POST', url: `/api/v1/assessments/periods/${id}/close` });
    return { id, ...tree };
  };
  return {
    probes: {
      'POST /api/v1/assessments/periods': {
        scope: 'record',
        bodyRef: true,
        prepare: async () => {
          const { root } = await freshTree();
          return {
            url: '/api/v1/assessments/periods',
            payload: { unitId: root.id, kind: 'year', periodKey: '2025' },
          };
        },
      },
      'GET /api/v1/assessments/periods': {
        scope: 'record',
        prepare: async () => {
          const p = await freshPeriod();
          return { url: `/api/v1/assessments/periods?unitId=${p.root.id}`, marker: p.root.name };
        },
      },
      'GET /api/v1/assessments/periods/:id': {
        scope: 'record',
        prepare: async () => {
          const p = await freshPeriod({ compute: true });
          return { url: `/api/v1/assessments/periods/${p.id}`, marker: p.child.name };
        },
      },
      'POST /api/v1/assessments/periods/:id/compute': {
        scope: 'record',
        prepare: async () => ({ url: `/api/v1/assessments/periods/${(await freshPeriod()).id}/compute` }),
      },
      'GET /api/v1/assessments/periods/:id/units/:unitId': {
        scope: 'record',
        prepare: async () => {
          const p = await freshPeriod({ compute: true });
          return { url: `/api/v1/assessments/periods/${p.id}/units/${p.child.id}`, marker: p.child.name };
        },
      },
      'POST /api/v1/assessments/periods/:id/verify': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/assessments/periods/${(await freshPeriod({ close: true })).id}/verify`,
        }),
      },
      'POST /api/v1/assessments/periods/:id/close': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/assessments/periods/${(await freshPeriod({ compute: true })).id}/close`,
        }),
      },
      'POST /api/v1/assessments/periods/:id/corrections': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/assessments/periods/${(await freshPeriod({ close: true })).id}/corrections`,
          payload: { reason: '矩阵测试更正' },
        }),
      },
      'GET /api/v1/assessments/periods/:id/results.xlsx': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/assessments/periods/${(await freshPeriod({ compute: true })).id}/results.xlsx`,
        }),
      },
    },
    tables: ['assessment_periods', 'assessment_result_sets', 'assessment_failures'],
  };
};
