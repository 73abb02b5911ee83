import type { Archive } from '@zongzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertPost } from '../../fixtures/factories';
import { measurePdf, pageText } from '../../platform/documents/pdf-measure';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { seedBar, seedClosedYearPeriod } from '../rewards/rewards.fixtures';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { MAX_DUTY_REPORT_BYTES } from './upload-duty-report';

/** Facts of town1 in 2025, the year of 张书记 (party secretary of town1 since 2024). */
const seedFacts = async (t: TestApp) => {
  const { town1, county, town2 } = t.world.units;
  const { secretary } = t.world.people;
  const occ = async (dutyId: string, deadline: string, fulfilled: string | null, kind = 'report') =>
    (
      await t.db.query<{ id: number }>(
        `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline, duty_name_zh,
                                       duty_name_en, duty_kind, evidence_required, rulebook_id, rulebook_version,
                                       generated_at, fulfilled_on, fulfilment_kind)
         VALUES ($1, $2, '2025-Q1', '2025-01-01', '2025-03-31', $3, $4, 'Duty', $5, false, 'national-2016', 1, now(),
                 $6, $7) RETURNING id`,
        [dutyId, town1.id, deadline, `职责${dutyId}`, kind, fulfilled, fulfilled ? kind : null],
      )
    )[0]!.id;
  const meeting = await occ('arch-meeting', '2025-03-31', '2025-03-20', 'meeting');
  await t.db.query(
    `INSERT INTO duty_fulfilments (occurrence_id, kind, fulfilled_on, meeting_date, meeting_chair, recorded_at, recorded_by)
     VALUES ($1, 'meeting', '2025-03-20', '2025-03-20', '张书记', now(), 'test')`,
    [meeting],
  );
  await occ('arch-late', '2025-06-30', '2025-07-10');
  await occ('arch-open', '2025-09-30', null);
  await occ('arch-2024', '2024-12-31', null); // another year: not counted
  await t.db.query(
    `INSERT INTO incidents (unit_id, kind, occurred_at, place, summary, source, reported_at, timeliness,
                            timeliness_basis, recorded_at, recorded_by)
     VALUES ($1, 'mass_incident', '2025-05-01T04:00:00Z', '镇广场', '档案测试群体性事件', 'reported',
             '2025-05-01T05:00:00Z', 'on_time', 'within_limit', now(), 'test')`,
    [town1.id],
  );
  const [insp] = await t.db.query<{ id: number }>(
    `INSERT INTO inspections (kind, inspecting_unit_id, inspecting_body, unit_id, carried_out_on, inspectors, created_at, created_by)
     VALUES ('spot_check', $1, 'office', $2, '2025-04-01', '检查组', now(), 'test') RETURNING id`,
    [county.id, town1.id],
  );
  const [finding] = await t.db.query<{ id: number }>(
    `INSERT INTO inspection_findings (inspection_id, number, severity, description, created_at, created_by)
     VALUES ($1, 1, 'general', '台账不全', now(), 'test') RETURNING id`,
    [insp!.id],
  );
  await t.db.query(
    `INSERT INTO rectification_tasks (finding_id, owner_unit_id, responsible_person_id, responsible_name, responsible_role,
                                      issued_on, deadline, deadline_basis, rulebook_id, rulebook_version, state,
                                      submitted_on, accepted_on, accepted_on_time)
     VALUES ($1, $2, $3, '张书记', 'principal', '2025-04-02', '2025-05-02', 'rulebook', 'national-2016', 1, 'accepted',
             '2025-04-20', '2025-04-25', true)`,
    [finding!.id, town1.id, secretary],
  );
  const [letter] = await t.db.query<{ id: number }>(
    `INSERT INTO letters (year, relationship_id, issuer_unit_id, recipient_unit_id, issue_date, live, created_at)
     VALUES (2025, 'county-town', $1, $2, '2025-02-01', true, now()) RETURNING id`,
    [county.id, town1.id],
  );
  await t.db.query(
    `INSERT INTO letter_versions (letter_id, version, title, preamble, responsibilities, created_at, created_by, hash)
     VALUES ($1, 1, '2025年度综治目标管理责任书', '序言', '[]', now(), 'test', 'h')`,
    [letter!.id],
  );
  await t.db.query(
    `INSERT INTO letter_targets (letter_id, version, position, key, target) VALUES ($1, 1, 1, 't1', '{}'), ($1, 1, 2, 't2', '{}')`,
    [letter!.id],
  );
  await t.db.query(
    `INSERT INTO letter_signatures (letter_id, version, party, person_id, person_name, post_kind, role, position,
                                    signed_at, signed_by, hash)
     VALUES ($1, 1, 'recipient', $2, '张书记', 'party_secretary', 'principal', 1, '2025-02-03T02:00:00Z', 'leader', 'h')`,
    [letter!.id, secretary],
  );
  await seedBar(t.db, {
    personId: secretary,
    bar: 'award',
    caseUnitId: town1.id,
    caseId: 77,
    from: '2025-08-01',
    to: '2026-08-01',
    decidedOn: '2025-08-01',
  });
  await seedClosedYearPeriod(t.db, county.id, [
    { unitId: town1.id, rank: 2, advanced: 'below_cut_off', grade: 'qualified', score: 85 },
    { unitId: town2.id, rank: 1, advanced: 'selected', score: 95 },
  ]);
};

