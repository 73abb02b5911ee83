import { insertPerson, insertPost } from '../../fixtures/factories';
import type { AreaProbeFactory } from './kit';

/**
 * Probes of the eligibility routes (issue 5 §3). Each call asks about a fresh person holding a
 * post in town1 (or a fresh village under town1): in scope for the county's orgdept/operator,
 * out of scope (404, or `found: false` in a batch) for `<role>2` over town2.
 */
export const eligibilityProbes: AreaProbeFactory = (kit) => {
  const freshPerson = async () => {
    const db = kit.t().db;
    const name = kit.unique('资格人');
    const id = await insertPerson(db, { name, unitId: kit.t().world.units.town1.id });
    await insertPost(db, {
      personId: id,
      unitId: kit.t().world.units.town1.id,
      postKind: 'deputy_in_charge',
      title: '副镇长',
      startDate: '2025-01-01',
    });
    return { id, name };
  };
  return {
    probes: {
      'GET /api/v1/eligibility': {
        scope: 'record',
        prepare: async () => {
          const p = await freshPerson();
          return {
            url: `/api/v1/eligibility?person=${p.id}&date=2026-06-01&purpose=promotion`,
            marker: p.name,
          };
        },
      },
      'GET /api/v1/eligibility/units': {
        scope: 'record',
        prepare: async () => {
          const u = await kit.freshUnit();
          return { url: `/api/v1/eligibility/units?unit=${u.id}&purpose=honour`, marker: u.name };
        },
      },
      'POST /api/v1/eligibility/batch': {
        scope: 'record',
        prepare: async () => {
          const p = await freshPerson();
          return {
            url: '/api/v1/eligibility/batch',
            payload: { purpose: 'award', items: [{ person: p.id }] },
            marker: p.name,
          };
        },
      },
      'GET /api/v1/people/:id/sanctions': {
        scope: 'record',
        prepare: async () => {
          const p = await freshPerson();
          return { url: `/api/v1/people/${p.id}/sanctions`, marker: p.name };
        },
      },
    },
    // The batch writes only audit records.
    tables: ['eligibility_bars'],
  };
};
