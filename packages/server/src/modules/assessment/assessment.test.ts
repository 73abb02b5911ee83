import type { AssessmentExplanation, AssessmentPeriodDetail } from '@zongzhi/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertUnit } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

const cite = { doc: 'assess-doc', article: '第一条' };

/**
 * A town's layer over Zhejiang (two failing years → veto): villages are scored on an entered case
 * rate (linear, 40), duties done on time (threshold ≥ 90 %, 30), accountability steps received
 * (deduction, 30) and a veto item (major incidents ≤ 0).
 */
const assessLayer = {
  id: 'assess-town',
  name: { zh: '考核测试制度', en: 'Assessment test rulebook' },
  jurisdictionLevel: 'town',
  extends: 'zhejiang-2016',
  sources: [{ id: 'assess-doc', title: '考核测试文件', year: 2026 }],
  indicators: {
    // Adds a quarterly check (季查) that neither ranks nor grades to the national annual evaluation.
    assessment: {
      periods: [
        {
          id: 'quarterly-check',
          name: { zh: '季查', en: 'Quarterly check' },
          unit: 'quarter',
          purpose: 'check',
          ranked: false,
          graded: false,
          source: cite,
        },
      ],
    },
    items: [
      {
        id: 'case-rate',
        name: { zh: '刑事案件发案率', en: 'Criminal case rate' },
        method: 'linear',
        dataSource: 'entered',
        who: ['village'],
        thresholds: [],
        scoring: {
          kind: 'linear',
          lower: 0,
          upper: 10,
          direction: 'lower_is_better',
          maxPoints: 40,
          source: cite,
        },
        source: cite,
      },
      {
        id: 'duties-done',
        name: { zh: '职责按时履行', en: 'Duties on time' },
        method: 'threshold',
        dataSource: 'computed',
        fact: 'duties_on_time',
        who: ['village'],
        thresholds: [
          {
            id: 'duties-rate',
            measure: { zh: '按时率', en: 'on-time rate' },
            comparator: 'gte',
            value: 90,
            unit: 'percent',
          },
        ],
        scoring: { kind: 'threshold', pointsMet: 30, pointsNotMet: 0, source: cite },
        source: cite,
      },
      {
        id: 'steps',
        name: { zh: '被追责情况', en: 'Accountability steps received' },
        method: 'deduction',
        dataSource: 'computed',
        fact: 'accountability_steps_received',
        who: ['village'],
        thresholds: [],
        scoring: { kind: 'deduction', maxPoints: 30, perOccurrence: 10, floor: 0, source: cite },
        source: cite,
      },
      {
        id: 'major-incidents',
        name: { zh: '重大案事件', en: 'Major incidents' },
        method: 'veto_item',
        dataSource: 'entered',
        who: ['village'],
        thresholds: [
          {
            id: 'major-incidents',
            measure: { zh: '重大案事件数', en: 'major incidents' },
            comparator: 'lte',
            value: 0,
            unit: 'count',
          },
        ],
        scoring: { kind: 'veto_item', source: cite },
        source: cite,
      },
    ],
  },
};

type Row = AssessmentPeriodDetail['results'][number];

