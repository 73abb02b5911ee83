import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from './ensure-preset-rulebooks';

type Parameter = {
  path: string;
  value: unknown;
  rulebookId: string;
  version: number;
  source: { doc: string; article: string; title: string | null } | null;
};

const LISTING_MONTHS = 'ladder.steps[listed_supervision].windows[listing-unit].months';
const PRESETS = [
  'district-001',
  'henan-2016',
  'national-2016',
  'qingdao-003',
  'zhejiang-2016',
  'zhuzhou-county-2018',
];

const counts = async (t: TestApp) =>
  (
    await t.db.query<{ versions: number; attachments: number; published: number; attached: number }>(
      `SELECT (SELECT count(*) FROM rulebook_versions)::int AS versions,
              (SELECT count(*) FROM unit_rulebooks)::int AS attachments,
              (SELECT count(*) FROM audit_log WHERE action = 'rulebook.published')::int AS published,
              (SELECT count(*) FROM audit_log WHERE action = 'rulebook.attached')::int AS attached`,
    )
  )[0]!;

const parameter = (body: { parameters: Parameter[] }, path: string) =>
  body.parameters.find((p) => p.path === path);

/** A town's own layer over the county rulebook: the listing window shortened to 3 months. */
const townLayer = {
  id: 'town1-2026',
  name: { zh: '一号镇实施细则（2026）', en: 'Town 1 rules (2026)' },
  jurisdictionLevel: 'town',
  extends: 'zhuzhou-county-2018',
  sources: [{ id: 'town1-2026', title: '一号镇平安建设责任制实施细则', year: 2026 }],
  ladder: {
    steps: [
      {
        id: 'listed_supervision',
        windows: [{ id: 'listing-unit', months: 3, source: { doc: 'town1-2026', article: '第五条' } }],
      },
    ],
  },
};

