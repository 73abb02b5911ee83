import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPost } from '../../fixtures/factories';
import { sha256 } from '../../platform/crypto';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { insertCase, insertDecidedStep, latestRulebookVersion, presetWindows } from './eligibility.fixtures';
import { refreshEligibilityForCase } from './refresh-eligibility';

type Answer = {
  party: { kind: string; id: number; name: string };
  date: string;
  purpose: string;
  eligible: boolean;
  eligibleFrom: string | null;
  reasons: {
    caseId: number;
    stepId: number;
    step: string;
    caseUnitName: string;
    roles: string[];
    bar: string;
    from: string;
    to: string | null;
    rule: { rulebookId: string; windowId: string; citation: { doc: string; article: string } | null };
  }[];
};

describe('eligibility (提拔奖励征求综治委意见)', () => {
  let t: TestApp;
  let org: Session;
  let org2: Session;
  let caseId: number;
  let listingId: number;
  let zhuzhou: number;

  const ask = async (s: Session, url: string) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1${url}` });
    return {
      status: res.statusCode,
      body: res.json() as Answer & { path?: string; errors?: { path: string }[] },
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    zhuzhou = await latestRulebookVersion(t.db, 'zhuzhou-county-2018');
    org = await t.login('orgdept');
    org2 = await t.login('orgdept2');
    // town1 is noticed, then listed for supervision on 2026-08-31 (000 art. 29: half a year).
    const town1 = t.world.units.town1.id;
    caseId = await insertCase(t.db, {
      unitId: town1,
      relevantOn: '2026-08-20',
      rulebookId: 'zhuzhou-county-2018',
      rulebookVersion: zhuzhou,
    });
    await t.db.transaction(async (tx) => {
      const base = {
        caseId,
        unitId: town1,
        relevantOn: '2026-08-20',
        rulebookId: 'zhuzhou-county-2018',
        rulebookVersion: zhuzhou,
      };
      await insertDecidedStep(tx, { ...base, step: 'notice', decidedOn: '2026-06-01', windows: [] });
      listingId = await insertDecidedStep(tx, {
        ...base,
        step: 'listed_supervision',
        decidedOn: '2026-08-31',
        windows: presetWindows('zhuzhou-county-2018', 'listed_supervision'),
      });
      await refreshEligibilityForCase(tx, caseId);
    });
  }, 60_000);
  afterAll(async () => t.close());

  it('bars the principal for half a year from the listing, with the case, step, rule and article', async () => {
    const { status, body } = await ask(
      org,
      `/eligibility?person=${t.world.people.secretary}&date=2026-12-01&purpose=promotion`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      party: { kind: 'person', id: t.world.people.secretary, name: '张书记' },
      eligible: false,
      eligibleFrom: '2027-02-28',
    });
    expect(body.reasons).toEqual([
      expect.objectContaining({
        caseId,
        stepId: listingId,
        step: 'listed_supervision',
        caseUnitName: '一号镇',
        roles: ['principal'],
        bar: 'promotion',
        from: '2026-08-31',
        to: '2027-02-28',
        rule: expect.objectContaining({
          rulebookId: 'zhuzhou-county-2018',
          windowId: 'listing-leaders',
          citation: expect.objectContaining({ doc: 'zhuzhou-2018', article: '第二十九条' }),
        }),
      }),
    ]);
  });

  it.each([
    ['the day before the decision', 'secretary', '2026-08-30', 'promotion', true],
    ['the day the half year ends', 'secretary', '2027-02-28', 'promotion', true],
    ['award, same window', 'mayor', '2026-12-01', 'award', false],
    ['the deputy in charge', 'deputy', '2026-12-01', 'promotion', false],
    ['a personal honour is 评先', 'deputy', '2026-12-01', 'honour', false],
  ] as const)('%s', async (_name, who, date, purpose, eligible) => {
    const { status, body } = await ask(
      org,
      `/eligibility?person=${t.world.people[who]}&date=${date}&purpose=${purpose}`,
    );
    expect(status).toBe(200);
    expect(body.eligible).toBe(eligible);
  });

  it('answers the unit variant: comprehensive honours barred, no award bar', async () => {
    const town1 = t.world.units.town1.id;
    const honour = await ask(org, `/eligibility/units?unit=${town1}&date=2026-12-01&purpose=honour`);
    expect(honour.body).toMatchObject({
      eligible: false,
      reasons: [{ bar: 'comprehensive_honours', to: '2027-02-28' }],
    });
    const award = await ask(org, `/eligibility/units?unit=${town1}&date=2026-12-01&purpose=award`);
    expect(award.body.eligible).toBe(true);
  });

  it('hides people and units outside the scope (404), and refuses other roles (403)', async () => {
    expect((await ask(org2, `/eligibility?person=${t.world.people.mayor}&purpose=promotion`)).status).toBe(
      404,
    );
    expect((await ask(org2, `/eligibility/units?unit=${t.world.units.town1.id}&purpose=honour`)).status).toBe(
      404,
    );
    expect((await ask(org, '/eligibility?person=999999&purpose=promotion')).status).toBe(404);
    expect(
      (await ask(await t.login('leader'), `/eligibility?person=${t.world.people.mayor}&purpose=award`))
        .status,
    ).toBe(403);
  });

  it('rejects a wrong date or purpose with the field path', async () => {
    const bad = await ask(
      org,
      `/eligibility?person=${t.world.people.mayor}&date=2026-02-30&purpose=promotion`,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('query.date');
    const purpose = await ask(org, `/eligibility?person=${t.world.people.mayor}&purpose=medal`);
    expect(purpose.status).toBe(400);
  });

  it('audits every query with the person, purpose and answer', async () => {
    const before = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'eligibility.queried'",
    );
    await ask(org, `/eligibility?person=${t.world.people.deputy}&date=2026-09-15&purpose=award`);
    const rows = await t.db.query<{
      target_type: string;
      target_id: string;
      actor_name: string;
      details: unknown;
    }>(
      "SELECT target_type, target_id, actor_name, details FROM audit_log WHERE action = 'eligibility.queried' ORDER BY id DESC LIMIT 1",
    );
    const after = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'eligibility.queried'",
    );
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const details = (
      typeof rows[0]!.details === 'string' ? JSON.parse(rows[0]!.details) : rows[0]!.details
    ) as Record<string, unknown>;
    expect(rows[0]).toMatchObject({
      target_type: 'person',
      target_id: String(t.world.people.deputy),
      actor_name: 'orgdept',
    });
    expect(details).toMatchObject({
      date: '2026-09-15',
      purpose: 'award',
      eligible: false,
      eligibleFrom: '2027-02-28',
    });
  });

  it('keeps the bar on a cadre transferred to another town, and not on the successor', async () => {
    const { secretary } = t.world.people;
    await t.db.query("UPDATE posts SET end_date = '2026-10-01' WHERE person_id = $1 AND unit_id = $2", [
      secretary,
      t.world.units.town1.id,
    ]);
    await insertPost(t.db, {
      personId: secretary,
      unitId: t.world.units.town2.id,
      postKind: 'chief',
      title: '镇长',
      startDate: '2026-10-01',
    });
    const successor = (
      await t.db.query<{ id: number }>("INSERT INTO people (name) VALUES ('继任书记') RETURNING id")
    )[0]!.id;
    await insertPost(t.db, {
      personId: successor,
      unitId: t.world.units.town1.id,
      postKind: 'party_secretary',
      title: '镇党委书记',
      startDate: '2026-10-01',
    });
    // A later recomputation (any decision on the case) must not lose the bar either.
    await t.db.transaction((tx) => refreshEligibilityForCase(tx, caseId));
    // Now in town2, he is in scope of town2's organisation department, and still barred.
    const moved = await ask(org2, `/eligibility?person=${secretary}&date=2026-12-01&purpose=promotion`);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      eligible: false,
      reasons: [{ caseUnitName: '一号镇', to: '2027-02-28' }],
    });
    expect(
      (await ask(org, `/eligibility?person=${successor}&date=2026-12-01&purpose=promotion`)).body.eligible,
    ).toBe(true);
  });

  it('bars a major-case unit until the step is lifted (001), and lifts with it', async () => {
    const village = t.world.units.village1a.id;
    const district = await latestRulebookVersion(t.db, 'district-001');
    const major = await insertCase(t.db, {
      unitId: village,
      relevantOn: '2026-04-01',
      rulebookId: 'district-001',
      rulebookVersion: district,
    });
    const stepId = await t.db.transaction(async (tx) => {
      const id = await insertDecidedStep(tx, {
        caseId: major,
        unitId: village,
        step: 'major_case_notice',
        decidedOn: '2026-04-02',
        relevantOn: '2026-04-01',
        windows: presetWindows('district-001', 'major-case-investigation'),
        rulebookId: 'district-001',
        rulebookVersion: district,
      });
      await refreshEligibilityForCase(tx, major);
      return id;
    });
    const open = await ask(org, `/eligibility/units?unit=${village}&date=2030-01-01&purpose=award`);
    expect(open.body).toMatchObject({ eligible: false, eligibleFrom: null, reasons: [{ stepId, to: null }] });
    await t.db.transaction(async (tx) => {
      await tx.query("UPDATE accountability_steps SET lifted_on = '2026-11-15' WHERE id = $1", [stepId]);
      await refreshEligibilityForCase(tx, major);
    });
    expect(
      (await ask(org, `/eligibility/units?unit=${village}&date=2026-11-14&purpose=award`)).body.eligible,
    ).toBe(false);
    expect(
      (await ask(org, `/eligibility/units?unit=${village}&date=2026-11-15&purpose=award`)).body.eligible,
    ).toBe(true);
  });

  it('answers a JSON batch, with found: false for parties out of scope', async () => {
    const res = await org2.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch',
      payload: {
        date: '2026-12-01',
        purpose: 'promotion',
        items: [
          { person: t.world.people.secretary2 },
          { person: t.world.people.mayor },
          { unit: t.world.units.town2.id, purpose: 'honour' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: { row: number; found: boolean; answer: Answer | null }[] }).items;
    expect(items.map((i) => [i.row, i.found, i.answer?.eligible ?? null])).toEqual([
      [1, true, true],
      [2, false, null],
      [3, true, true],
    ]);
    expect(res.body).not.toContain('李镇长');
  });

  it('takes a CSV upload and answers CSV, auditing each answer', async () => {
    const before = (
      await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'eligibility.queried'",
      )
    )[0]!.n;
    const csv = `\uFEFF姓名,person_id,unit_id,purpose\r\n李镇长,${t.world.people.mayor},,award\r\n王副书记,${t.world.people.deputy},,\r\n一号镇,,${t.world.units.town1.id},honour\r\n`;
    const res = await org.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch?date=2026-12-01&purpose=promotion&format=csv',
      payload: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('姓名,person_id,unit_id,purpose');
    expect(lines[1]).toContain('李镇长');
    expect(lines[1]).toContain('不符合 / barred');
    expect(lines[1]).toContain('2027-02-28');
    expect(lines[2]).toContain('promotion'); // the default purpose filled the empty cell
    expect(lines[3]).toContain('comprehensive_honours');
    const after = (
      await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'eligibility.queried'",
      )
    )[0]!.n;
    expect(after - before).toBe(3);
    const exported = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'eligibility.batch_exported'");
    expect(exported.length).toBeGreaterThan(0);
  });

  it('rejects a CSV without an id column, or a row without purpose, naming the place', async () => {
    const noColumn = await org.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch',
      payload: 'name\r\n张三\r\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noColumn.statusCode).toBe(400);
    expect(noColumn.body).toContain('body.header');
    const noPurpose = await org.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch',
      payload: `person_id\r\n${t.world.people.mayor}\r\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.body).toContain('body.rows.1.purpose');
    const badId = await org.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch?purpose=award',
      payload: 'person_id\r\nabc\r\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.body).toContain('body.rows.1.person_id');
  });

  it('shows a person’s steps and bars over time', async () => {
    const res = await org.inject({ method: 'GET', url: `/api/v1/people/${t.world.people.mayor}/sanctions` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      steps: { step: string; roles: string[] }[];
      bars: { bar: string; to: string }[];
    };
    expect(body.steps.map((s) => [s.step, s.roles])).toEqual([
      ['notice', ['principal']],
      ['listed_supervision', ['principal']],
    ]);
    expect(body.bars.map((b) => [b.bar, b.to])).toEqual([
      ['award', '2027-02-28'],
      ['promotion', '2027-02-28'],
    ]);
    expect(
      (await org2.inject({ method: 'GET', url: `/api/v1/people/${t.world.people.mayor}/sanctions` }))
        .statusCode,
    ).toBe(404);
  });

  it('answers an API key of the organisation department, within its scope', async () => {
    const insertKey = async (key: string, role: string, unitId: number) =>
      t.db.query(
        `INSERT INTO api_keys (name, prefix, key_hash, role, unit_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, NULL, now())`,
        [`hr-${role}-${unitId}`, key.slice(0, 12), sha256(key), role, unitId],
      );
    await insertKey('zzk_orgdeptcountykey000000000001', 'orgdept', t.world.units.county.id);
    await insertKey('zzk_leadertown1key00000000000001', 'leader', t.world.units.town1.id);
    const viaKey = (key: string, url: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { 'x-api-key': key } });
    const ok = await viaKey(
      'zzk_orgdeptcountykey000000000001',
      `/eligibility?person=${t.world.people.mayor}&date=2026-12-01&purpose=promotion`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Answer).eligible).toBe(false);
    const audit = await t.db.query<{ actor_name: string }>(
      "SELECT actor_name FROM audit_log WHERE action = 'eligibility.queried' ORDER BY id DESC LIMIT 1",
    );
    expect(audit[0]!.actor_name).toContain('apikey:');
    const refused = await viaKey(
      'zzk_leadertown1key00000000000001',
      `/eligibility?person=${t.world.people.mayor}&purpose=promotion`,
    );
    expect(refused.statusCode).toBe(403);
  });
});
