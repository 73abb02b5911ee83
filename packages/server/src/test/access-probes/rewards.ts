import { insertPerson, insertPost } from '../../fixtures/factories';
import { seedClosedYearPeriod } from '../../modules/rewards/rewards.fixtures';
import type { AreaProbeFactory } from './kit';

/**
 * Probes of the reward routes (issue 6 §3). Each call uses a fresh village under town1 with five
 * ranked children (one advanced) and a closed 2025 period: in scope for the county's and town1's
 * accounts, out of scope (404, or no trace) for `<role>2` over town2.
 */
export const rewardsProbes: AreaProbeFactory = (kit) => {
  const freshPeriod = async () => {
    const root = await kit.freshUnit();
    const kids = [];
    for (let i = 0; i < 5; i += 1) kids.push(await kit.freshUnit(root.id));
    const { periodId } = await seedClosedYearPeriod(
      kit.t().db,
      root.id,
      kids.map((k, i) => ({ unitId: k.id, rank: i + 1, advanced: i === 0 ? 'selected' : 'below_cut_off' })),
    );
    return { periodId, root, kids };
  };
  const freshRound = async () => {
    const p = await freshPeriod();
    const res = await kit.session('operator').inject({
      method: 'POST',
      url: '/api/v1/rewards/rounds',
      payload: { periodId: p.periodId },
    });
    if (res.statusCode !== 201) throw new Error(`rewards probe: ${res.body}`);
    return { ...p, roundId: (res.json() as { id: number }).id };
  };
  const freshPerson = async (unitId: number) => {
    const db = kit.t().db;
    const name = kit.unique('奖励人');
    const id = await insertPerson(db, { name, unitId });
    await insertPost(db, {
      personId: id,
      unitId,
      postKind: 'party_secretary',
      title: '书记',
      startDate: '2024-01-01',
    });
    return { id, name };
  };
  return {
    probes: {
      'POST /api/v1/rewards/rounds': {
        scope: 'record',
        bodyRef: true,
        prepare: async () => ({
          url: '/api/v1/rewards/rounds',
          payload: { periodId: (await freshPeriod()).periodId },
        }),
      },
      'GET /api/v1/rewards/rounds/:id': {
        scope: 'record',
        prepare: async () => {
          const r = await freshRound();
          return { url: `/api/v1/rewards/rounds/${r.roundId}`, marker: r.kids[0]!.name };
        },
      },
      'POST /api/v1/rewards/rounds/:id/candidates': {
        scope: 'record',
        prepare: async () => {
          const r = await freshRound();
          const p = await freshPerson(r.root.id);
          return {
            url: `/api/v1/rewards/rounds/${r.roundId}/candidates`,
            payload: { personId: p.id, kind: 'citation' },
          };
        },
      },
      'POST /api/v1/rewards/rounds/:id/decide': {
        scope: 'record',
        prepare: async () => {
          const r = await freshRound();
          const round = await kit.session('operator').inject({ url: `/api/v1/rewards/rounds/${r.roundId}` });
          const ids = (round.json() as { candidates: { id: number }[] }).candidates.map((c) => c.id);
          return { url: `/api/v1/rewards/rounds/${r.roundId}/decide`, payload: { candidateIds: ids } };
        },
      },
      'GET /api/v1/rewards': {
        scope: 'record',
        prepare: async () => {
          const r = await freshRound();
          const round = await kit.session('operator').inject({ url: `/api/v1/rewards/rounds/${r.roundId}` });
          const ids = (round.json() as { candidates: { id: number }[] }).candidates.map((c) => c.id);
          await kit.session('operator').inject({
            method: 'POST',
            url: `/api/v1/rewards/rounds/${r.roundId}/decide`,
            payload: { candidateIds: ids },
          });
          return { url: `/api/v1/rewards?unit=${r.kids[0]!.id}`, marker: r.kids[0]!.name };
        },
      },
    },
    tables: ['reward_rounds', 'reward_candidates', 'rewards'],
  };
};