describe('rulebooks', () => {
  let t: TestApp;
  let operator: Session;
  let operator2: Session;
  let liaison: Session;
  let liaison2: Session;
  let gridworker: Session;
  let sysadmin: Session;
  const url = (unitId: number, query = '') => `/api/v1/units/${unitId}/rulebook${query}`;

  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.login('operator');
    operator2 = await t.login('operator2');
    liaison = await t.login('liaison');
    liaison2 = await t.login('liaison2');
    gridworker = await t.login('gridworker');
    sysadmin = await t.login('sysadmin');
  });
  afterAll(async () => t.close());

  it('seeds the shipped presets once, as version 1 published by the system, each audited', async () => {
    const first = await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    expect([...first.seeded].sort()).toEqual(PRESETS);
    // Parents are stored before the rulebooks that extend them.
    expect(first.seeded[0]).toBe('national-2016');
    const second = await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    expect(second).toEqual({
      seeded: [],
      present: expect.arrayContaining(PRESETS),
      upgraded: [],
      customised: [],
    });
    expect(await counts(t)).toMatchObject({ versions: 6, published: 6 });
    const audit = await t.db.query<{ actor_name: string; actor_role: string; target_id: string }>(
      `SELECT actor_name, actor_role, target_id FROM audit_log WHERE action = 'rulebook.published'
        ORDER BY target_id`,
    );
    expect(audit.map((a) => a.target_id)).toEqual(PRESETS);
    expect(new Set(audit.map((a) => `${a.actor_name}/${a.actor_role}`))).toEqual(new Set(['system/system']));
  });

  it('lists the rulebooks with their latest version; readers only', async () => {
    const list = await liaison.inject({ method: 'GET', url: '/api/v1/rulebooks' });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(6);
    expect(list.json().items.find((r: { id: string }) => r.id === 'zhuzhou-county-2018')).toMatchObject({
      extends: 'national-2016',
      jurisdictionLevel: 'county',
      latestVersion: 1,
      publishedBy: 'system',
      attachedUnits: 0,
    });
    expect((await gridworker.inject({ method: 'GET', url: '/api/v1/rulebooks' })).statusCode).toBe(403);
    const auditor = await t.login('auditadmin');
    expect((await auditor.inject({ method: 'GET', url: '/api/v1/rulebooks' })).statusCode).toBe(403);
    const one = await liaison.inject({ method: 'GET', url: '/api/v1/rulebooks/henan-2016' });
    expect(one.json()).toMatchObject({ rulebookId: 'henan-2016', version: 1, body: { id: 'henan-2016' } });
    expect(one.json().digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await liaison.inject({ method: 'GET', url: '/api/v1/rulebooks/nowhere' })).statusCode).toBe(404);
    expect(
      (await liaison.inject({ method: 'GET', url: '/api/v1/rulebooks/henan-2016?version=9' })).statusCode,
    ).toBe(404);
  });

  it('answers no rulebook for a unit before one is attached', async () => {
    const res = await liaison.inject({ method: 'GET', url: url(t.world.units.town1.id) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ attachment: null, chain: [], parameters: [], rulebook: null });
  });

  it('attaches the county rulebook; a town inherits it with the source of every value', async () => {
    const { county, town1 } = t.world.units;
    const attach = await operator.inject({
      method: 'PUT',
      url: url(county.id),
      payload: { rulebookId: 'zhuzhou-county-2018', validFrom: '2018-06-01' },
    });
    expect(attach.statusCode).toBe(200);
    expect(attach.json()).toMatchObject({
      attachment: { unitId: county.id, rulebookId: 'zhuzhou-county-2018', validFrom: '2018-06-01' },
      replaced: null,
    });
    const [audit] = await t.db.query<{
      actor_name: string;
      target_id: string;
      details: { rulebookId: string };
    }>(`SELECT actor_name, target_id, details FROM audit_log WHERE action = 'rulebook.attached'`);
    expect(audit).toMatchObject({
      actor_name: 'operator',
      target_id: String(county.id),
      details: { rulebookId: 'zhuzhou-county-2018', validFrom: '2018-06-01' },
    });

    const res = await liaison.inject({ method: 'GET', url: url(town1.id) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      unitId: town1.id,
      date: '2026-03-02',
      attachment: { unitId: county.id, unitName: '测试县', rulebookId: 'zhuzhou-county-2018' },
      chain: [
        { rulebookId: 'national-2016', version: 1 },
        { rulebookId: 'zhuzhou-county-2018', version: 1 },
      ],
      rulebook: { id: 'zhuzhou-county-2018' },
    });
    expect(parameter(body, LISTING_MONTHS)).toMatchObject({
      value: 6,
      rulebookId: 'zhuzhou-county-2018',
      version: 1,
      source: { doc: 'zhuzhou-2018', article: '第二十九条', title: expect.stringContaining('株洲县') },
    });
    // Values the county leaves alone come from the national baseline.
    expect(body.parameters.some((p: Parameter) => p.rulebookId === 'national-2016')).toBe(true);
    // Before the attachment's date nothing applied.
    const before = await liaison.inject({ method: 'GET', url: url(town1.id, '?date=2018-05-31') });
    expect(before.json().attachment).toBeNull();
  });

  it('scopes the unit routes: out of scope → 404, role without rulebooks → 403', async () => {
    const { town1, town2 } = t.world.units;
    expect((await liaison2.inject({ method: 'GET', url: url(town1.id) })).statusCode).toBe(404);
    expect((await liaison2.inject({ method: 'GET', url: url(town2.id) })).statusCode).toBe(200);
    expect((await gridworker.inject({ method: 'GET', url: url(t.world.units.grid1a1.id) })).statusCode).toBe(
      403,
    );
    expect((await liaison.inject({ method: 'GET', url: url(999_999) })).statusCode).toBe(404);
    const gone = await liaison.inject({ method: 'GET', url: url(town1.id, '?date=2015-06-01') });
    expect(gone.statusCode).toBe(400);
    expect(gone.json().errors[0].path).toBe('query.date');
  });

  it('publishes a town layer; its override wins in its subtree only', async () => {
    const { town1, town2, village1a } = t.world.units;
    const published = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/town1-2026/versions',
      payload: townLayer,
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().version).toMatchObject({
      rulebookId: 'town1-2026',
      version: 1,
      publishedBy: 'operator',
    });
    expect(published.json().change).toMatchObject({
      previousVersion: null,
      againstPrevious: null,
      againstInherited: { changed: [{ path: LISTING_MONTHS, before: 6, after: 3 }], added: [], removed: [] },
    });
    const attach = await operator.inject({
      method: 'PUT',
      url: url(town1.id),
      payload: { rulebookId: 'town1-2026', validFrom: '2026-01-01' },
    });
    expect(attach.statusCode).toBe(200);

    for (const unitId of [town1.id, village1a.id]) {
      const res = (await liaison.inject({ method: 'GET', url: url(unitId) })).json();
      expect(res.attachment).toMatchObject({ unitId: town1.id, rulebookId: 'town1-2026' });
      expect(res.chain.map((c: { rulebookId: string }) => c.rulebookId)).toEqual([
        'national-2016',
        'zhuzhou-county-2018',
        'town1-2026',
      ]);
      expect(parameter(res, LISTING_MONTHS)).toMatchObject({
        value: 3,
        rulebookId: 'town1-2026',
        source: { article: '第五条', title: '一号镇平安建设责任制实施细则' },
      });
      // The other window of the same step is still the county's.
      expect(
        parameter(res, 'ladder.steps[listed_supervision].windows[listing-leaders].months'),
      ).toMatchObject({
        value: 6,
        rulebookId: 'zhuzhou-county-2018',
      });
    }
    const other = (await liaison2.inject({ method: 'GET', url: url(town2.id) })).json();
    expect(parameter(other, LISTING_MONTHS)).toMatchObject({ value: 6, rulebookId: 'zhuzhou-county-2018' });
    // Before the town's attachment date the county's rulebook applied to the town.
    const earlier = (await liaison.inject({ method: 'GET', url: url(town1.id, '?date=2025-12-31') })).json();
    expect(parameter(earlier, LISTING_MONTHS)).toMatchObject({ value: 6, rulebookId: 'zhuzhou-county-2018' });
  });

  it('previews a change without publishing it', async () => {
    const before = await counts(t);
    const v1 = (await operator.inject({ method: 'GET', url: '/api/v1/rulebooks/henan-2016' })).json().body;
    v1.ladder.steps[1].rectification.amount = 4;
    const { version: _v, ...edited } = v1;
    const res = await operator.inject({ method: 'POST', url: '/api/v1/rulebooks/preview', payload: edited });
    expect(res.statusCode).toBe(200);
    expect(res.json().change).toMatchObject({
      rulebookId: 'henan-2016',
      version: 2,
      previousVersion: 1,
      againstPrevious: {
        changed: [{ path: 'ladder.steps[interview].rectification.amount', before: 3, after: 4 }],
        added: [],
        removed: [],
      },
    });
    // The national baseline sets no period: against the inherited values it is a new parameter.
    expect(res.json().change.againstInherited.added).toContainEqual({
      path: 'ladder.steps[interview].rectification.amount',
      after: 4,
    });
    expect(await counts(t)).toEqual(before);
    expect(
      (await liaison.inject({ method: 'POST', url: '/api/v1/rulebooks/preview', payload: edited }))
        .statusCode,
    ).toBe(403);
  });

  it('publishes version 2 and keeps version 1 readable and in force for earlier dates', async () => {
    const { town2 } = t.world.units;
    const v1 = (
      await operator.inject({ method: 'GET', url: '/api/v1/rulebooks/zhuzhou-county-2018' })
    ).json();
    const body = structuredClone(v1.body);
    const step = body.ladder.steps.find((s: { id: string }) => s.id === 'listed_supervision');
    step.windows.find((w: { id: string }) => w.id === 'listing-unit').months = 12;
    body.version = 2;
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/zhuzhou-county-2018/versions',
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    const { version, change } = res.json();
    expect(version).toMatchObject({ rulebookId: 'zhuzhou-county-2018', version: 2, body: { version: 2 } });
    expect(change.againstPrevious).toEqual({
      changed: [{ path: LISTING_MONTHS, before: 6, after: 12 }],
      added: [],
      removed: [],
    });
    expect(change.againstInherited.added).toContainEqual({ path: LISTING_MONTHS, after: 12 });

    const versions = (
      await liaison.inject({ method: 'GET', url: '/api/v1/rulebooks/zhuzhou-county-2018/versions' })
    ).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = (
      await liaison.inject({ method: 'GET', url: '/api/v1/rulebooks/zhuzhou-county-2018?version=1' })
    ).json();
    expect(old.digest).toBe(v1.digest);
    expect(
      old.body.ladder.steps
        .find((s: { id: string }) => s.id === 'listed_supervision')
        .windows.find((w: { id: string }) => w.id === 'listing-unit').months,
    ).toBe(6);

    const today = (await liaison2.inject({ method: 'GET', url: url(town2.id) })).json();
    expect(parameter(today, LISTING_MONTHS)).toMatchObject({
      value: 12,
      rulebookId: 'zhuzhou-county-2018',
      version: 2,
    });
    const yesterday = (
      await liaison2.inject({ method: 'GET', url: url(town2.id, '?date=2026-03-01') })
    ).json();
    expect(parameter(yesterday, LISTING_MONTHS)).toMatchObject({ value: 6, version: 1 });

    const [audit] = await t.db.query<{ actor_name: string; details: Record<string, unknown> }>(
      `SELECT actor_name, details FROM audit_log WHERE action = 'rulebook.published'
          AND target_id = 'zhuzhou-county-2018' AND (details->>'version')::int = 2`,
    );
    expect(audit).toMatchObject({
      actor_name: 'operator',
      details: {
        previousVersion: 1,
        diffDigest: change.diffDigest,
        digest: version.digest,
        againstPrevious: { changed: 1, added: 0, removed: 0, paths: [LISTING_MONTHS] },
        dependents: ['town1-2026'],
      },
    });
    // A text edited from an older version does not silently undo version 2.
    const stale = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/zhuzhou-county-2018/versions',
      payload: v1.body,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0].path).toBe('body.version');
  });

  it('refuses an invalid body with the path of the wrong parameter, writing nothing', async () => {
    const before = await counts(t);
    const body = (await operator.inject({ method: 'GET', url: '/api/v1/rulebooks/henan-2016' })).json().body;
    body.ladder.steps[2].rectification.amount = 0;
    delete body.version;
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/henan-2016/versions',
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('rulebook.invalid');
    expect(res.json().errors).toEqual([
      {
        path: 'body.ladder.steps[2].rectification.amount',
        message: { zh: expect.any(String), en: 'must be greater than 0' },
      },
    ]);
    const preview = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/preview',
      payload: body,
    });
    expect(preview.json().errors[0].path).toBe('body.ladder.steps[2].rectification.amount');

    const unknownParent = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/town9/versions',
      payload: { ...townLayer, id: undefined, extends: 'no-such-rulebook' },
    });
    expect(unknownParent.statusCode).toBe(400);
    expect(unknownParent.json().errors[0].path).toBe('body.extends');
    const notAnObject = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/town9/versions',
      payload: [1],
    });
    expect(notAnObject.statusCode).toBe(400);
    expect(await counts(t)).toEqual(before);
    expect((await operator.inject({ method: 'GET', url: '/api/v1/rulebooks/town9' })).statusCode).toBe(404);
  });

  it('refuses a change that would break a rulebook built on it, naming that rulebook', async () => {
    const before = await counts(t);
    const body = (
      await operator.inject({ method: 'GET', url: '/api/v1/rulebooks/zhuzhou-county-2018' })
    ).json().body;
    const step = body.ladder.steps.find((s: { id: string }) => s.id === 'listed_supervision');
    // Without the county's window the town's override of it is a window without bars or parties.
    step.windows = step.windows.filter((w: { id: string }) => w.id !== 'listing-unit');
    delete body.version;
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/zhuzhou-county-2018/versions',
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message.en).toContain('town1-2026');
    expect(res.json().errors[0].path).toMatch(/^body\.ladder\.steps\[listed_supervision\]\.windows/);
    expect(await counts(t)).toEqual(before);
  });

  it('lets only sysadmin and operator publish and attach, within their scope', async () => {
    const { town1, town2 } = t.world.units;
    const before = await counts(t);
    const layer = { ...townLayer, id: 'town2-2026' };
    expect(
      (await liaison.inject({ method: 'POST', url: '/api/v1/rulebooks/town2-2026/versions', payload: layer }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await liaison.inject({
          method: 'PUT',
          url: url(town1.id),
          payload: { rulebookId: 'henan-2016', validFrom: '2026-01-01' },
        })
      ).statusCode,
    ).toBe(403);
    // operator2 holds town2: the county's rulebook reaches beyond it.
    const county2 = await operator2.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/zhuzhou-county-2018/versions',
      payload: {
        ...(await operator.inject({ method: 'GET', url: '/api/v1/rulebooks/zhuzhou-county-2018' })).json()
          .body,
        version: undefined,
      },
    });
    expect(county2.statusCode).toBe(403);
    expect(county2.json().code).toBe('rulebook.out_of_scope');
    const attachOutside = await operator2.inject({
      method: 'PUT',
      url: url(town1.id),
      payload: { rulebookId: 'henan-2016', validFrom: '2026-01-01' },
    });
    expect(attachOutside.statusCode).toBe(404);
    const unknown = await operator2.inject({
      method: 'PUT',
      url: url(town2.id),
      payload: { rulebookId: 'no-such-rulebook', validFrom: '2026-01-01' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.rulebookId');
    expect(await counts(t)).toEqual(before);

    // Within scope: operator2 publishes its own town's layer and attaches it; sysadmin may too.
    const own = await operator2.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/town2-2026/versions',
      payload: layer,
    });
    expect(own.statusCode).toBe(201);
    const attached = await operator2.inject({
      method: 'PUT',
      url: url(town2.id),
      payload: { rulebookId: 'town2-2026', validFrom: '2026-03-01' },
    });
    expect(attached.statusCode).toBe(200);
    const corrected = await sysadmin.inject({
      method: 'PUT',
      url: url(town2.id),
      payload: { rulebookId: 'henan-2016', validFrom: '2026-03-01' },
    });
    expect(corrected.json()).toMatchObject({ replaced: { rulebookId: 'town2-2026' } });
    expect((await liaison2.inject({ method: 'GET', url: url(town2.id) })).json().chain).toHaveLength(2);
    expect(await counts(t)).toEqual({
      ...before,
      versions: before.versions + 1,
      attachments: before.attachments + 1,
      published: before.published + 1,
      attached: before.attached + 2,
    });
  });
});
