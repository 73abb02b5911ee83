import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertPost, insertUnit } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { insertCase, insertDecidedStep, latestRulebookVersion, presetWindows } from './eligibility.fixtures';
import { refreshEligibilityForCase } from './refresh-eligibility';

// A case is decided while the registry says A was the village head on its relevant date; the
// registry later learns that B held the post then. The bars follow the registry in the same
// transaction: A is eligible again, B is barred for the same case, step, rule and dates.

type Reason = {
  id: number;
  partyId: number;
  caseId: number;
  stepId: number;
  step: string;
  roles: string[];
  bar: string;
  from: string;
  to: string | null;
  rule: { rulebookId: string; windowId: string; citation: { doc: string; article: string } | null };
};
type Answer = { eligible: boolean; reasons: Reason[] };

const RELEVANT = '2025-09-30';

describe('eligibility bars follow registry corrections of posts', () => {
  let t: TestApp;
  let org: Session;
  let operator: Session;
  let village: number;
  let otherVillage: number;
  let personA: number;
  let personB: number;
  let postA: number;
  let caseId: number;
  let stepId: number;

  const ask = async (person: number): Promise<Answer> => {
    const res = await org.inject({
      method: 'GET',
      url: `/api/v1/eligibility?person=${person}&date=2026-03-01&purpose=promotion`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const refreshes = () =>
    t.db.query<{
      target_id: string;
      details: { reason: string; postIds: number[]; barredPersonIds: number[] };
    }>(
      `SELECT target_type, target_id, details FROM audit_log WHERE action = 'eligibility.bars_refreshed' ORDER BY id`,
    );
  const barIds = async () =>
    (await t.db.query<{ id: number }>('SELECT id FROM eligibility_bars ORDER BY id')).map((r) => r.id);
  const write = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await operator.inject({ method, url: `/api/v1${url}`, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: number };
  };
  /** A reason without what names its party: the same bar, whoever carries it. */
  const ruleOf = ({ id: _, partyId: __, ...r }: Reason) => r;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    const version = await latestRulebookVersion(t.db, 'zhuzhou-county-2018');
    org = await t.login('orgdept');
    operator = await t.login('operator');
    const town1 = t.world.units.town1.id;
    village = (await insertUnit(t.db, { name: '更正村', kind: 'village', parentId: town1, code: 'FIX1' })).id;
    otherVillage = (await insertUnit(t.db, { name: '旁村', kind: 'village', parentId: town1, code: 'FIX2' }))
      .id;
    personA = await insertPerson(t.db, { name: '甲主任', unitId: town1 });
    personB = await insertPerson(t.db, { name: '乙主任', unitId: town1 });
    postA = await insertPost(t.db, {
      personId: personA,
      unitId: village,
      postKind: 'chief',
      title: '村委会主任',
      startDate: '2024-01-01',
    });
    caseId = await insertCase(t.db, {
      unitId: village,
      relevantOn: RELEVANT,
      rulebookId: 'zhuzhou-county-2018',
      rulebookVersion: version,
    });
    // Listed for supervision (000 art. 29): the leaders may not be promoted for half a year.
    stepId = await t.db.transaction(async (tx) => {
      const id = await insertDecidedStep(tx, {
        caseId,
        unitId: village,
        step: 'listed_supervision',
        decidedOn: '2026-01-15',
        relevantOn: RELEVANT,
        windows: presetWindows('zhuzhou-county-2018', 'listed_supervision'),
        rulebookId: 'zhuzhou-county-2018',
        rulebookVersion: version,
      });
      await refreshEligibilityForCase(tx, caseId);
      return id;
    });
  }, 60_000);
  afterAll(async () => t.close());

  it('moves the bar from the wrongly recorded holder to the real one, with the same reasons', async () => {
    const before = await ask(personA);
    expect(before.eligible).toBe(false);
    expect(before.reasons).toEqual([
      expect.objectContaining({
        caseId,
        stepId,
        step: 'listed_supervision',
        roles: ['principal'],
        bar: 'promotion',
        from: '2026-01-15',
        to: '2026-07-15',
        rule: expect.objectContaining({
          windowId: 'listing-leaders',
          citation: expect.objectContaining({ doc: 'zhuzhou-2018', article: '第二十九条' }),
        }),
      }),
    ]);
    expect((await ask(personB)).eligible).toBe(true);

    // The correction: A left the post on 2025-06-01 and B has held it since.
    await write('PATCH', `/posts/${postA}`, { endDate: '2025-06-01' });
    const between = await ask(personA);
    expect(between.eligible).toBe(true);
    const postB = await write('POST', '/posts', {
      personId: personB,
      unitId: village,
      postKind: 'chief',
      title: '村委会主任',
      startDate: '2025-06-01',
    });

    const a = await ask(personA);
    const b = await ask(personB);
    expect(a).toMatchObject({ eligible: true, reasons: [] });
    expect(b.eligible).toBe(false);
    expect(b.reasons.map(ruleOf)).toEqual(before.reasons.map(ruleOf));
    expect(b.reasons.every((r) => r.partyId === personB)).toBe(true);

    // One audit record per refreshed case and change, naming the change that caused it.
    expect(await refreshes()).toEqual([
      expect.objectContaining({
        target_type: 'accountability_case',
        target_id: String(caseId),
        details: { reason: 'post.updated', postIds: [postA], barredPersonIds: [] },
      }),
      expect.objectContaining({
        target_type: 'accountability_case',
        target_id: String(caseId),
        details: { reason: 'post.created', postIds: [postB.id], barredPersonIds: [personB] },
      }),
    ]);
  });

  it('refreshes nothing for a post change in another unit or on days outside the relevant date', async () => {
    const audits = (await refreshes()).length;
    const ids = await barIds();
    const other = await insertPerson(t.db, { name: '丙委员', unitId: t.world.units.town1.id });
    // Another unit, covering the relevant date.
    const elsewhere = await write('POST', '/posts', {
      personId: other,
      unitId: otherVillage,
      postKind: 'party_secretary',
      title: '村党支部书记',
      startDate: '2024-01-01',
    });
    await write('PATCH', `/posts/${elsewhere.id}`, { startDate: '2025-01-01' });
    // The same unit, on days that do not hold the relevant date (before and after it).
    const later = await write('POST', '/posts', {
      personId: other,
      unitId: village,
      postKind: 'deputy_in_charge',
      title: '村委会副主任',
      startDate: '2025-10-01',
      endDate: '2025-12-01',
    });
    await write('PATCH', `/posts/${later.id}`, { startDate: '2025-10-15', endDate: '2026-01-01' });
    await write('PATCH', `/posts/${postA}`, { startDate: '2024-02-01' });
    // A title is not a date: nobody's responsibility changes.
    await write('PATCH', `/posts/${postA}`, { title: '村委会主任（更正）' });

    expect((await refreshes()).length).toBe(audits);
    expect(await barIds()).toEqual(ids);
    expect((await ask(other)).eligible).toBe(true);
  });

  it('refreshes a case when a correction moves a post onto or off its relevant date', async () => {
    const [later] = await t.db.query<{ id: number }>(
      "SELECT id FROM posts WHERE unit_id = $1 AND post_kind = 'deputy_in_charge'",
      [village],
    );
    const other = (
      await t.db.query<{ person_id: number }>('SELECT person_id FROM posts WHERE id = $1', [later!.id])
    )[0]!.person_id;
    // Back-dated onto the relevant date: the deputy in charge answered for the case too.
    await write('PATCH', `/posts/${later!.id}`, { startDate: '2025-09-01' });
    expect((await ask(other)).eligible).toBe(false);
    // And off it again.
    await write('PATCH', `/posts/${later!.id}`, { startDate: '2025-10-15' });
    expect((await ask(other)).eligible).toBe(true);
    expect((await refreshes()).slice(-2).map((r) => r.details.barredPersonIds)).toEqual([
      [personB, other].sort((x, y) => x - y),
      [personB],
    ]);
  });

  it('refreshes the cases of a unit that closes, for the posts it ends', async () => {
    const audits = (await refreshes()).length;
    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${village}/close`,
      payload: { date: '2026-02-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const added = (await refreshes()).slice(audits);
    // B's post held the relevant date until closing ended it: the case is re-derived, B stays barred.
    expect(added).toEqual([
      expect.objectContaining({
        target_id: String(caseId),
        details: { reason: 'unit.closed', postIds: expect.any(Array), barredPersonIds: [personB] },
      }),
    ]);
    expect((await ask(personB)).eligible).toBe(false);
  });
});
