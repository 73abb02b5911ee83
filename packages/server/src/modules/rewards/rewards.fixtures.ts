import type { Queryable } from '../../db/client';

/**
 * Test fixture: a closed annual assessment period (2025) rooted at `rootUnitId` whose results are
 * given directly (rank, advanced outcome), with the national rulebook's 评先比例 (20 %, floor)
 * frozen into its rules. The rulebook presets must be loaded.
 */
export const seedClosedYearPeriod = async (
  q: Queryable,
  rootUnitId: number,
  results: { unitId: number; rank: number | null; advanced: string; grade?: string | null; score?: number }[],
  advanced = { quotaPercent: 20, rounding: 'floor' },
) => {
  const [rb] = await q.query<{ version: number }>(
    `SELECT max(version)::int AS version FROM rulebook_versions WHERE rulebook_id = 'national-2016'`,
  );
  const version = rb!.version;
  const rules = { assessment: { advanced: { ...advanced, ties: 'all_out', eligibleGrades: ['excellent'] } } };
  const [p] = await q.query<{ id: number }>(
    `INSERT INTO assessment_periods (root_unit_id, rulebook_id, rulebook_version, rules, kind, period_key, period_start,
                                     period_end, status, version, computed_at, opened_at, opened_by)
     VALUES ($1, 'national-2016', $2, $3, 'year', '2025', '2025-01-01', '2025-12-31', 'open', 1, now(), now(), 'fixture')
     RETURNING id`,
    [rootUnitId, version, JSON.stringify(rules)],
  );
  const periodId = p!.id;
  for (const r of results)
    await q.query(
      `INSERT INTO assessment_results (period_id, version, unit_id, unit_kind, unit_depth, score, grade_id, vetoed,
                                       rank_group, rank, not_ranked, advanced, explanation, rulebook_id,
                                       rulebook_version, computed_at)
       VALUES ($1, 1, $2, 'village', 3, $3, $4, false, 'village', $5, $6, $7, '{}', 'national-2016', $8, now())`,
      [
        periodId,
        r.unitId,
        r.score ?? 90,
        r.grade === undefined ? 'excellent' : r.grade,
        r.rank,
        r.rank === null ? 'no_score' : null,
        r.advanced,
        version,
      ],
    );
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
