import type { AssessmentPeriodSummary, AssessmentResultRow } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { PeriodKind } from './assessment-period-key';

export type PeriodRow = AssessmentPeriodSummary & {
  rootPath: string;
  rules: unknown;
};

type RawPeriod = {
  id: number;
  root_unit_id: number;
  root_unit_name: string;
  root_path: string;
  rulebook_id: string;
  rulebook_version: number;
  rules: unknown;
  kind: PeriodKind;
  period_key: string;
  period_start: string;
  period_end: string;
  status: 'open' | 'closed';
  version: number;
  computed_at: Date | null;
  closed_at: Date | null;
};

const PERIOD_COLUMNS = `p.id, p.root_unit_id, u.name AS root_unit_name, u.path AS root_path, p.rulebook_id,
  p.rulebook_version, p.rules, p.kind, p.period_key, p.period_start, p.period_end, p.status, p.version,
  p.computed_at, p.closed_at`;

const toPeriod = (r: RawPeriod): PeriodRow => ({
  id: r.id,
  rootUnitId: r.root_unit_id,
  rootUnitName: r.root_unit_name,
  rootPath: r.root_path,
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
  rules: r.rules,
  kind: r.kind,
  periodKey: r.period_key,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  status: r.status,
  version: r.version,
  computedAt: r.computed_at?.toISOString() ?? null,
  closedAt: r.closed_at?.toISOString() ?? null,
});

/** The public view of a period (without its rules snapshot and path). */
export const presentPeriod = ({ rootPath: _p, rules: _r, ...rest }: PeriodRow): AssessmentPeriodSummary =>
  rest;

export const findPeriod = async (q: Queryable, id: number, lock = false): Promise<PeriodRow | undefined> => {
  const [row] = await q.query<RawPeriod>(
    `SELECT ${PERIOD_COLUMNS} FROM assessment_periods p JOIN units u ON u.id = p.root_unit_id WHERE p.id = $1
     ${lock ? 'FOR UPDATE OF p' : ''}`,
    [id],
  );
  return row && toPeriod(row);
};

export const listPeriods = async (q: Queryable, rootUnitId?: number): Promise<PeriodRow[]> =>
  (
    await q.query<RawPeriod>(
      `SELECT ${PERIOD_COLUMNS} FROM assessment_periods p JOIN units u ON u.id = p.root_unit_id
        ${rootUnitId === undefined ? '' : 'WHERE p.root_unit_id = $1'}
        ORDER BY p.period_start DESC, p.id DESC`,
      rootUnitId === undefined ? [] : [rootUnitId],
    )
  ).map(toPeriod);

