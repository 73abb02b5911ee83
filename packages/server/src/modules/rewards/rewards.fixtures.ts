import type { Queryable } from '../../db/client';
import { insertResultSet } from '../assessment/assessment.repository';

/**
 * Test fixture: a closed annual assessment period (2025) rooted at `rootUnitId` whose results are
 * given directly (rank, advanced outcome), with the national rulebook's 评先比例 (20 %, floor) and
 * its stored 先进个人名额 parameter (`advancedIndividuals`, changed by `individuals`; `null` leaves it
 * out, as in periods frozen before it existed) frozen into its rules. The rulebook presets must be loaded.
 */
export const seedClosedYearPeriod = async (
  q: Queryable,
  rootUnitId: number,
  results: { unitId: number; rank: number | null; advanced: string; grade?: string | null; score?: number }[],
  advanced = { quotaPercent: 20, rounding: 'floor' },
  individuals: Record<string, unknown> | null = {},
) => {
  const [rb] = await q.query<{ version: number; body: unknown }>(
    `SELECT version, body FROM rulebook_versions WHERE rulebook_id = 'national-2016' ORDER BY version DESC LIMIT 1`,
  );
  const version = rb!.version;
  const body = (typeof rb!.body === 'string' ? JSON.parse(rb!.body) : rb!.body) as {
    indicators: { assessment: { advancedIndividuals: Record<string, unknown> } };
  };
  const rules = {
    assessment: {
      advanced: { ...advanced, ties: 'all_out', eligibleGrades: ['excellent'] },
      ...(individuals && {
        advancedIndividuals: { ...body.indicators.assessment.advancedIndividuals, ...individuals },
      }),
    },
  };
  const [p] = await q.query<{ id: number }>(
    `INSERT INTO assessment_periods (root_unit_id, rulebook_id, rulebook_version, rules, kind, period_key, period_start,
                                     period_end, status, version, computed_at, opened_at, opened_by)
     VALUES ($1, 'national-2016', $2, $3, 'year', '2025', '2025-01-01', '2025-12-31', 'open', 1, now(), now(), 'fixture')
     RETURNING id`,
    [rootUnitId, version, JSON.stringify(rules)],
  );
  const periodId = p!.id;
  await insertResultSet(q, {
    periodId,
    version: 1,
    rulebookId: 'national-2016',
    rulebookVersion: version,
    computedAt: new Date(),
    reason: null,
    factsAsOf: '2026-01-05',
    indicatorIds: [],
    factKeys: [],
    unitIds: results.map((r) => r.unitId),
    unitKinds: results.map(() => 'village'),
    unitDepths: results.map(() => 3),
    scores: results.map((r) => r.score ?? 90),
    gradeIds: results.map((r) => (r.grade === undefined ? 'excellent' : r.grade)),
    gradeFailing: results.map(() => false),
    vetoed: results.map(() => false),
    rankGroups: results.map(() => 'village'),
    ranks: results.map((r) => r.rank),
    notRanked: results.map((r) => (r.rank === null ? 'no_score' : null)),
    advanced: results.map((r) => r.advanced),
    indicatorsWithData: results.map(() => 0),
    points: [],
    factValues: [],
    factNumerators: [],
    factDenominators: [],
    factPrevious: [],
    advancedReasons: {},
    advancedGroups: {},
  });
  await q.query(
    `UPDATE assessment_periods SET status = 'closed', closed_at = now(), closed_by = 'fixture' WHERE id = $1`,
    [periodId],
  );
  return { periodId, rulebookVersion: version };
};

/** Test fixture: an accountability bar on a person or unit (as refreshEligibility would derive it). */
export const seedBar = async (
  q: Queryable,
  b: {
    personId?: number;
    unitId?: number;
    bar: 'comprehensive_honours' | 'award' | 'promotion';
    caseUnitId: number;
    caseId: number;
    from: string;
    to: string | null;
    decidedOn: string;
  },
) => {
  const [rb] = await q.query<{ version: number }>(
    `SELECT max(version)::int AS version FROM rulebook_versions WHERE rulebook_id = 'national-2016'`,
  );
  await q.query(
    `INSERT INTO eligibility_bars (case_id, step_id, person_id, unit_id, bar, from_date, to_date, step, case_unit_id,
                                   decided_on, relevant_on, window_id, months, roles, citation, rulebook_id, rulebook_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'notice', $8, $9, $9, 'notice-honours', 12, $10, $11, 'national-2016', $12)`,
    [
      b.caseId,
      b.caseId * 10,
      b.personId ?? null,
      b.unitId ?? null,
      b.bar,
      b.from,
      b.to,
      b.caseUnitId,
      b.decidedOn,
      b.personId ? ['principal'] : [],
      JSON.stringify({ doc: 'zhuzhou-2016', article: '第二十九条' }),
      rb!.version,
    ],
  );
};
