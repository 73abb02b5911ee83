import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertPost } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

const counts = async (t: TestApp) =>
  (
    await t.db.query<{ people: number; posts: number }>(
      'SELECT (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM posts)::int AS posts',
    )
  )[0]!;

describe('registry: people, posts, responsibility', () => {
  let t: TestApp;
  let operator: Session;
  let operator2: Session;
  let liaison: Session;
  let liaison2: Session;
  let sysadmin: Session;
  let personId: number;
  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.login('operator');
    operator2 = await t.login('operator2');
    liaison = await t.login('liaison');
    liaison2 = await t.login('liaison2');
    sysadmin = await t.login('sysadmin');
  });
  afterAll(async () => t.close());

  it('registers a person under a unit in scope; phone masked in the answer', async () => {
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: '孙主任', gender: 'female', phone: '13812345678', unitId: t.world.units.village1a.id },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '孙主任', phone: '138****5678', phoneMasked: true });
    personId = res.json().id;
    const [audit] = await t.db.query<{ details: { phone: string } }>(
      `SELECT details FROM audit_log WHERE action = 'person.created' AND target_id = $1`,
      [String(personId)],
    );
    expect(audit?.details.phone).toBe('138****5678');
  });

  it.each([
    ['unit out of scope', 'operator2', { unitId: 'village1a' }, 400, 'body.unitId'],
    ['unknown unit', 'operator', { unitId: 999999 }, 400, 'body.unitId'],
    ['bad phone', 'operator', { phone: 'call me' }, 400, 'body.phone'],
    ['empty name', 'operator', { name: '' }, 400, 'body.name'],
  ])('refuses a person with %s, writing nothing', async (_, who, override, status, path) => {
    const before = await counts(t);
    const s = who === 'operator' ? operator : operator2;
    const payload = {
      name: '周某',
      unitId: t.world.units.town2.id,
      ...override,
      ...('unitId' in override && override.unitId === 'village1a'
        ? { unitId: t.world.units.village1a.id }
        : {}),
    };
    const res = await s.inject({ method: 'POST', url: '/api/v1/people', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await counts(t)).toEqual(before);
  });

  it('lists people in scope with masked phones; searches by name and unit', async () => {
    const town1 = await liaison.inject({ method: 'GET', url: '/api/v1/people?pageSize=50' });
    expect(town1.statusCode).toBe(200);
    const names = town1.json().items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['张书记', '李镇长', '王副书记', '孙主任']));
    expect(names).not.toContain('赵书记');
    expect(town1.json().items.find((p: { name: string }) => p.name === '孙主任').phone).toBe('138****5678');
    const town2 = await liaison2.inject({ method: 'GET', url: '/api/v1/people' });
    expect(town2.json().items.map((p: { name: string }) => p.name)).toEqual(['赵书记']);
    const search = await operator.inject({
      method: 'GET',
      url: `/api/v1/people?q=${encodeURIComponent('书记')}`,
    });
    expect(search.json().total).toBe(3);
    const byUnit = await operator.inject({
      method: 'GET',
      url: `/api/v1/people?unitId=${t.world.units.town2.id}`,
    });
    expect(byUnit.json().items.map((p: { name: string }) => p.name)).toEqual(['赵书记']);
    const foreign = await liaison.inject({
      method: 'GET',
      url: `/api/v1/people?unitId=${t.world.units.town2.id}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('shows the full phone on the detail only to sysadmin/operator who ask, audited', async () => {
    const masked = await operator.inject({ method: 'GET', url: `/api/v1/people/${personId}` });
    expect(masked.json()).toMatchObject({ phone: '138****5678', phoneMasked: true });
    const full = await sysadmin.inject({ method: 'GET', url: `/api/v1/people/${personId}?revealPhone=true` });
    expect(full.json()).toMatchObject({ phone: '13812345678', phoneMasked: false });
    const liaisonAsks = await liaison.inject({
      method: 'GET',
      url: `/api/v1/people/${personId}?revealPhone=true`,
    });
    expect(liaisonAsks.json()).toMatchObject({ phone: '138****5678', phoneMasked: true });
    const [viewed] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.phone_viewed' AND target_id = $1`,
      [String(personId)],
    );
    expect(viewed?.n).toBe(1);
    expect((await liaison2.inject({ method: 'GET', url: `/api/v1/people/${personId}` })).statusCode).toBe(
      404,
    );
    expect(
      (await (await t.login('gridworker')).inject({ method: 'GET', url: '/api/v1/people' })).statusCode,
    ).toBe(403);
  });

  it('updates a person in scope; out of scope is 404 and unchanged', async () => {
    const res = await operator.inject({
      method: 'PATCH',
      url: `/api/v1/people/${personId}`,
      payload: { name: '孙主任（改）', phone: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '孙主任（改）', phone: null, phoneMasked: false });
    const refused = await operator2.inject({
      method: 'PATCH',
      url: `/api/v1/people/${personId}`,
      payload: { name: 'X' },
    });
    expect(refused.statusCode).toBe(404);
    const [row] = await t.db.query<{ name: string }>('SELECT name FROM people WHERE id = $1', [personId]);
    expect(row?.name).toBe('孙主任（改）');
  });

  it('answers who was responsible on a past date across a handover', async () => {
    const { town1 } = t.world.units;
    const { secretary } = t.world.people;
    const [oldPost] = await t.db.query<{ id: number }>(
      `SELECT id FROM posts WHERE person_id = $1 AND unit_id = $2`,
      [secretary, town1.id],
    );
    // 张书记 hands over to 钱书记 on 2026-01-10; an acting secretary covered the last week of December.
    const ended = await operator.inject({
      method: 'PATCH',
      url: `/api/v1/posts/${oldPost!.id}`,
      payload: { endDate: '2026-01-10' },
    });
    expect(ended.statusCode).toBe(200);
    const successor = (
      await operator.inject({
        method: 'POST',
        url: '/api/v1/people',
        payload: { name: '钱书记', unitId: town1.id },
      })
    ).json();
    const appointed = await operator.inject({
      method: 'POST',
      url: '/api/v1/posts',
      payload: {
        personId: successor.id,
        unitId: town1.id,
        postKind: 'party_secretary',
        title: '镇党委书记',
        startDate: '2026-01-10',
      },
    });
    expect(appointed.statusCode).toBe(201);
    expect(appointed.json()).toMatchObject({ role: 'principal', personName: '钱书记' });
    const acting = await operator.inject({
      method: 'POST',
      url: '/api/v1/posts',
      payload: {
        personId: t.world.people.deputy,
        unitId: town1.id,
        postKind: 'party_secretary',
        title: '代理镇党委书记',
        startDate: '2025-12-25',
        endDate: '2026-01-10',
      },
    });
    expect(acting.statusCode).toBe(201);

    const on = async (date: string) =>
      (
        await liaison.inject({ method: 'GET', url: `/api/v1/units/${town1.id}/responsible?date=${date}` })
      ).json();
    const names = (r: { name: string }[]) => r.map((h) => h.name).sort();
    expect(names((await on('2025-12-01')).roles.principal)).toEqual(['张书记', '李镇长']);
    expect(names((await on('2026-01-09')).roles.principal)).toEqual(['张书记', '李镇长', '王副书记']);
    const handover = await on('2026-01-10');
    expect(names(handover.roles.principal)).toEqual(['李镇长', '钱书记']);
    expect(handover.roles.in_charge).toMatchObject([{ name: '王副书记', portfolio: '政法、综治' }]);
    expect((await on('2025-05-31')).roles.in_charge).toEqual([]);
    const today = await liaison.inject({ method: 'GET', url: `/api/v1/units/${town1.id}/responsible` });
    expect(today.json().date).toBe('2026-03-02');
    expect(
      (await liaison2.inject({ method: 'GET', url: `/api/v1/units/${town1.id}/responsible?date=2026-01-01` }))
        .statusCode,
    ).toBe(404);
  });

  it.each([
    ['end before start', 'operator', { endDate: '2025-12-31' }, 'body.endDate'],
    ['end equal to start', 'operator', { endDate: '2026-01-01' }, 'body.endDate'],
    ['start before the unit exists', 'operator', { startDate: '2010-01-01' }, 'body.startDate'],
    ['unknown post kind', 'operator', { postKind: 'emperor' }, 'body.postKind'],
    // operator2 sees town2 but not the mayor of town1, nor village1a.
    ['person out of scope', 'operator2', { unitId: 'town2' }, 'body.personId'],
    ['unit out of scope', 'operator2', {}, 'body.unitId'],
  ])('refuses a post with %s, writing nothing', async (_, who, override, path) => {
    const before = await counts(t);
    const payload = {
      personId: t.world.people.mayor,
      unitId: t.world.units.village1a.id,
      postKind: 'member',
      title: '村委委员',
      startDate: '2026-01-01',
      ...override,
      ...('unitId' in override ? { unitId: t.world.units.town2.id } : {}),
    };
    const res = await (who === 'operator' ? operator : operator2).inject({
      method: 'POST',
      url: '/api/v1/posts',
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await counts(t)).toEqual(before);
  });

  it('lets only sysadmin and operator appoint', async () => {
    const payload = {
      personId: t.world.people.mayor,
      unitId: t.world.units.village1a.id,
      postKind: 'member',
      title: '村委委员',
      startDate: '2026-01-01',
    };
    const before = await counts(t);
    expect((await liaison.inject({ method: 'POST', url: '/api/v1/posts', payload })).statusCode).toBe(403);
    expect(await counts(t)).toEqual(before);
  });

  it('lists posts by unit, person and date, within scope', async () => {
    const { town1 } = t.world.units;
    const held = await liaison.inject({
      method: 'GET',
      url: `/api/v1/posts?unitId=${town1.id}&date=2026-01-09`,
    });
    expect(held.json().total).toBe(4);
    const all = await liaison.inject({ method: 'GET', url: `/api/v1/posts?unitId=${town1.id}` });
    expect(all.json().total).toBe(5);
    const byPerson = await operator.inject({
      method: 'GET',
      url: `/api/v1/posts?personId=${t.world.people.deputy}`,
    });
    expect(
      byPerson
        .json()
        .items.map((p: { title: string }) => p.title)
        .sort(),
    ).toEqual(['代理镇党委书记', '镇党委副书记（政法委员）']);
    expect(
      (await liaison2.inject({ method: 'GET', url: `/api/v1/posts?personId=${t.world.people.deputy}` }))
        .statusCode,
    ).toBe(404);
    const scoped = await liaison2.inject({ method: 'GET', url: '/api/v1/posts' });
    expect(scoped.json().items.map((p: { unitId: number }) => p.unitId)).toEqual([t.world.units.town2.id]);
  });

  it('refuses to end a post before it started; out of scope is 404', async () => {
    const [post] = await t.db.query<{ id: number }>('SELECT id FROM posts WHERE person_id = $1', [
      t.world.people.secretary2,
    ]);
    const bad = await operator2.inject({
      method: 'PATCH',
      url: `/api/v1/posts/${post!.id}`,
      payload: { endDate: '2022-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.endDate');
    const foreign = await operator.inject({ method: 'GET', url: '/api/v1/units' });
    expect(foreign.statusCode).toBe(200);
    const other = await liaison.inject({
      method: 'GET',
      url: `/api/v1/posts?unitId=${t.world.units.town2.id}`,
    });
    expect(other.statusCode).toBe(404);
    const [row] = await t.db.query<{ end_date: string | null }>('SELECT end_date FROM posts WHERE id = $1', [
      post!.id,
    ]);
    expect(row?.end_date).toBeNull();
  });

  it('reports coverage gaps for the scope, a subtree and a past date', async () => {
    const res = await operator.inject({ method: 'GET', url: '/api/v1/coverage?date=2026-01-10' });
    expect(res.statusCode).toBe(200);
    const gaps = Object.fromEntries(
      res.json().items.map((i: { unit: { name: string }; missing: string[] }) => [i.unit.name, i.missing]),
    );
    // town1 is covered on the handover day; the grid needs no leadership team.
    expect(gaps).toEqual({
      测试县: ['principal', 'in_charge'],
      二号镇: ['in_charge'],
      县公安局: ['principal', 'in_charge'],
      甲村: ['principal', 'in_charge'],
      乙村: ['principal', 'in_charge'],
      丙村: ['principal', 'in_charge'],
    });
    expect(res.json()).toMatchObject({ total: 6, checked: 8 });
    const before = await liaison.inject({ method: 'GET', url: '/api/v1/coverage?date=2025-05-31' });
    const town1Gap = before.json().items.find((i: { unit: { name: string } }) => i.unit.name === '一号镇');
    expect(town1Gap.missing).toEqual(['in_charge']);
    expect(before.json().items.map((i: { unit: { name: string } }) => i.unit.name)).not.toContain('二号镇');
    const person = await insertPerson(t.db, { name: '吴村书记' });
    await insertPost(t.db, {
      personId: person,
      unitId: t.world.units.village2a.id,
      postKind: 'party_secretary',
      title: '村党支部书记',
      startDate: '2026-01-01',
    });
    const sub = await operator2.inject({
      method: 'GET',
      url: `/api/v1/coverage?date=2026-02-01&unitId=${t.world.units.village2a.id}`,
    });
    expect(sub.json()).toMatchObject({ total: 1, items: [{ missing: ['in_charge'] }] });
    expect(
      (await operator2.inject({ method: 'GET', url: `/api/v1/coverage?unitId=${t.world.units.town1.id}` }))
        .statusCode,
    ).toBe(404);
  });
});
