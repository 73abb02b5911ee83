import { insertPerson, insertPost } from '../../fixtures/factories';
import type { AreaProbeFactory } from './kit';

/**
 * Probes of the archive routes (issue 6 §4). Each call asks about a fresh party secretary of a
 * fresh village under town1: in scope for the county's operator and orgdept, out of scope (404)
 * for `<role>2`; the town1 leader (张书记) is not that person, so their archive is hidden (404).
 */
export const archivesProbes: AreaProbeFactory = (kit) => {
  const freshLeader = async () => {
    const db = kit.t().db;
    const unit = await kit.freshUnit();
    const name = kit.unique('档案人');
    const id = await insertPerson(db, { name, unitId: unit.id });
    await insertPost(db, {
      personId: id,
      unitId: unit.id,
      postKind: 'party_secretary',
      title: '书记',
      startDate: '2024-01-01',
    });
    return { id, name };
  };
  const notSelf = (r: string) => (r === 'leader' ? 404 : 'success');
  return {
    probes: {
      'GET /api/v1/archives': {
        scope: 'record',
        expect: notSelf,
        prepare: async () => {
          const p = await freshLeader();
          return { url: `/api/v1/archives?person=${p.id}&year=2025`, marker: p.name };
        },
      },
      'GET /api/v1/archives/pdf': {
        scope: 'record',
        expect: notSelf,
        prepare: async () => ({ url: `/api/v1/archives/pdf?person=${(await freshLeader()).id}&year=2025` }),
      },
      'PUT /api/v1/archives/duty-report': {
        scope: 'record',
        expect: notSelf,
        prepare: async () => {
          const p = await freshLeader();
          return {
            url: `/api/v1/archives/duty-report?person=${p.id}&year=2025`,
            payload: {
              fileName: 'report.txt',
              contentType: 'text/plain',
              contentBase64: Buffer.from('述职').toString('base64'),
            },
            marker: p.name,
          };
        },
      },
    },
    tables: ['duty_reports'],
  };
};