describe('assessment periods and results', () => {
  let t: TestApp;
  let operator: Session;
  let v: { id: number; name: string }[] = [];
  let outside: { id: number };
  let periodId: number;

  const setValue = (unitId: number, indicatorId: string, periodKey: string, value: number) =>
    t.db.query(
      `INSERT INTO indicator_values (unit_id, indicator_id, period_key, value, source, entered_by, entered_at)
       VALUES ($1, $2, $3, $4, 'entered', 'test', now())
       ON CONFLICT (unit_id, indicator_id, period_key) DO UPDATE SET value = EXCLUDED.value`,
      [unitId, indicatorId, periodKey, value],
    );
  let dutySeq = 0;
  const addDuty = async (unitId: number, deadline: string, fulfilledOn: string) => {
    dutySeq += 1;
    await t.db.query(
      `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline, duty_name_zh,
                                     duty_name_en, duty_kind, evidence_required, rulebook_id, rulebook_version,
                                     generated_at, fulfilled_on, fulfilment_kind)
       VALUES ($1, $2, '2025-Q2', '2025-04-01', '2025-06-30', $3, '季度报告', 'Quarterly report', 'report', false,
               'national-2016', 1, now(), $4, 'report')`,
      [`assess-duty-${dutySeq}`, unitId, deadline, fulfilledOn],
    );
  };
  const results = async (id = periodId) => {
    const res = await operator.inject({ method: 'GET', url: `/api/v1/assessments/periods/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AssessmentPeriodDetail;
  };
  const compute = async (id = periodId) =>
    operator.inject({ method: 'POST', url: `/api/v1/assessments/periods/${id}/compute` });
  const explain = async (unitId: number, id = periodId) => {
    const res = await operator.inject({
      method: 'GET',
      url: `/api/v1/assessments/periods/${id}/units/${unitId}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AssessmentExplanation;
  };
  const byUnit = (rows: Row[]) => new Map(rows.map((r) => [r.unitId, r]));
  const counts = async () =>
    (
      await t.db.query<{ p: number; r: number; f: number }>(
        `SELECT (SELECT count(*)::int FROM assessment_periods) AS p, (SELECT count(*)::int FROM assessment_results) AS r,
                (SELECT count(*)::int FROM assessment_failures) AS f`,
      )
    )[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    operator = await t.login('operator');
    const published = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/assess-town/versions',
      payload: assessLayer,
    });
    expect(published.statusCode, published.body).toBe(201);
    const attached = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${t.world.units.town1.id}/rulebook`,
      payload: { rulebookId: 'assess-town', validFrom: '2025-01-01' },
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const { village1a, village1b, town1, town2 } = t.world.units;
    const extra = [];
    for (const name of ['考核三村', '考核四村', '考核五村'])
      extra.push({ ...(await insertUnit(t.db, { name, kind: 'village', parentId: town1.id })), name });
    v = [
      { id: village1a.id, name: 'v1' },
      { id: village1b.id, name: 'v2' },
      ...extra.map((e) => ({ id: e.id, name: e.name })),
    ];
    outside = await insertUnit(t.db, { name: '外镇考核村', kind: 'village', parentId: town2.id });
    // V1 100, V2 96, V3 92, V4 30 (duty late, worst case rate), V5 vetoed (a major incident).
    const caseRates = [0, 1, 2, 10, 0];
    for (const [i, unit] of v.entries()) {
      await setValue(unit.id, 'case-rate', '2025', caseRates[i]!);
      await setValue(unit.id, 'major-incidents', '2025', i === 4 ? 1 : 0);
      await addDuty(unit.id, '2025-06-30', i === 3 ? '2025-07-10' : '2025-06-20');
    }
    // V1 is barred from comprehensive honours (an accountability step of 2025).
    await t.db.query(
      `INSERT INTO eligibility_bars (case_id, step_id, unit_id, bar, from_date, to_date, step, case_unit_id, decided_on,
                                     relevant_on, window_id, rulebook_id, rulebook_version)
       VALUES (9001, 9002, $1, 'comprehensive_honours', '2025-03-01', NULL, 'listed_supervision', $1, '2025-03-01',
               '2025-02-01', 'listing-unit', 'zhejiang-2016', 1)`,
      [v[0]!.id],
    );
  }, 120_000);
  afterAll(async () => t.close());
  beforeEach(async () => {
    operator = await t.login('operator');
  });

  it('refuses bad input with 4xx and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ unitId: t.world.units.town1.id, kind: 'year', periodKey: '2025-Q1' }, 400, 'body.periodKey'],
      [{ unitId: t.world.units.town1.id, kind: 'decade', periodKey: '2025' }, 400, 'body.kind'],
      [{ unitId: t.world.units.town1.id, kind: 'month', periodKey: '2025-M01' }, 409, 'body.kind'],
      [{ unitId: 999_999, kind: 'year', periodKey: '2025' }, 400, 'body.unitId'],
    ];
    for (const [payload, status, path] of cases) {
      const res = await operator.inject({ method: 'POST', url: '/api/v1/assessments/periods', payload });
      expect(res.statusCode, res.body).toBe(status);
      expect(JSON.stringify(res.json())).toContain(path);
    }
    // Out of scope: town2's operator cannot open a period of town1.
    const other = await t.login('operator2');
    const res = await other.inject({
      method: 'POST',
      url: '/api/v1/assessments/periods',
      payload: { unitId: t.world.units.town1.id, kind: 'year', periodKey: '2025' },
    });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('opens and computes a period: grades, fair ranking, advanced within the quota, a barred unit excluded', async () => {
    const opened = await operator.inject({
      method: 'POST',
      url: '/api/v1/assessments/periods',
      payload: { unitId: t.world.units.town1.id, kind: 'year', periodKey: '2025' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    periodId = opened.json().id;
    expect(opened.json()).toMatchObject({
      rulebookId: 'assess-town',
      rulebookVersion: 1,
      status: 'open',
      version: 0,
    });
    const again = await operator.inject({
      method: 'POST',
      url: '/api/v1/assessments/periods',
      payload: { unitId: t.world.units.town1.id, kind: 'year', periodKey: '2025' },
    });
    expect(again.statusCode).toBe(409);

    const computed = await compute();
    expect(computed.statusCode, computed.body).toBe(200);
    const rows = byUnit((computed.json() as AssessmentPeriodDetail).results);
    // Only villages are assessed (the grid and the root are not).
    expect([...rows.keys()].sort((a, b) => a - b)).toEqual(v.map((u) => u.id).sort((a, b) => a - b));
    const [r1, r2, r3, r4, r5] = v.map((u) => rows.get(u.id)!);
    expect([r1!.score, r2!.score, r3!.score, r4!.score]).toEqual([100, 96, 92, 30]);
    expect([r1!.gradeId, r2!.gradeId, r3!.gradeId, r4!.gradeId, r5!.gradeId]).toEqual([
      'excellent',
      'excellent',
      'excellent',
      'fail',
      'fail',
    ]);
    expect(r5).toMatchObject({ vetoed: true, failing: true, score: 100, rank: 5 });
    expect([r1!.rank, r2!.rank, r3!.rank, r4!.rank]).toEqual([1, 2, 3, 4]);
    // 20 % of 5 = 1 place: V1 is barred (with the bar as reason), so V2 takes it.
    expect(r1).toMatchObject({
      advanced: 'barred',
      advancedReasons: [
        expect.objectContaining({ barId: expect.any(Number), bar: 'comprehensive_honours', caseId: 9001 }),
      ],
    });
    expect(r2!.advanced).toBe('selected');
    expect(r3!.advanced).toBe('below_cut_off');
    expect(r4!.advanced).toBe('grade_not_eligible');

    // Explained down to facts: inputs, rule, points, rulebook version and the rows behind each fact.
    const e = await explain(v[3]!.id);
    expect(e.rulebook).toEqual({ id: 'assess-town', version: 1 });
    const score = e.unitScore as {
      indicators: {
        indicatorId: string;
        points: number | null;
        rule: { en: string };
        inputs: { key: string; fact: { value: number; basis?: unknown; refs?: string[] } | null }[];
      }[];
    };
    const duties = score.indicators.find((i) => i.indicatorId === 'duties-done')!;
    expect(duties.points).toBe(0);
    expect(duties.inputs[0]!.fact).toMatchObject({ value: 0, basis: { numerator: 0, denominator: 1 } });
    expect(duties.rule.en).toContain('30 points');
    expect(e.facts.duties_on_time).toMatchObject({
      table: 'duty_occurrences',
      counts: { total: 1, onTime: 0 },
    });
    const caseRate = score.indicators.find((i) => i.indicatorId === 'case-rate')!;
    expect(caseRate).toMatchObject({ points: 0, inputs: [{ key: 'case-rate', fact: { value: 10 } }] });
    expect(e.facts['case-rate']).toMatchObject({
      table: 'indicator_values',
      ids: [`${v[3]!.id}/case-rate/2025`],
    });

    // Out of scope: town2's liaison does not see town1's period.
    const liaison2 = await t.login('liaison2');
    expect(
      (await liaison2.inject({ method: 'GET', url: `/api/v1/assessments/periods/${periodId}` })).statusCode,
    ).toBe(404);
  });

  it('reproduces the same results after unrelated changes; one changed input changes only its unit', async () => {
    const strip = (d: AssessmentPeriodDetail) => d.results;
    const first = strip(await results());
    const explanations = new Map(
      await Promise.all(v.map(async (u) => [u.id, (await explain(u.id)).unitScore] as const)),
    );

    // Unrelated: another period's values, a unit outside the subtree, a duty of another year.
    await setValue(v[0]!.id, 'case-rate', '2026', 9);
    await setValue(outside.id, 'case-rate', '2025', 7);
    await addDuty(outside.id, '2025-06-30', '2025-08-01');
    await addDuty(v[1]!.id, '2026-01-31', '2026-02-20');
    expect((await compute()).statusCode).toBe(200);
    expect(strip(await results())).toEqual(first);
    for (const u of v) expect((await explain(u.id)).unitScore).toEqual(explanations.get(u.id));

    // One input: V3's case rate 2 → 0.5 — only V3's case-rate indicator and score change; ranks follow.
    await setValue(v[2]!.id, 'case-rate', '2025', 0.5);
    expect((await compute()).statusCode).toBe(200);
    const after = byUnit((await results()).results);
    const before = byUnit(first);
    for (const u of v) {
      const scoreNow = (await explain(u.id)).unitScore as { indicators: { indicatorId: string }[] };
      if (u.id === v[2]!.id) {
        const old = explanations.get(u.id) as typeof scoreNow;
        const changed = scoreNow.indicators
          .filter((ind, i) => JSON.stringify(ind) !== JSON.stringify(old.indicators[i]))
          .map((ind) => ind.indicatorId);
        expect(changed).toEqual(['case-rate']);
      } else expect(scoreNow).toEqual(explanations.get(u.id));
    }
    expect(after.get(v[2]!.id)).toMatchObject({ score: 98, rank: 2, advanced: 'selected' });
    expect(after.get(v[1]!.id)).toMatchObject({
      score: before.get(v[1]!.id)!.score,
      rank: 3,
      advanced: 'below_cut_off',
    });
    for (const u of [v[0]!, v[3]!, v[4]!]) expect(after.get(u.id)).toEqual(before.get(u.id));
  });

  it('closing an annual period freezes it and records the failing units; a correction is a new version', async () => {
    // V4 already failed 2024: with 2025 that is two years running → the Zhejiang rule proposes a veto.
    const recorded = await operator.inject({
      method: 'POST',
      url: '/api/v1/accountability/assessment-failures',
      payload: { unitId: v[3]!.id, year: 2024 },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);

    const closed = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/close`,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().period).toMatchObject({ status: 'closed', version: 1 });
    expect(
      closed
        .json()
        .failuresRecorded.map((f: { unitId: number }) => f.unitId)
        .sort(),
    ).toEqual([v[3]!.id, v[4]!.id].sort());
    const failures = await t.db.query<{ unit_id: number; year: number }>(
      'SELECT unit_id, year FROM assessment_failures WHERE unit_id = ANY($1::bigint[]) ORDER BY unit_id, year',
      [v.map((u) => u.id)],
    );
    expect(failures).toEqual(
      [
        { unit_id: v[3]!.id, year: 2024 },
        { unit_id: v[3]!.id, year: 2025 },
        { unit_id: v[4]!.id, year: 2025 },
      ].sort((a, b) => a.unit_id - b.unit_id || a.year - b.year),
    );
    const proposals = await t.db.query<{ step: string }>(
      'SELECT step FROM accountability_proposals WHERE unit_id = $1',
      [v[3]!.id],
    );
    expect(proposals.map((p) => p.step)).toContain('veto');

    const [audited] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'accountability.assessment_failure_recorded'
          AND target_id = ANY($1::text[])`,
      [[String(v[3]!.id), String(v[4]!.id)]],
    );
    // V4's 2024 failure (recorded by hand) and the two recorded on closing.
    expect(audited!.n).toBe(3);

    const frozen = await results();
    // Frozen: the API refuses to compute or close again; SQL refuses to change or delete rows.
    expect((await compute()).statusCode).toBe(409);
    expect(
      (await operator.inject({ method: 'POST', url: `/api/v1/assessments/periods/${periodId}/close` }))
        .statusCode,
    ).toBe(409);
    await expect(
      t.db.query('UPDATE assessment_result_sets SET scores = scores WHERE period_id = $1', [periodId]),
    ).rejects.toThrow(/closed|关闭/);
    await expect(
      t.db.query('DELETE FROM assessment_result_sets WHERE period_id = $1', [periodId]),
    ).rejects.toThrow(/closed|关闭/);
    await expect(t.db.query('TRUNCATE assessment_result_sets')).rejects.toThrow(/truncate|清空/);
    await expect(
      t.db.query(`UPDATE assessment_periods SET status = 'open', closed_at = NULL WHERE id = $1`, [periodId]),
    ).rejects.toThrow(/closed|关闭/);
    // A new set for the closed version (not a correction's higher version) is refused.
    await expect(
      t.db.query(
        `INSERT INTO assessment_result_sets
           SELECT period_id, 1, rulebook_id, rulebook_version, computed_at, reason, facts_as_of, indicator_ids,
                  fact_keys, unit_ids, unit_kinds, unit_depths, scores, grade_ids, grade_failing, vetoed, rank_groups,
                  ranks, not_ranked, advanced, indicators_with_data, points, fact_values, fact_numerators,
                  fact_denominators, fact_previous, advanced_reasons, advanced_groups
             FROM assessment_result_sets WHERE period_id = $1 AND version = 1`,
        [periodId],
      ),
    ).rejects.toThrow(/closed|关闭/);
    // The per-unit view of the results cannot be written at all.
    await expect(
      t.db.query('UPDATE assessment_results SET score = 0 WHERE period_id = $1', [periodId]),
    ).rejects.toThrow();

    // Re-running the closed period reproduces the stored results exactly, and stores nothing.
    const setsBefore = await counts();
    const verified = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/verify`,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      version: 1,
      identical: true,
      differing: 0,
      differences: [],
      units: frozen.results.length,
    });
    expect(await counts()).toEqual(setsBefore);

    // A bad correction changes nothing.
    const before = await counts();
    const bad = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/corrections`,
      payload: { reason: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    // A correction: V3's corrected value gives version 2; version 1 stays as it was.
    await setValue(v[2]!.id, 'case-rate', '2025', 5);
    const corrected = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/corrections`,
      payload: { reason: '三村发案率数据更正' },
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json().period).toMatchObject({ status: 'closed', version: 2 });
    const v2 = byUnit((await results()).results);
    expect(v2.get(v[2]!.id)).toMatchObject({ score: 80, gradeId: 'pass' });
    const v1rows = await t.db.query<{ unit_id: number; score: number }>(
      'SELECT unit_id, score FROM assessment_results WHERE period_id = $1 AND version = 1 ORDER BY unit_id',
      [periodId],
    );
    expect(v1rows).toEqual(
      frozen.results
        .map((r) => ({ unit_id: r.unitId, score: r.score }))
        .sort((a, b) => a.unit_id - b.unit_id),
    );
    const e = await explain(v[2]!.id);
    expect(e).toMatchObject({ version: 2, reason: '三村发案率数据更正' });
    // Data changed after the computation (a late duty of Q4): the stored score stands, the explanation
    // still shows the facts as counted and names the fact whose rows have changed since.
    const steady = await explain(v[0]!.id);
    expect(steady.factsChanged).toEqual([]);
    await addDuty(v[0]!.id, '2025-11-30', '2025-12-20');
    const moved = await explain(v[0]!.id);
    expect(moved.factsChanged).toEqual(['duties_on_time']);
    expect(moved.result).toEqual(steady.result);
    expect((moved.unitScore as { score: number }).score).toBe((steady.unitScore as { score: number }).score);
    // …and a re-run names that unit and what differs; other units differ at most in their ranks.
    const rerun = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/verify`,
    });
    expect(rerun.json()).toMatchObject({ version: 2, identical: false });
    const diffs = rerun.json().differences as { unitId: number; fields: string[] }[];
    expect(diffs.find((d) => d.unitId === v[0]!.id)?.fields).toEqual(
      expect.arrayContaining(['facts', 'points', 'score']),
    );
    for (const d of diffs.filter((x) => x.unitId !== v[0]!.id))
      expect(
        d.fields.every((f) => ['rank', 'advanced'].includes(f)),
        JSON.stringify(d),
      ).toBe(true);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'assessment_period' AND target_id = $1 ORDER BY id`,
      [String(periodId)],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'assessment.period_opened',
        'assessment.computed',
        'assessment.closed',
        'assessment.corrected',
      ]),
    );
  });

  it('a quarterly check scores the quarter but neither ranks, grades nor records failures', async () => {
    const opened = await operator.inject({
      method: 'POST',
      url: '/api/v1/assessments/periods',
      payload: { unitId: t.world.units.town1.id, kind: 'quarter', periodKey: '2025-Q2' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    expect((await compute(id)).statusCode).toBe(200);
    const rows = byUnit((await results(id)).results);
    // No case rate entered for 2025-Q2 (excluded); V4's late duty was due in Q2: 30 of 60 → 50.
    expect(rows.get(v[3]!.id)).toMatchObject({
      score: 50,
      gradeId: null,
      failing: false,
      rank: null,
      notRanked: 'period_not_ranked',
      advanced: 'not_applicable',
    });
    expect(rows.get(v[0]!.id)).toMatchObject({ score: 100, advanced: 'not_applicable', advancedReasons: [] });
    const before = await counts();
    const closed = await operator.inject({ method: 'POST', url: `/api/v1/assessments/periods/${id}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().failuresRecorded).toEqual([]);
    expect((await counts()).f).toBe(before.f);
  });

  it('exports the ranking table as .xlsx, audited', async () => {
    const res = await operator.inject({
      method: 'GET',
      url: `/api/v1/assessments/periods/${periodId}/results.xlsx`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const list = await operator.inject({ method: 'GET', url: '/api/v1/assessments/periods' });
    expect(list.json().items.map((p: { id: number }) => p.id)).toContain(periodId);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'assessment.exported' AND target_id = $1`,
      [String(periodId)],
    );
    expect(audit!.n).toBe(1);
  });
});