export const insertPeriod = async (
  q: Queryable,
  p: {
    rootUnitId: number;
    rulebookId: string;
    rulebookVersion: number;
    rules: unknown;
    kind: PeriodKind;
    periodKey: string;
    start: string;
    end: string;
    now: Date;
    by: string;
    byAccountId: number | null;
  },
): Promise<number | undefined> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO assessment_periods (root_unit_id, rulebook_id, rulebook_version, rules, kind, period_key,
                                     period_start, period_end, status, opened_at, opened_by, opened_by_account_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11)
     ON CONFLICT (root_unit_id, kind, period_key) DO NOTHING RETURNING id`,
    [
      p.rootUnitId,
      p.rulebookId,
      p.rulebookVersion,
      JSON.stringify(p.rules),
      p.kind,
      p.periodKey,
      p.start,
      p.end,
      p.now,
      p.by,
      p.byAccountId,
    ],
  );
  return row?.id;
};

export type UnitOfTree = { id: number; name: string; kind: string; path: string; depth: number };

/** The current units below the root (the root itself is the assessing body, not assessed). */
export const listUnitsBelow = async (
  q: Queryable,
  root: { id: number; path: string },
): Promise<UnitOfTree[]> =>
  q.query<UnitOfTree>(
    `SELECT id, name, kind, path, depth FROM units
      WHERE path LIKE $1 AND id <> $2 AND valid_to IS NULL ORDER BY id`,
    [`${root.path}%`, root.id],
  );

export type HonourBar = {
  barId: number;
  unitId: number;
  bar: string;
  step: string;
  caseId: number;
  fromDate: string;
  toDate: string | null;
};

/** Bars on comprehensive honours (a unit's 评先) in force on `date`, for these units. */
export const listHonourBars = async (
  q: Queryable,
  unitIds: readonly number[],
  date: string,
): Promise<HonourBar[]> =>
  (
    await q.query<{
      id: number;
      unit_id: number;
      bar: string;
      step: string;
      case_id: number;
      from_date: string;
      to_date: string | null;
    }>(
      `SELECT id, unit_id, bar, step, case_id, from_date, to_date FROM eligibility_bars
        WHERE unit_id = ANY($1::bigint[]) AND bar = 'comprehensive_honours'
          AND from_date <= $2 AND (to_date IS NULL OR to_date > $2)
        ORDER BY unit_id, id`,
      [unitIds, date],
    )
  ).map((r) => ({
    barId: r.id,
    unitId: r.unit_id,
    bar: r.bar,
    step: r.step,
    caseId: r.case_id,
    fromDate: r.from_date,
    toDate: r.to_date,
  }));

export type NewResult = {
  unitId: number;
  unitKind: string;
  unitDepth: number;
  score: number | null;
  gradeId: string | null;
  gradeFailing: boolean;
  vetoed: boolean;
  group: string;
  rank: number | null;
  notRanked: string | null;
  advanced: string;
  advancedReasons: unknown[];
  explanation: unknown;
};

export const deleteResultsOfVersion = async (q: Queryable, periodId: number, version: number) =>
  q.query('DELETE FROM assessment_results WHERE period_id = $1 AND version = $2', [periodId, version]);

export const insertResults = async (
  q: Queryable,
  p: {
    periodId: number;
    version: number;
    rulebookId: string;
    rulebookVersion: number;
    computedAt: Date;
    reason: string | null;
  },
  rows: readonly NewResult[],
) => {
  // In slices: one statement for 25,000 units' explanations (~150 MB of JSON) ran PGlite out of memory.
  for (let i = 0; i < rows.length; i += RESULTS_PER_INSERT)
    await insertResultSlice(q, p, rows.slice(i, i + RESULTS_PER_INSERT));
};

/** Rows per INSERT: each carries its explanation (a few kB), so a slice stays a few MB. */
const RESULTS_PER_INSERT = 1_000;

const insertResultSlice = async (
  q: Queryable,
  p: Parameters<typeof insertResults>[1],
  rows: readonly NewResult[],
) => {
  await q.query(
    `INSERT INTO assessment_results (period_id, version, unit_id, unit_kind, unit_depth, score, grade_id, grade_failing,
                                     vetoed, rank_group, rank, not_ranked, advanced, advanced_reasons, explanation,
                                     rulebook_id, rulebook_version, computed_at, reason)
     SELECT $1, $2, r.unit_id, r.unit_kind, r.unit_depth, r.score, r.grade_id, r.grade_failing, r.vetoed, r.rank_group,
            r.rank, r.not_ranked, r.advanced, r.advanced_reasons, r.explanation, $3, $4, $5, $6
       FROM jsonb_to_recordset($7::jsonb) AS r(unit_id bigint, unit_kind text, unit_depth integer,
            score double precision, grade_id text, grade_failing boolean, vetoed boolean, rank_group text,
            rank integer, not_ranked text, advanced text, advanced_reasons jsonb, explanation jsonb)`,
    [
      p.periodId,
      p.version,
      p.rulebookId,
      p.rulebookVersion,
      p.computedAt,
      p.reason,
      JSON.stringify(
        rows.map((r) => ({
          unit_id: r.unitId,
          unit_kind: r.unitKind,
          unit_depth: r.unitDepth,
          score: r.score,
          grade_id: r.gradeId,
          grade_failing: r.gradeFailing,
          vetoed: r.vetoed,
          rank_group: r.group,
          rank: r.rank,
          not_ranked: r.notRanked,
          advanced: r.advanced,
          advanced_reasons: r.advancedReasons,
          explanation: r.explanation,
        })),
      ),
    ],
  );
};

export const setPeriodComputed = async (q: Queryable, id: number, version: number, now: Date) =>
  q.query('UPDATE assessment_periods SET version = $2, computed_at = $3 WHERE id = $1', [id, version, now]);

export const setPeriodClosed = async (q: Queryable, id: number, now: Date, by: string) =>
  q.query(`UPDATE assessment_periods SET status = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1`, [
    id,
    now,
    by,
  ]);

export type StoredResult = AssessmentResultRow & {
  unitPath: string;
  explanation: { unitScore: unknown; facts: Record<string, unknown> };
  rulebookId: string;
  rulebookVersion: number;
  computedAt: string;
  reason: string | null;
};

type RawResult = {
  unit_id: number;
  unit_name: string;
  unit_path: string;
  unit_kind: string;
  unit_depth: number;
  score: number | null;
  grade_id: string | null;
  grade_failing: boolean;
  vetoed: boolean;
  rank_group: string;
  rank: number | null;
  not_ranked: AssessmentResultRow['notRanked'];
  advanced: string;
  advanced_reasons: AssessmentResultRow['advancedReasons'];
  explanation: StoredResult['explanation'];
  rulebook_id: string;
  rulebook_version: number;
  computed_at: Date;
  reason: string | null;
};

const toResult = (r: RawResult): StoredResult => {
  const grade = (r.explanation.unitScore as { grade?: { name: { zh: string; en: string } } | null } | null)
    ?.grade;
  return {
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    unitKind: r.unit_kind,
    unitDepth: r.unit_depth,
    score: r.score,
    gradeId: r.grade_id,
    gradeName: grade?.name ?? null,
    failing: r.grade_failing,
    vetoed: r.vetoed,
    group: r.rank_group,
    rank: r.rank,
    notRanked: r.not_ranked,
    advanced: r.advanced,
    advancedReasons: r.advanced_reasons,
    explanation: r.explanation,
    rulebookId: r.rulebook_id,
    rulebookVersion: r.rulebook_version,
    computedAt: r.computed_at.toISOString(),
    reason: r.reason,
  };
};

/** The results of one version, ranking order (group, rank, unit), optionally of one unit. */
export const listResults = async (
  q: Queryable,
  periodId: number,
  version: number,
  unitId?: number,
): Promise<StoredResult[]> =>
  (
    await q.query<RawResult>(
      `SELECT r.unit_id, u.name AS unit_name, u.path AS unit_path, r.unit_kind, r.unit_depth, r.score, r.grade_id,
              r.grade_failing, r.vetoed, r.rank_group, r.rank, r.not_ranked, r.advanced, r.advanced_reasons,
              r.explanation, r.rulebook_id, r.rulebook_version, r.computed_at, r.reason
         FROM assessment_results r JOIN units u ON u.id = r.unit_id
        WHERE r.period_id = $1 AND r.version = $2 ${unitId === undefined ? '' : 'AND r.unit_id = $3'}
        ORDER BY r.rank_group, r.rank NULLS LAST, r.unit_id`,
      unitId === undefined ? [periodId, version] : [periodId, version, unitId],
    )
  ).map(toResult);

export const presentResult = ({
  unitPath: _p,
  explanation: _e,
  rulebookId: _r,
  rulebookVersion: _v,
  computedAt: _c,
  reason: _re,
  ...row
}: StoredResult): AssessmentResultRow => row;
