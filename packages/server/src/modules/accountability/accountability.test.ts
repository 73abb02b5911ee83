import type { CaseDetail, Proposal } from '@zongzhi/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertUnit } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { sweepAccountability } from './sweep-accountability';

const DAY = 86_400_000;

describe('accountability cases and the ladder', () => {
  let t: TestApp;
  let operator: Session;
  let stationed: { id: number };
  let jimoVillage: { id: number };

  const attach = async (unitId: number, rulebookId: string) => {
    const res = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${unitId}/rulebook`,
      payload: { rulebookId, validFrom: '2026-01-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const counts = async () =>
    (
      await t.db.query<{ c: number; s: number; p: number; d: number }>(
        `SELECT (SELECT count(*)::int FROM accountability_cases) AS c, (SELECT count(*)::int FROM accountability_steps) AS s,
                (SELECT count(*)::int FROM accountability_proposals) AS p, (SELECT count(*)::int FROM official_documents) AS d`,
      )
    )[0]!;
  const open = async (who: Session, payload: Record<string, unknown>) =>
    who.inject({ method: 'POST', url: '/api/v1/accountability/cases', payload });
  const get = async (id: number) =>
    (
      await operator.inject({ method: 'GET', url: `/api/v1/accountability/cases/${id}` })
    ).json() as CaseDetail;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    operator = await t.login('operator');
    stationed = await t.db.transaction((q) =>
      insertUnit(q, { name: '驻县某局', kind: 'stationed', parentId: t.world.units.county.id }),
    );
    jimoVillage = await t.db.transaction((q) =>
      insertUnit(q, { name: '即墨某村', kind: 'village', parentId: t.world.units.town2.id }),
    );
    // The county follows Zhuzhou (its bodies number the documents); the towns follow Henan's
    // periods; one village follows 即墨 (listed twice in a row → yellow card).
    await attach(t.world.units.county.id, 'zhuzhou-county-2018');
    await attach(t.world.units.town1.id, 'henan-2016');
    await attach(t.world.units.town2.id, 'henan-2016');
    await attach(jimoVillage.id, 'qingdao-003');
  }, 120_000);
  afterAll(async () => t.close());
  // Sessions expire while the fake clock jumps ahead: log in afresh for each test.
  beforeEach(async () => {
    operator = await t.login('operator');
  });

  it('notice → missed deadline → sweep proposes the interview → accepted with its body → document', async () => {
    const res = await open(operator, {
      unitId: t.world.units.town1.id,
      situationId: 's1',
      relevantOn: '2026-02-28',
      facts: '基层基础工作薄弱，治安秩序混乱',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseDetail;
    expect(c.currentStep).toBe('notice');
    // Henan: rectify in 2 months. 2 May 2026 is in the May Day holiday (1–5 May): due 6 May.
    expect(c.steps[0]!.rectificationDue).toBe('2026-05-06');
    expect(c.steps[0]!.documentNumber).toMatch(/^株综治办〔2026〕\d+号$/);
    expect(c.nextDeadline).toEqual({ kind: 'rectification', date: '2026-05-06', metOn: null });

    // Before the deadline, the sweep proposes nothing for the case.
    expect((await sweepAccountability(t.db, t.clock)).proposalsCreated).toBe(0);
    t.clock.advance(70 * DAY); // 11 May 2026
    operator = await t.login('operator');
    const sweep = await operator.inject({ method: 'POST', url: '/api/v1/accountability/sweep', payload: {} });
    expect(sweep.statusCode, sweep.body).toBe(200);
    expect(sweep.json()).toMatchObject({ ran: true, proposalsCreated: 1 });
    // Idempotent: a second sweep the same day is a no-op.
    expect((await sweepAccountability(t.db, t.clock)).proposalsCreated).toBe(0);

    const detail = await get(c.id);
    expect(detail.overdue).toBe(true);
    const proposal = detail.proposals[0]!;
    expect(proposal).toMatchObject({ step: 'interview', reason: 'rectification_missed', status: 'pending' });
    expect(proposal.dueTo).toMatchObject({ kind: 'rectification', date: '2026-05-06' });
    // A proposal bars nobody: the steps table still holds the notice only.
    expect(detail.steps).toHaveLength(1);

    const before = await counts();
    const accepted = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/proposals/${proposal.id}/decision`,
      payload: { decision: 'accept', decisionBody: 'committee', note: '综治委研究同意' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      decisionBody: 'committee',
      decidedBy: 'operator',
    });
    const after = await get(c.id);
    expect(after.currentStep).toBe('interview');
    const interview = after.steps[1]!;
    expect(interview.decisionBodyName.zh).toContain('综治委');
    expect(interview.documentNumber).toMatch(/^株综治委〔2026〕\d+号$/);
    // Henan interview: 3 months; first report in 10 working days; monthly reports in between.
    expect(interview.firstReportDue).toBe('2026-05-25');
    expect(interview.rectificationDue).toBe('2026-08-11');
    expect(interview.reportDueDates).toEqual(['2026-06-11', '2026-07-13']);
    expect(await counts()).toMatchObject({ s: before.s + 1, d: before.d + 1 });
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'accountability.proposal_accepted'`,
    );
    expect(audit!.n).toBe(1);

    // The first report missed → the sweep proposes listed supervision; rejected with a reason.
    t.clock.advance(16 * DAY); // 27 May
    operator = await t.login('operator');
    expect((await sweepAccountability(t.db, t.clock)).proposalsCreated).toBe(1);
    const listing = (await get(c.id)).proposals.find((p) => p.status === 'pending')!;
    expect(listing).toMatchObject({ step: 'listed_supervision', reason: 'first_report_missed' });
    const noReason = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/proposals/${listing.id}/decision`,
      payload: { decision: 'reject' },
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/proposals/${listing.id}/decision`,
      payload: { decision: 'reject', reason: '已电话报告，书面报告补交中' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: '已电话报告，书面报告补交中',
    });
    expect((await get(c.id)).currentStep).toBe('interview');
    const again = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/proposals/${listing.id}/decision`,
      payload: { decision: 'reject', reason: 'x' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('a town’s veto is decided only by an operator over the county (decision.level superior)', async () => {
    const operator2 = await t.login('operator2');
    const res = await open(operator, {
      unitId: t.world.units.town2.id,
      situationId: 's3',
      relevantOn: '2026-05-20',
      facts: '发生特别重大案件',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseDetail;
    const before = await counts();
    const payload = { step: 'veto', triggerId: 'very-grave-harm', reason: '危害特别严重' };
    const refused = await operator2.inject({
      method: 'POST',
      url: `/api/v1/accountability/cases/${c.id}/steps`,
      payload,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().code).toBe('accountability.decision_level');
    expect(await counts()).toEqual(before);
    const decided = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/cases/${c.id}/steps`,
      payload,
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const detail = decided.json() as CaseDetail;
    expect(detail.currentStep).toBe('veto');
    expect(detail.steps[1]!.decidingUnitId).toBe(t.world.units.county.id);
    // Never stepping down: a notice after the veto is refused.
    const down = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/cases/${c.id}/steps`,
      payload: { step: 'interview', reason: 'x' },
    });
    expect(down.statusCode).toBe(400);
    expect(down.json().errors[0].path).toBe('body.step');
    // Out of scope: operator2 cannot see a town1 case.
    const town1Case = (
      await operator.inject({
        method: 'GET',
        url: `/api/v1/accountability/cases?unitId=${t.world.units.town1.id}`,
      })
    ).json().items[0];
    expect(
      (await operator2.inject({ method: 'GET', url: `/api/v1/accountability/cases/${town1Case.id}` }))
        .statusCode,
    ).toBe(404);
  });

  it('a stationed unit is never vetoed by the county: a written recommendation instead', async () => {
    const veto = await open(operator, {
      unitId: stationed.id,
      situationId: 's3',
      relevantOn: '2026-05-01',
      facts: '发生特别重大安全事故',
      step: 'veto',
      triggerId: 'very-grave-harm',
    });
    expect(veto.statusCode).toBe(400);
    expect(veto.json().errors[0].path).toBe('body.step');
    const res = await open(operator, {
      unitId: stationed.id,
      situationId: 's3',
      relevantOn: '2026-05-01',
      facts: '发生特别重大安全事故',
      step: 'recommendation',
      triggerId: 'very-grave-harm',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseDetail;
    expect(c.currentStep).toBe('recommendation');
    const [doc] = await t.db.query<{ kind: string }>('SELECT kind FROM official_documents WHERE id = $1', [
      c.steps[0]!.documentId,
    ]);
    expect(doc!.kind).toBe('recommendation_letter');
    expect(c.steps[0]!.windows).toEqual([]);
  });

  it('listed twice in a row → a yellow-card proposal (即墨), decided by the five-department joint meeting', async () => {
    const listing = {
      unitId: jimoVillage.id,
      situationId: 's5',
      relevantOn: '2026-05-01',
      facts: '公众安全感调查发现突出治安问题',
      step: 'listed_supervision',
      triggerId: 'survey-or-check-findings',
    };
    const first = await open(operator, listing);
    expect(first.statusCode, first.body).toBe(201);
    // Lifting a listing requires acceptance.
    const accepted = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/cases/${first.json().id}/acceptance`,
      payload: { note: '验收合格，摘牌' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'closed' });
    expect(accepted.json().steps[0].liftedOn).toBe(accepted.json().closedOn);

    const second = await open(operator, listing);
    expect(second.statusCode, second.body).toBe(201);
    const c = second.json() as CaseDetail;
    const proposal = c.proposals.find((p) => p.status === 'pending') as Proposal;
    expect(proposal).toMatchObject({
      step: 'yellow_card',
      reason: 'repeat_step',
      ruleId: 'listed-twice-yellow-card',
    });
    const decided = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/proposals/${proposal.id}/decision`,
      payload: { decision: 'accept', decisionBody: 'five-department-joint-meeting' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await get(c.id);
    expect(after.currentStep).toBe('yellow_card');
    expect(after.steps[1]!.decisionBodyName.zh).toContain('五部门联席会议');
  });

  it('bad input is refused with 4xx and changes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, number, string][] = [
      [
        { unitId: t.world.units.town1.id, situationId: 'nope', relevantOn: '2026-05-01', facts: 'x' },
        400,
        'body.situationId',
      ],
      [
        { unitId: t.world.units.town1.id, situationId: 's1', relevantOn: '2030-01-01', facts: 'x' },
        400,
        'body.relevantOn',
      ],
      [
        { unitId: t.world.units.town1.id, situationId: 's1', relevantOn: '2026-02-30', facts: 'x' },
        400,
        'body.relevantOn',
      ],
      [
        {
          unitId: t.world.units.town1.id,
          situationId: 's1',
          relevantOn: '2026-05-01',
          facts: 'x',
          step: 'listed_supervision',
        },
        400,
        'body.triggerId',
      ],
      [
        {
          unitId: t.world.units.town1.id,
          situationId: 's1',
          relevantOn: '2026-05-01',
          facts: 'x',
          decisionBody: 'nobody',
        },
        400,
        'body.decisionBody',
      ],
      [{ unitId: t.world.units.town1.id, situationId: 's1', relevantOn: '2026-05-01' }, 400, 'body.facts'],
    ];
    for (const [payload, status, path] of cases) {
      const res = await open(operator, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const liaison = await t.login('liaison');
    expect(
      (
        await open(liaison, {
          unitId: t.world.units.town1.id,
          situationId: 's1',
          relevantOn: '2026-05-01',
          facts: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const operator2 = await t.login('operator2');
    expect(
      (
        await open(operator2, {
          unitId: t.world.units.town1.id,
          situationId: 's1',
          relevantOn: '2026-05-01',
          facts: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('major case: opened from an incident, the notice issued, results due within one month', async () => {
    // The district preset (seed 001) states the one-month limit counted from the notice.
    await attach(t.world.units.village1a.id, 'district-001');
    const incident = await operator.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        source: 'discovered',
        unitId: t.world.units.village1a.id,
        kind: 'major_criminal_case',
        occurredAt: '2026-05-20T10:00:00+08:00',
        place: '甲村',
        summary: '发生一起重大刑事案件，未报告',
        discoveredFrom: '公安通报',
      },
    });
    expect(incident.statusCode, incident.body).toBe(201);
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/accountability/major-cases',
      payload: { incidentId: incident.json().id, situationId: 's3' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseDetail;
    expect(c).toMatchObject({ majorCase: true, currentStep: 'major_case_notice', relevantOn: '2026-05-20' });
    // Decided 27 May 2026 → due 27 June (a Saturday) → the next working day, 29 June.
    expect(c.nextDeadline).toEqual({ kind: 'major_case_result', date: '2026-06-29', metOn: null });
    expect(c.steps[0]!.windows.length).toBeGreaterThan(0);
    // 瞒报 is not suggested here: the district rulebook marks no circumstance for it.
    expect(c.suggestedCircumstances).toEqual([]);
    const dup = await operator.inject({
      method: 'POST',
      url: '/api/v1/accountability/major-cases',
      payload: { incidentId: incident.json().id, situationId: 's3' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('瞒报 is suggested from an unreported incident where the rulebook marks it; circumstances recorded', async () => {
    const incident = await operator.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        source: 'discovered',
        unitId: stationed.id,
        kind: 'public_safety_accident',
        occurredAt: '2026-05-10T10:00:00+08:00',
        place: '驻县某局',
        summary: '安全事故未报告',
        discoveredFrom: '媒体报道',
      },
    });
    expect(incident.statusCode, incident.body).toBe(201);
    const res = await open(operator, {
      unitId: stationed.id,
      situationId: 's1',
      relevantOn: '2026-05-10',
      facts: '工作不力',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseDetail;
    expect(c.suggestedCircumstances).toEqual([
      expect.objectContaining({
        circumstanceId: 'concealment',
        incidentId: incident.json().id,
        basis: 'discovered',
      }),
    ]);
    const recorded = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/cases/${c.id}/circumstances`,
      payload: { kind: 'aggravating', circumstanceId: 'concealment', incidentId: incident.json().id },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().suggestedCircumstances).toEqual([]);
    expect(recorded.json().circumstances[0]).toMatchObject({
      kind: 'aggravating',
      circumstanceId: 'concealment',
    });
    const mitigating = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/cases/${c.id}/circumstances`,
      payload: { kind: 'mitigating', circumstanceId: 'concealment' },
    });
    expect(mitigating.statusCode).toBe(400);
    // The sweep proposes a case for the unreported incident (fact_opens_case, national preset).
    await sweepAccountability(t.db, t.clock);
    const proposals = (
      await operator.inject({
        method: 'GET',
        url: `/api/v1/accountability/proposals?unitId=${stationed.id}&status=pending`,
      })
    ).json().items as Proposal[];
    expect(proposals.map((p) => p.reason)).toContain('incident_unreported');
  });

  it('two failing years → a veto proposal (Zhejiang); a liaison files a progress report', async () => {
    await attach(t.world.units.village1b.id, 'zhejiang-2016');
    for (const year of [2024, 2025]) {
      const res = await operator.inject({
        method: 'POST',
        url: '/api/v1/accountability/assessment-failures',
        payload: { unitId: t.world.units.village1b.id, year },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const proposals = (
      await operator.inject({
        method: 'GET',
        url: `/api/v1/accountability/proposals?unitId=${t.world.units.village1b.id}`,
      })
    ).json().items as Proposal[];
    expect(proposals).toEqual([
      expect.objectContaining({
        step: 'veto',
        reason: 'consecutive_failing_years',
        situationId: 's4',
        caseId: null,
      }),
    ]);
    const bars = async () =>
      (
        await t.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM eligibility_bars WHERE unit_id = $1 OR case_unit_id = $1',
          [t.world.units.village1b.id],
        )
      )[0]!.n;
    // A proposal bars nobody.
    expect(await bars()).toBe(0);
    const accepted = await operator.inject({
      method: 'POST',
      url: `/api/v1/accountability/proposals/${proposals[0]!.id}/decision`,
      payload: { decision: 'accept', decisionBody: 'committee' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const c = await get(accepted.json().caseId);
    expect(c).toMatchObject({ currentStep: 'veto', relevantOn: '2025-12-31', situationId: 's4' });
    // The decided veto bars the unit for a year (Zhejiang windows), refreshed in the same transaction.
    expect(await bars()).toBeGreaterThan(0);
    const liaison = await t.login('liaison');
    const report = await liaison.inject({
      method: 'POST',
      url: `/api/v1/accountability/cases/${c.id}/reports`,
      payload: { kind: 'progress', text: '已制定整改方案' },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().reports).toHaveLength(1);
  });
});
