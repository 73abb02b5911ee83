import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPost } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

const counts = async (t: TestApp) =>
  (
    await t.db.query<{ units: number; history: number; posts: number }>(
      `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM unit_history)::int AS history,
              (SELECT count(*) FROM posts)::int AS posts`,
    )
  )[0]!;

describe('registry: units', () => {
  let t: TestApp;
  let operator: Session;
  let operator2: Session;
  let liaison: Session;
  let gridworker: Session;
  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.login('operator');
    operator2 = await t.login('operator2');
    liaison = await t.login('liaison');
    gridworker = await t.login('gridworker');
  });
  afterAll(async () => t.close());

  it('lists the scope roots for each caller', async () => {
    const all = await operator.inject({ method: 'GET', url: '/api/v1/units?roots=true' });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((u: { id: number }) => u.id)).toEqual([t.world.units.county.id]);
    expect(all.json().items[0]).toMatchObject({ kind: 'county', childCount: 3, depth: 0 });
    const town2 = await operator2.inject({ method: 'GET', url: '/api/v1/units?roots=true' });
    expect(town2.json()).toMatchObject({ total: 1, items: [{ id: t.world.units.town2.id, name: '二号镇' }] });
  });

  it('lists children, filters by kind and search, pages with a total', async () => {
    const { town1, county } = t.world.units;
    const children = await operator.inject({ method: 'GET', url: `/api/v1/units?parentId=${town1.id}` });
    expect(children.json().items.map((u: { name: string }) => u.name)).toEqual(['甲村', '乙村']);
    const villages = await operator.inject({
      method: 'GET',
      url: '/api/v1/units?kind=village&pageSize=2&page=2',
    });
    expect(villages.json()).toMatchObject({ total: 3 });
    expect(villages.json().items).toHaveLength(1);
    const search = await liaison.inject({
      method: 'GET',
      url: `/api/v1/units?q=${encodeURIComponent('村')}`,
    });
    expect(
      search
        .json()
        .items.map((u: { name: string }) => u.name)
        .sort(),
    ).toEqual(['乙村', '甲村', '甲村第一网格']);
    const outside = await liaison.inject({ method: 'GET', url: `/api/v1/units?parentId=${county.id}` });
    expect(outside.statusCode).toBe(404);
  });

  it('answers a unit with its ancestors; out of scope is 404', async () => {
    const { grid1a1, village2a, county, town1, village1a } = t.world.units;
    const res = await gridworker.inject({ method: 'GET', url: `/api/v1/units/${grid1a1.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().ancestors.map((a: { id: number }) => a.id)).toEqual([
      county.id,
      town1.id,
      village1a.id,
    ]);
    expect(
      (await gridworker.inject({ method: 'GET', url: `/api/v1/units/${village1a.id}` })).statusCode,
    ).toBe(404);
    expect((await liaison.inject({ method: 'GET', url: `/api/v1/units/${village2a.id}` })).statusCode).toBe(
      404,
    );
    expect((await operator.inject({ method: 'GET', url: '/api/v1/units/999999' })).statusCode).toBe(404);
  });

  it('keeps the audit administrator out of the registry', async () => {
    const audit = await t.login('auditadmin');
    expect((await audit.inject({ method: 'GET', url: '/api/v1/units' })).statusCode).toBe(403);
    const payload = {
      code: '430221109901',
      name: 'X',
      kind: 'village',
      parentId: t.world.units.town1.id,
      validFrom: '2026-01-01',
    };
    expect((await liaison.inject({ method: 'POST', url: '/api/v1/units', payload })).statusCode).toBe(403);
  });

  it('creates a unit, audited, with its first version', async () => {
    const { town2 } = t.world.units;
    const res = await operator2.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: {
        code: '430221101202',
        name: '丁村',
        kind: 'village',
        parentId: town2.id,
        validFrom: '2026-01-01',
      },
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ path: `${town2.path}${unit.id}/`, depth: 2, childCount: 0, validTo: null });
    const history = await operator2.inject({ method: 'GET', url: `/api/v1/units/${unit.id}/history` });
    expect(history.json().items).toMatchObject([
      { changeKind: 'created', validFrom: '2026-01-01', validTo: null },
    ]);
    const [audit] = await t.db.query<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_log WHERE target_type = 'unit' AND target_id = $1`,
      [String(unit.id)],
    );
    expect(audit).toMatchObject({ action: 'unit.created', actor_name: 'operator2' });
  });

  it.each([
    ['unknown parent', { parentId: 999999 }, 400, 'body.parentId'],
    ['parent out of scope', { parentId: 'town1' }, 400, 'body.parentId'],
    ['duplicate current code', { code: '430221100201' }, 409, 'body.code'],
    ['start before the parent', { validFrom: '2015-01-01' }, 400, 'body.validFrom'],
    ['unknown kind', { kind: 'planet' }, 400, 'body.kind'],
    ['bad date', { validFrom: '2026-02-30' }, 400, 'body.validFrom'],
  ])('refuses to create a unit: %s', async (_, override, status, path) => {
    const { town1, town2 } = t.world.units;
    const before = await counts(t);
    const payload = {
      code: '430221109902',
      name: '新村',
      kind: 'village',
      parentId: town2.id,
      validFrom: '2026-01-01',
      ...override,
      ...('parentId' in override && override.parentId === 'town1' ? { parentId: town1.id } : {}),
    };
    const res = await operator2.inject({ method: 'POST', url: '/api/v1/units', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    // The shared date schema's refine answers in English only (contracts/common, not ours).
    if (_ !== 'bad date') expect(res.json().errors[0].message.zh).toMatch(/\p{Script=Han}/u);
    expect(await counts(t)).toEqual(before);
  });

  it('renames from a date: the old name stays in the history', async () => {
    const { village1b } = t.world.units;
    const res = await operator.inject({
      method: 'PATCH',
      url: `/api/v1/units/${village1b.id}`,
      payload: { name: '乙社区', kind: 'village', date: '2026-02-01' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('乙社区');
    const history = (
      await operator.inject({ method: 'GET', url: `/api/v1/units/${village1b.id}/history` })
    ).json();
    expect(history.items).toMatchObject([
      { name: '乙村', validFrom: '2016-01-01', validTo: '2026-02-01', changeKind: 'created' },
      { name: '乙社区', validFrom: '2026-02-01', validTo: null, changeKind: 'renamed' },
    ]);
    // Without a date the change corrects the open version instead of adding one.
    const fix = await operator.inject({
      method: 'PATCH',
      url: `/api/v1/units/${village1b.id}`,
      payload: { population: 1600 },
    });
    expect(fix.json().population).toBe(1600);
    const after = (
      await operator.inject({ method: 'GET', url: `/api/v1/units/${village1b.id}/history` })
    ).json();
    expect(after.items).toHaveLength(2);
    expect(after.items[1]).toMatchObject({ population: 1600, name: '乙社区' });
  });

  it.each([
    ['a date before the open version', { name: 'X', date: '2020-01-01' }, 400],
    ['a future date', { name: 'X', date: '2027-01-01' }, 400],
    ['another unit’s current code', { code: '430221100201' }, 409],
  ])('refuses an update with %s', async (_, payload, status) => {
    const { village1b } = t.world.units;
    const before = await counts(t);
    const res = await operator.inject({ method: 'PATCH', url: `/api/v1/units/${village1b.id}`, payload });
    expect(res.statusCode).toBe(status);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses updates out of scope as absent', async () => {
    const res = await operator2.inject({
      method: 'PATCH',
      url: `/api/v1/units/${t.world.units.village1a.id}`,
      payload: { name: 'X' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('moves a subtree: history kept, paths and depths recomputed', async () => {
    const { town1, town2, village1a, grid1a1 } = t.world.units;
    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${village1a.id}/move`,
      payload: { parentId: town2.id, date: '2026-02-15' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: town2.id, path: `${town2.path}${village1a.id}/`, depth: 2 });
    const [grid] = await t.db.query<{ path: string; depth: number }>(
      'SELECT path, depth FROM units WHERE id = $1',
      [grid1a1.id],
    );
    expect(grid).toEqual({ path: `${town2.path}${village1a.id}/${grid1a1.id}/`, depth: 3 });
    const history = (
      await operator.inject({ method: 'GET', url: `/api/v1/units/${village1a.id}/history` })
    ).json();
    expect(history.items).toMatchObject([
      { parentId: town1.id, validTo: '2026-02-15' },
      { parentId: town2.id, validFrom: '2026-02-15', changeKind: 'moved' },
    ]);
    // Scope follows the move: town2's operator now sees the grid, town1's liaison no longer does.
    expect((await operator2.inject({ method: 'GET', url: `/api/v1/units/${grid1a1.id}` })).statusCode).toBe(
      200,
    );
    const liaisonNow = await t.login('liaison');
    expect((await liaisonNow.inject({ method: 'GET', url: `/api/v1/units/${grid1a1.id}` })).statusCode).toBe(
      404,
    );
    // Move it back for the tests that follow.
    const back = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${village1a.id}/move`,
      payload: { parentId: town1.id, date: '2026-02-15' },
    });
    expect(back.json().path).toBe(village1a.path);
  });

  it.each([
    ['under itself', 'village1a', 400],
    ['under its own descendant (cycle)', 'grid1a1', 400],
    ['under its current parent', 'town1', 400],
    ['under an unknown parent', 'none', 400],
  ] as const)('refuses a move %s', async (_, target, status) => {
    const before = await counts(t);
    const parentId = target === 'none' ? 999999 : t.world.units[target].id;
    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${t.world.units.village1a.id}/move`,
      payload: { parentId, date: '2026-02-20' },
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().errors[0].path).toBe('body.parentId');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses to move a unit out of scope or under a parent out of scope', async () => {
    const { village1a, village2a, town1 } = t.world.units;
    const away = await operator2.inject({
      method: 'POST',
      url: `/api/v1/units/${village2a.id}/move`,
      payload: { parentId: town1.id, date: '2026-02-20' },
    });
    expect(away.statusCode).toBe(400);
    const foreign = await operator2.inject({
      method: 'POST',
      url: `/api/v1/units/${village1a.id}/move`,
      payload: { parentId: t.world.units.town2.id, date: '2026-02-20' },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('splits a unit: parts begin split_from, children and history follow', async () => {
    const { town2 } = t.world.units;
    const created = await operator.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: {
        code: '430221109903',
        name: '大村',
        kind: 'village',
        parentId: town2.id,
        validFrom: '2020-01-01',
      },
    });
    const big = created.json();
    const grid = await operator.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: {
        code: '430221109903001',
        name: '大村网格',
        kind: 'grid',
        parentId: big.id,
        validFrom: '2020-01-01',
      },
    });
    const person = await operator.inject({
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: '钱书记', unitId: big.id },
    });
    await insertPost(t.db, {
      personId: person.json().id,
      unitId: big.id,
      postKind: 'party_secretary',
      title: '村党支部书记',
      startDate: '2020-01-01',
    });
    const bad = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${big.id}/split`,
      payload: {
        date: '2026-02-01',
        parts: [
          { code: '430221109904', name: '东村' },
          { code: '430221109905', name: '西村' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.parts');

    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${big.id}/split`,
      payload: {
        date: '2026-02-01',
        parts: [
          { code: '430221109903', name: '东村', childIds: [grid.json().id] },
          { code: '430221109905', name: '西村' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const { closed, parts } = res.json();
    expect(closed).toMatchObject({ id: big.id, validTo: '2026-02-01' });
    expect(parts.map((p: { name: string }) => p.name)).toEqual(['东村', '西村']);
    const east = parts[0];
    const history = (await operator.inject({ method: 'GET', url: `/api/v1/units/${big.id}/history` })).json();
    expect(history.items.at(-1)).toMatchObject({
      endedBy: 'split',
      validTo: '2026-02-01',
      successorUnitIds: parts.map((p: { id: number }) => p.id),
    });
    const eastHistory = (
      await operator.inject({ method: 'GET', url: `/api/v1/units/${east.id}/history` })
    ).json();
    expect(eastHistory.items).toMatchObject([{ changeKind: 'split_from', relatedUnitIds: [big.id] }]);
    const movedGrid = (
      await operator.inject({ method: 'GET', url: `/api/v1/units/${grid.json().id}` })
    ).json();
    expect(movedGrid).toMatchObject({ parentId: east.id, path: `${east.path}${grid.json().id}/` });
    const [post] = await t.db.query<{ end_date: string }>('SELECT end_date FROM posts WHERE unit_id = $1', [
      big.id,
    ]);
    expect(post?.end_date).toBe('2026-02-01');
    // Closed units leave the default list but remain readable.
    const list = await operator.inject({ method: 'GET', url: `/api/v1/units?parentId=${town2.id}` });
    expect(list.json().items.map((u: { id: number }) => u.id)).not.toContain(big.id);
    const withClosed = await operator.inject({
      method: 'GET',
      url: `/api/v1/units?parentId=${town2.id}&includeClosed=true`,
    });
    expect(withClosed.json().items.map((u: { id: number }) => u.id)).toContain(big.id);
  });

  it('closes a unit; refuses while it has children', async () => {
    const { town1, village1b } = t.world.units;
    const before = await counts(t);
    const refused = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${town1.id}/close`,
      payload: { date: '2026-02-20' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('registry.unit_has_children');
    expect(await counts(t)).toEqual(before);
    const closed = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${village1b.id}/close`,
      payload: { date: '2026-02-20' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().validTo).toBe('2026-02-20');
    const history = (
      await operator.inject({ method: 'GET', url: `/api/v1/units/${village1b.id}/history` })
    ).json();
    expect(history.items.at(-1)).toMatchObject({ endedBy: 'closed', validTo: '2026-02-20' });
    const again = await operator.inject({
      method: 'POST',
      url: `/api/v1/units/${village1b.id}/close`,
      payload: { date: '2026-02-21' },
    });
    expect(again.statusCode).toBe(409);
    // Its code is free for a new unit.
    const reuse = await operator.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: {
        code: '430221100202',
        name: '新乙村',
        kind: 'village',
        parentId: town1.id,
        validFrom: '2026-02-20',
      },
    });
    expect(reuse.statusCode).toBe(201);
  });
});