describe('performance archives (工作实绩档案, issue 6 §4)', () => {
  let t: TestApp;
  let orgdept: Session;
  let operator: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    await seedFacts(t);
    orgdept = await t.login('orgdept');
    operator = await t.login('operator');
  }, 120_000);
  afterAll(async () => t?.close());

  it('assembles the year from the facts, section by section', async () => {
    const { secretary } = t.world.people;
    const res = await orgdept.inject({ url: `/api/v1/archives?person=${secretary}&year=2025` });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Archive;
    expect(a.person).toEqual({ id: secretary, name: '张书记' });
    expect(a.posts).toHaveLength(1);
    const post = a.posts[0]!;
    expect(post).toMatchObject({
      unitId: t.world.units.town1.id,
      role: 'principal',
      from: '2025-01-01',
      to: '2026-01-01',
      duties: { onTime: 1, late: 1, open: 1 },
      meetingsChaired: [{ date: '2025-03-20', duty: '职责arch-meeting' }],
      rectifications: [{ issuedOn: '2025-04-02', state: 'accepted', onTime: true }],
      incidents: [{ title: '档案测试群体性事件' }],
      grade: { gradeId: 'qualified', score: 85, rank: 2 },
    });
    expect(a.lettersSigned).toEqual([
      expect.objectContaining({
        year: 2025,
        party: 'recipient',
        targets: 2,
        recipientUnitName: expect.any(String),
      }),
    ]);
    expect(a.accountability).toEqual([
      expect.objectContaining({ caseId: 77, bar: 'award', to: '2026-08-01' }),
    ]);
    expect(a.rewards).toEqual([]);
    expect(a.dutyReport).toBeNull();
    // Another year holds none of these facts.
    const other = (
      await orgdept.inject({ url: `/api/v1/archives?person=${secretary}&year=2023` })
    ).json() as Archive;
    expect(other.posts).toEqual([]);
    expect(other.lettersSigned).toEqual([]);
  });

  it('prints the archive as a PDF with the person and every section; the export is audited', async () => {
    const { secretary } = t.world.people;
    const res = await orgdept.inject({ url: `/api/v1/archives/pdf?person=${secretary}&year=2025` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pages = await measurePdf(res.rawPayload);
    const text = pages.map(pageText).join('\n').replace(/\s+/g, '');
    for (const s of [
      '张书记',
      '工作实绩档案',
      '任职与履职情况',
      '签订责任书情况',
      '被追责情况',
      '表彰奖励情况',
      '述职报告',
      '主持会议：1次',
    ])
      expect(text).toContain(s);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'archive.exported' AND target_id = $1`,
      [String(secretary)],
    );
    expect(audit!.n).toBe(1);
  });

  it('stores the duty report (the person themselves or the operator); bad uploads change nothing', async () => {
    const { secretary, mayor } = t.world.people;
    const leader = await t.login('leader'); // linked to 张书记
    const url = `/api/v1/archives/duty-report?person=${secretary}&year=2025`;
    const body = (content: Buffer | string) => ({
      fileName: '2025年述职报告.txt',
      contentType: 'text/plain',
      contentBase64: typeof content === 'string' ? content : content.toString('base64'),
    });
    const stored = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM duty_reports'))[0]!.n;
    const bad = await leader.inject({ method: 'PUT', url, payload: body('!!not base64!!') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.contentBase64');
    const tooBig = await leader.inject({
      method: 'PUT',
      url,
      payload: body(Buffer.alloc(MAX_DUTY_REPORT_BYTES + 1, 1)),
    });
    expect(tooBig.statusCode).toBe(400);
    expect(
      (await leader.inject({ method: 'PUT', url, payload: { ...body('YQ=='), contentType: 'image/gif' } }))
        .statusCode,
    ).toBe(400);
    expect(await stored()).toBe(0);

    const ok = await leader.inject({
      method: 'PUT',
      url,
      payload: body(Buffer.from('本人2025年度述职报告')),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Archive).dutyReport).toMatchObject({
      fileName: '2025年述职报告.txt',
      uploadedBy: 'leader',
    });
    const [row] = await t.db.query<{ content: Uint8Array }>(
      'SELECT content FROM duty_reports WHERE person_id = $1',
      [secretary],
    );
    expect(Buffer.from(row!.content).toString()).toBe('本人2025年度述职报告');
    // The operator may replace it; the replacement is audited with the previous hash.
    expect(
      (await operator.inject({ method: 'PUT', url, payload: body(Buffer.from('更正版')) })).statusCode,
    ).toBe(200);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'duty_report.uploaded' AND target_id = $1`,
      [String(secretary)],
    );
    expect(audit!.n).toBe(2);
    // The leader may neither read nor upload someone else's archive (404); nor may a town2 account.
    const other = `/api/v1/archives?person=${mayor}&year=2025`;
    expect((await leader.inject({ url: other })).statusCode).toBe(404);
    expect(
      (
        await leader.inject({
          method: 'PUT',
          url: `/api/v1/archives/duty-report?person=${mayor}&year=2025`,
          payload: body('YQ=='),
        })
      ).statusCode,
    ).toBe(404);
    expect((await leader.inject({ url: `/api/v1/archives?person=${secretary}&year=2025` })).statusCode).toBe(
      200,
    );
    const orgdept2 = await t.login('orgdept2');
    expect(
      (await orgdept2.inject({ url: `/api/v1/archives?person=${secretary}&year=2025` })).statusCode,
    ).toBe(404);
    expect(
      (await orgdept2.inject({ url: `/api/v1/archives/pdf?person=${secretary}&year=2025` })).statusCode,
    ).toBe(404);
    // A role without archives (liaison) is refused; bad query → 400.
    const liaison = await t.login('liaison');
    expect((await liaison.inject({ url: `/api/v1/archives?person=${secretary}&year=2025` })).statusCode).toBe(
      403,
    );
    expect((await orgdept.inject({ url: `/api/v1/archives?person=${secretary}&year=20x5` })).statusCode).toBe(
      400,
    );
    expect(await stored()).toBe(1);
  });

  it('counts the meetings a person chaired by their id: namesakes and renames keep their own', async () => {
    const { town1 } = t.world.units;
    const { secretary, secretary2 } = t.world.people;
    // A namesake: another 张书记, leader in charge of town1 in 2025.
    const namesake = await insertPerson(t.db, { name: '张书记' });
    await insertPost(t.db, {
      personId: namesake,
      unitId: town1.id,
      postKind: 'deputy_in_charge',
      title: '镇党委副书记',
      startDate: '2025-01-01',
      endDate: '2026-01-01',
    });
    const openMeeting = async (dutyId: string) =>
      (
        await t.db.query<{ id: number }>(
          `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline, duty_name_zh,
                                         duty_name_en, duty_kind, evidence_required, rulebook_id, rulebook_version,
                                         generated_at)
           VALUES ($1, $2, '2025-Q2', '2025-04-01', '2025-06-30', '2025-06-30', $1, 'Meeting', 'meeting', false,
                   'national-2016', 1, now()) RETURNING id`,
          [dutyId, town1.id],
        )
      )[0]!.id;
    const liaison = await t.login('liaison');
    const fulfil = (occurrenceId: number, date: string, chairPersonId: number) =>
      liaison.inject({
        method: 'POST',
        url: `/api/v1/duties/${occurrenceId}/fulfil`,
        payload: {
          kind: 'meeting',
          meeting: { date, chairPersonId, attendees: ['张书记'], topics: ['研究综治工作'] },
        },
      });
    const chaired = async (personId: number) => {
      const res = await orgdept.inject({ url: `/api/v1/archives?person=${personId}&year=2025` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as Archive).posts.flatMap((p) =>
        p.meetingsChaired.map((m) => `${m.date} ${m.duty}`),
      );
    };
    const stored = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM duty_fulfilments'))[0]!.n;

    // An invalid chair (town2's secretary; a person of town1 but not on that date): 422, nothing written.
    const refused = await openMeeting('chair-refused');
    const before = await stored();
    for (const [chair, date] of [
      [secretary2, '2025-05-05'],
      [t.world.people.deputy, '2025-05-05'], // town1's deputy only from 2025-06-01
    ] as const) {
      const res = await fulfil(refused, date, chair);
      expect(res.statusCode, res.body).toBe(422);
      const body = res.json() as { errors: { path: string; message: { zh: string; en: string } }[] };
      expect(body.errors.map((e) => e.path)).toEqual(['body.meeting.chairPersonId']);
      expect(body.errors[0]!.message.zh).toContain('任职');
      expect(body.errors[0]!.message.en).toContain('must hold a post');
    }
    expect(await stored()).toBe(before);
    const [still] = await t.db.query<{ fulfilled_on: string | null }>(
      'SELECT fulfilled_on FROM duty_occurrences WHERE id = $1',
      [refused],
    );
    expect(still!.fulfilled_on).toBeNull();

    // The namesake chairs one meeting, 张书记 (the secretary) another: each archive counts its own.
    const byNamesake = await fulfil(await openMeeting('chair-namesake'), '2025-05-10', namesake);
    expect(byNamesake.statusCode, byNamesake.body).toBe(200);
    expect(byNamesake.json().fulfilment.meeting).toMatchObject({ chair: '张书记', chairPersonId: namesake });
    const bySecretary = await fulfil(await openMeeting('chair-secretary'), '2025-06-10', secretary);
    expect(bySecretary.statusCode, bySecretary.body).toBe(200);
    const [row] = await t.db.query<{ id: number }>(
      `SELECT f.meeting_chair_person_id::int AS id FROM duty_fulfilments f
         JOIN duty_occurrences o ON o.id = f.occurrence_id WHERE o.duty_id = 'chair-secretary'`,
    );
    expect(row!.id).toBe(secretary);
    // (2025-03-20 was recorded with a name only, before chairs were people: matched by name.)
    expect(await chaired(secretary)).toEqual(['2025-03-20 职责arch-meeting', '2025-06-10 chair-secretary']);
    expect(await chaired(namesake)).toEqual(['2025-03-20 职责arch-meeting', '2025-05-10 chair-namesake']);

    // Renamed, the secretary keeps the meeting recorded with their id.
    await t.db.query(`UPDATE people SET name = '张改名' WHERE id = $1`, [secretary]);
    try {
      expect(await chaired(secretary)).toEqual(['2025-06-10 chair-secretary']);
    } finally {
      await t.db.query(`UPDATE people SET name = '张书记' WHERE id = $1`, [secretary]);
    }
  });
});
