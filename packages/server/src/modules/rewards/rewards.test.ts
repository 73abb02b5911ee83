import type { Archive, RewardRound } from '@zongzhi/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertPost, insertUnit } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { seedBar, seedClosedYearPeriod } from './rewards.fixtures';

describe('rewards (表彰奖励, issue 6 §3)', () => {
  let t: TestApp;
  let operator: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    operator = await t.login('operator');
  }, 120_000);
  afterAll(async () => t?.close());

  const addLeaders = async (unitId: number, kinds: readonly string[], endDate?: string) => {
    for (const kind of kinds) {
      const personId = await insertPerson(t.db, { name: `奖励${kind}` });
      await insertPost(t.db, {
        personId,
        unitId,
        postKind: kind,
        title: kind,
        startDate: '2024-01-01',
        endDate,
      });
    }
  };

  const counts = async () =>
    (
      await t.db.query<{ rounds: number; candidates: number; rewards: number }>(
        `SELECT (SELECT count(*)::int FROM reward_rounds) AS rounds,
                (SELECT count(*)::int FROM reward_candidates) AS candidates,
                (SELECT count(*)::int FROM rewards) AS rewards`,
      )
    )[0]!;

  it('excludes barred candidates with the reason, respects the quota, records the decision and the citation', async () => {
    const { town1 } = t.world.units;
    const { secretary, mayor, deputy } = t.world.people;
    // Ten villages ranked 1–10 (20 % floor → 2 places); V1 and V2 were selected, V2 is now barred.
    // Each has a secretary and a head: 20 leaders, 10 % floor → 2 places for advanced individuals.
    const villages = [];
    for (let i = 0; i < 10; i += 1) {
      const v = await insertUnit(t.db, { name: `奖村${i + 1}`, kind: 'village', parentId: town1.id });
      villages.push(v);
      await addLeaders(v.id, ['party_secretary', 'chief']);
    }
    const { periodId } = await seedClosedYearPeriod(
      t.db,
      town1.id,
      villages.map((v, i) => ({ unitId: v.id, rank: i + 1, advanced: i < 2 ? 'selected' : 'below_cut_off' })),
    );
    await seedBar(t.db, {
      unitId: villages[1]!.id,
      bar: 'comprehensive_honours',
      caseUnitId: villages[1]!.id,
      caseId: 901,
      from: '2026-01-15',
      to: '2027-01-15',
      decidedOn: '2026-01-15',
    });
    await seedBar(t.db, {
      personId: mayor,
      bar: 'award',
      caseUnitId: town1.id,
      caseId: 902,
      from: '2026-02-01',
      to: '2027-02-01',
      decidedOn: '2026-02-01',
    });

    // An open (not closed) period cannot hold a round; nothing written.
    const before0 = await counts();
    const bad = await operator.inject({
      method: 'POST',
      url: '/api/v1/rewards/rounds',
      payload: { periodId: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(await counts()).toEqual(before0);

    const created = await operator.inject({
      method: 'POST',
      url: '/api/v1/rewards/rounds',
      payload: { periodId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json() as RewardRound;
    expect(round.quota).toMatchObject({
      percent: 20,
      rankedUnits: 10,
      advancedUnits: 2,
      advancedIndividuals: 2,
      individuals: { basis: 'share_of_leaders', percent: 10, base: 20, places: 2 },
    });
    const unitCand = (id: number) =>
      round.candidates.find((c) => c.party.kind === 'unit' && c.party.id === id)!;
    expect(unitCand(villages[0]!.id)).toMatchObject({ eligible: true, exclusions: [] });
    const barred = unitCand(villages[1]!.id);
    expect(barred.eligible).toBe(false);
    expect(barred.exclusions[0]).toMatchObject({
      caseId: 901,
      step: 'notice',
      bar: 'comprehensive_honours',
      to: '2027-01-15',
      rule: { citation: { article: '第二十九条' } },
    });
    expect(round.candidates.filter((c) => c.party.kind === 'unit')).toHaveLength(2);

    // The operator proposes individuals: three advanced individuals (one barred) and a citation.
    const extra = await insertPerson(t.db, { name: '钱委员' });
    await insertPost(t.db, {
      personId: extra,
      unitId: town1.id,
      postKind: 'member',
      title: '委员',
      startDate: '2024-01-01',
    });
    const propose = (personId: number, kind: string) =>
      operator.inject({
        method: 'POST',
        url: `/api/v1/rewards/rounds/${round.id}/candidates`,
        payload: { personId, kind },
      });
    for (const [p, k] of [
      [secretary, 'advanced_individual'],
      [mayor, 'advanced_individual'],
      [extra, 'advanced_individual'],
      [deputy, 'citation'],
    ] as const)
      expect((await propose(p, k)).statusCode).toBe(201);
    // A duplicate, an unknown person and a kind reserved for units are refused; nothing written.
    const before1 = await counts();
    expect((await propose(secretary, 'advanced_individual')).statusCode).toBe(409);
    const unknown = await propose(999_999, 'citation');
    expect(unknown.json().errors?.[0]?.path, unknown.body).toBe('body.personId');
    expect((await propose(secretary, 'advanced_unit')).statusCode).toBe(400);
    expect(await counts()).toEqual(before1);

    const view = (await operator.inject({ url: `/api/v1/rewards/rounds/${round.id}` })).json() as RewardRound;
    const cand = (id: number, kind = 'advanced_individual') =>
      view.candidates.find((c) => c.party.kind === 'person' && c.party.id === id && c.kind === kind)!;
    expect(cand(mayor)).toMatchObject({
      eligible: false,
      exclusions: [{ caseId: 902, bar: 'award', to: '2027-02-01' }],
    });
    expect(cand(secretary).eligible).toBe(true);

    const decide = (ids: number[]) =>
      operator.inject({
        method: 'POST',
        url: `/api/v1/rewards/rounds/${round.id}/decide`,
        payload: { candidateIds: ids },
      });
    // A barred candidate is refused with its reason; nothing written.
    const refused = await decide([unitCand(villages[0]!.id).id, barred.id]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'body.candidateIds.1' });
    expect(refused.json().errors[0].message.zh).toContain('901');
    expect(await counts()).toEqual(before1);
    // Three advanced individuals exceed the quota of two (even if all were eligible, the barred one aside).
    const over = await decide([cand(secretary).id, cand(extra).id, cand(mayor).id]);
    expect(over.statusCode).toBe(400);
    await t.db.query('DELETE FROM eligibility_bars WHERE case_id = 902');
    const overQuota = await decide([cand(secretary).id, cand(extra).id, cand(mayor).id]);
    expect(overQuota.statusCode).toBe(400);
    expect(overQuota.json().errors[0]).toMatchObject({ path: 'body.candidateIds' });
    expect(overQuota.json().errors[0].message.en).toContain('quota allows (2;');
    expect(overQuota.json().errors[0].message.en).toContain('indicators.assessment.advancedIndividuals');
    expect(overQuota.json().errors[0].message.zh).toContain('先进个人超出名额（最多2名');
    expect(await counts()).toEqual(before1);
    // Out of scope: operator2 sees nothing and cannot decide.
    const operator2 = await t.login('operator2');
    expect((await operator2.inject({ url: `/api/v1/rewards/rounds/${round.id}` })).statusCode).toBe(404);
    expect(
      (
        await operator2.inject({
          method: 'POST',
          url: `/api/v1/rewards/rounds/${round.id}/decide`,
          payload: { candidateIds: [cand(secretary).id] },
        })
      ).statusCode,
    ).toBe(404);
    expect((await operator2.inject({ url: `/api/v1/rewards?person=${secretary}` })).statusCode).toBe(404);

    const ok = await decide([
      unitCand(villages[0]!.id).id,
      cand(secretary).id,
      cand(extra).id,
      cand(deputy, 'citation').id,
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'decided', asOf: '2026-03-02' });
    expect((await counts()).rewards).toBe(4);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'reward_round.decided' AND target_id = $1`,
      [String(round.id)],
    );
    expect(audit!.n).toBe(1);
    expect((await decide([cand(secretary).id])).statusCode).toBe(409);

    const listed = await operator.inject({ url: `/api/v1/rewards?year=2025` });
    expect(
      listed
        .json()
        .items.map((r: { kind: string }) => r.kind)
        .sort(),
    ).toEqual(['advanced_individual', 'advanced_individual', 'advanced_unit', 'citation']);

    // The citation appears in the person's archive (read by the organisation department).
    const orgdept = await t.login('orgdept');
    const archive = (
      await orgdept.inject({ url: `/api/v1/archives?person=${deputy}&year=2025` })
    ).json() as Archive;
    expect(archive.rewards).toEqual([
      expect.objectContaining({ kind: 'citation', year: 2025, decidedOn: '2026-03-02' }),
    ]);
  });

  it('takes the individuals quota from its own rulebook parameter, not the units’ percentage', async () => {
    const { town1 } = t.world.units;
    const preset = JSON.parse(readFileSync(join(PRESET_RULEBOOKS_DIR, 'national-2016.json'), 'utf8'));
    const param = preset.indicators.assessment.advancedIndividuals;
    expect(param).toMatchObject({ basis: 'share_of_leaders', roles: ['principal', 'in_charge'] });
    // Four ranked towns-to-be under a fresh root, each with two principals, one leader in charge and a
    // member (not counted); one more principal left office before the period's last day (not counted).
    const period = async (individuals: Record<string, unknown> | null) => {
      const root = await insertUnit(t.db, { name: '评先根', kind: 'town', parentId: town1.id });
      const kids = [];
      for (let i = 0; i < 4; i += 1) {
        const k = await insertUnit(t.db, { name: `评先村${i}`, kind: 'village', parentId: root.id });
        await addLeaders(k.id, ['party_secretary', 'chief', 'deputy_in_charge', 'member']);
        kids.push(k);
      }
      await addLeaders(kids[0]!.id, ['chief'], '2025-06-01');
      const { periodId } = await seedClosedYearPeriod(
        t.db,
        root.id,
        kids.map((k, i) => ({ unitId: k.id, rank: i + 1, advanced: i === 0 ? 'selected' : 'below_cut_off' })),
        undefined,
        individuals,
      );
      const res = await operator.inject({
        method: 'POST',
        url: '/api/v1/rewards/rounds',
        payload: { periodId },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as RewardRound;
    };

    // The shipped parameter: its percentage of the 12 leaders, rounded as it says.
    const shipped = await period({});
    const expected = Math.floor((param.percent * 12) / 100);
    expect(shipped.quota).toMatchObject({
      percent: 20,
      rankedUnits: 4,
      advancedUnits: 1,
      advancedIndividuals: expected,
      individuals: {
        field: 'indicators.assessment.advancedIndividuals',
        basis: 'share_of_leaders',
        percent: param.percent,
        roles: ['principal', 'in_charge'],
        onDate: '2025-12-31',
        assessedUnits: 4,
        base: 12,
        places: expected,
        source: { doc: 'product-defaults' },
      },
    });
    // A changed parameter changes the quota (and the units' percentage does not).
    const quarter = await period({ percent: 25 });
    expect(quarter.quota).toMatchObject({
      percent: 20,
      advancedIndividuals: 3,
      individuals: { base: 12, places: 3 },
    });
    const principals = await period({ roles: ['principal'], percent: 50, rounding: 'ceil' });
    expect(principals.quota.individuals).toMatchObject({ roles: ['principal'], base: 8, places: 4 });
    // A period frozen before the parameter existed keeps the quota it was opened with, labelled so.
    const legacy = await period(null);
    expect(legacy.quota.individuals).toMatchObject({ basis: 'legacy_units_quota', base: 4, places: 0 });

    // Exceeding the quota of 3: refused naming the field and the parameter; nothing written.
    const ids = [];
    for (const i of [0, 1, 2, 3]) {
      const personId = await insertPerson(t.db, { name: `超额${i}`, unitId: town1.id });
      const res = await operator.inject({
        method: 'POST',
        url: `/api/v1/rewards/rounds/${quarter.id}/candidates`,
        payload: { personId, kind: 'advanced_individual' },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push((res.json() as RewardRound).candidates.find((c) => c.party.id === personId)!.id);
    }
    const before = await counts();
    const decide = (candidateIds: number[]) =>
      operator.inject({
        method: 'POST',
        url: `/api/v1/rewards/rounds/${quarter.id}/decide`,
        payload: { candidateIds },
      });
    const over = await decide(ids);
    expect(over.statusCode).toBe(400);
    const error = over.json().errors[0];
    expect(error.path).toBe('body.candidateIds');
    expect(error.message.zh).toContain(
      '先进个人超出名额（最多3名，规则集参数 indicators.assessment.advancedIndividuals',
    );
    expect(error.message.en).toContain(
      'rulebook parameter indicators.assessment.advancedIndividuals: 25% of 12',
    );
    expect(await counts()).toEqual(before);
    const ok = await decide(ids.slice(0, 3));
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
