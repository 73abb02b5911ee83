import type { TestApp } from '../harness';
import type { AreaProbeFactory } from './kit';

/**
 * Probes of the accountability routes (every route of the area needs one). Each probe works on a
 * fresh village under town1 that follows the Zhuzhou preset (so the ladder and the document
 * bodies are known); the county gets the same preset when nothing else attached one, since the
 * county operator's documents are numbered by the county's bodies.
 */
export const accountabilityProbes: AreaProbeFactory = (kit) => {
  const prepared = new WeakSet<TestApp>();
  const ensureCounty = async () => {
    const t = kit.t();
    if (prepared.has(t)) return;
    await t.db.query(
      `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
       SELECT $1, 'zhuzhou-county-2018', '2026-01-01', now(), 'matrix'
       WHERE NOT EXISTS (SELECT 1 FROM unit_rulebooks WHERE unit_id = $1)`,
      [t.world.units.county.id],
    );
    prepared.add(t);
  };
  const village = async () => {
    await ensureCounty();
    const u = await kit.freshUnit();
    await kit.t().db.query(
      `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
         VALUES ($1, 'zhuzhou-county-2018', '2026-01-01', now(), 'matrix')`,
      [u.id],
    );
    return u;
  };
  /** A case at 通报 written straight to the tables (the API path is exercised by the POST probe). */
  const freshCase = async () => {
    const u = await village();
    const t = kit.t();
    const [c] = await t.db.query<{ id: number }>(
      `INSERT INTO accountability_cases (unit_id, relevant_on, situation_id, status, rulebook_id, rulebook_version, facts,
         opened_on, opened_at, opened_by)
       VALUES ($1, '2026-02-01', 's1', 'open', 'zhuzhou-county-2018', 1, $2, '2026-02-01', now(), 'matrix') RETURNING id`,
      [u.id, kit.unique('矩阵案件')],
    );
    await t.db.query(
      `INSERT INTO accountability_steps (case_id, unit_id, step, decided_on, relevant_on, windows, rulebook_id,
         rulebook_version, decision_body, deciding_unit_id, decided_at, decided_by)
       VALUES ($1, $2, 'notice', '2026-02-01', '2026-02-01', '[]'::jsonb, 'zhuzhou-county-2018', 1, 'office', $3, now(), 'matrix')`,
      [c!.id, u.id, t.world.units.town1.id],
    );
    return { id: c!.id, unit: u };
  };
  const freshProposal = async () => {
    const u = await village();
    const [row] = await kit.t().db.query<{ id: number }>(
      `INSERT INTO accountability_proposals (unit_id, step, situation_id, relevant_on, reason, facts, dedupe_key,
           rulebook_id, rulebook_version, proposed_on, proposed_at, status)
         VALUES ($1, 'notice', 's1', '2026-02-01', 'rectification_overdue', '{}'::jsonb, $2, 'zhuzhou-county-2018', 1,
                 '2026-03-01', now(), 'pending') RETURNING id`,
      [u.id, kit.unique('matrix')],
    );
    return { id: row!.id, unit: u };
  };
  const freshIncident = async () => {
    const u = await village();
    const [row] = await kit.t().db.query<{ id: number }>(
      `INSERT INTO incidents (unit_id, kind, occurred_at, place, summary, source, reported_at, timeliness,
                              timeliness_basis, recorded_at, recorded_by)
       VALUES ($1, 'mass_incident', '2026-02-20T12:00:00Z', $2, '矩阵重大案件', 'reported', '2026-02-20T13:00:00Z',
               'unassessed', 'no_rulebook', now(), 'matrix') RETURNING id`,
      [u.id, kit.unique('矩阵地点')],
    );
    return row!.id;
  };

  return {
    tables: [
      'accountability_cases',
      'accountability_steps',
      'accountability_proposals',
      'accountability_reports',
      'accountability_circumstances',
      'assessment_failures',
      'accountability_sweeps',
      'official_documents',
    ],
    probes: {
      'GET /api/v1/accountability/cases': {
        scope: 'record',
        prepare: async () => {
          const c = await freshCase();
          return { url: '/api/v1/accountability/cases?pageSize=500', marker: c.unit.name };
        },
      },
      'POST /api/v1/accountability/cases': {
        scope: 'record',
        bodyRef: true,
        prepare: async () => ({
          url: '/api/v1/accountability/cases',
          payload: {
            unitId: (await village()).id,
            situationId: 's1',
            relevantOn: '2026-02-01',
            facts: '矩阵立案',
          },
        }),
      },
      'GET /api/v1/accountability/cases/:id': {
        scope: 'record',
        prepare: async () => ({ url: `/api/v1/accountability/cases/${(await freshCase()).id}` }),
      },
      'POST /api/v1/accountability/cases/:id/steps': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/accountability/cases/${(await freshCase()).id}/steps`,
          payload: { step: 'interview', reason: '矩阵约谈' },
        }),
      },
      'POST /api/v1/accountability/cases/:id/reports': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/accountability/cases/${(await freshCase()).id}/reports`,
          payload: { kind: 'progress', text: '矩阵进展' },
        }),
      },
      'POST /api/v1/accountability/cases/:id/acceptance': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/accountability/cases/${(await freshCase()).id}/acceptance`,
          payload: { note: '矩阵验收' },
        }),
      },
      'POST /api/v1/accountability/cases/:id/circumstances': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/accountability/cases/${(await freshCase()).id}/circumstances`,
          payload: { kind: 'aggravating', circumstanceId: 'obstruction' },
        }),
      },
      'POST /api/v1/accountability/major-cases': {
        scope: 'record',
        bodyRef: true,
        prepare: async () => ({
          url: '/api/v1/accountability/major-cases',
          payload: { incidentId: await freshIncident(), situationId: 's3' },
        }),
      },
      'GET /api/v1/accountability/options': {
        scope: 'record',
        prepare: async () => ({ url: `/api/v1/accountability/options?unitId=${(await village()).id}` }),
      },
      'GET /api/v1/accountability/proposals': {
        scope: 'record',
        prepare: async () => {
          const p = await freshProposal();
          return { url: '/api/v1/accountability/proposals?pageSize=500', marker: p.unit.name };
        },
      },
      'POST /api/v1/accountability/proposals/:id/decision': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/accountability/proposals/${(await freshProposal()).id}/decision`,
          payload: { decision: 'reject', reason: '矩阵不采纳' },
        }),
      },
      'POST /api/v1/accountability/assessment-failures': {
        scope: 'record',
        bodyRef: true,
        prepare: async () => ({
          url: '/api/v1/accountability/assessment-failures',
          payload: { unitId: (await village()).id, year: 2025 },
        }),
      },
      'POST /api/v1/accountability/sweep': {
        scope: 'none',
        prepare: async () => ({ url: '/api/v1/accountability/sweep', payload: {} }),
      },
    },
  };
};
