import type { AssessmentPeriodSummary, AssessmentResultRow } from '@zongzhi/contracts';
import { arrayLiteral } from '../../db/array-literal';
import { decodeFigures, encodeFigures } from '../../db/float-matrix';
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

export type HonourBar = {
  barId: number;
  unitId: number;
  bar: string;
  step: string;
  caseId: number;
  fromDate: string;
  toDate: string | null;
};

/** Bars on comprehensive honours (a unit's 评先) in force on `date`, for the units below the root. */
export const listHonourBars = async (
  q: Queryable,
  root: { path: string },
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
      `SELECT b.id, b.unit_id, b.bar, b.step, b.case_id, b.from_date, b.to_date
         FROM eligibility_bars b JOIN units u ON u.id = b.unit_id
        WHERE u.path LIKE $1 AND b.bar = 'comprehensive_honours'
          AND b.from_date <= $2 AND (b.to_date IS NULL OR b.to_date > $2)
        ORDER BY b.unit_id, b.id`,
      [`${root.path}%`, date],
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

/**
 * One computation's results (assessment_result_sets): per unit, in ranking order, its figures; per
 * unit × indicator its points and per unit × fact key its fact (row-major, see the migration).
 */
export type NewResultSet = {
  periodId: number;
  version: number;
  rulebookId: string;
  rulebookVersion: number;
  computedAt: Date;
  reason: string | null;
  factsAsOf: string;
  indicatorIds: string[];
  factKeys: string[];
  unitIds: number[];
  unitKinds: string[];
  unitDepths: number[];
  scores: (number | null)[];
  gradeIds: (string | null)[];
  gradeFailing: boolean[];
  vetoed: boolean[];
  rankGroups: string[];
  ranks: (number | null)[];
  notRanked: (string | null)[];
  advanced: string[];
  indicatorsWithData: number[];
  points: (number | null)[];
  factValues: (number | null)[];
  factNumerators: (number | null)[];
  factDenominators: (number | null)[];
  factPrevious: (number | null)[];
  advancedReasons: Record<string, unknown[]>;
  advancedGroups: Record<string, unknown>;
};

export const deleteResultsOfVersion = async (q: Queryable, periodId: number, version: number) =>
  q.query('DELETE FROM assessment_result_sets WHERE period_id = $1 AND version = $2', [periodId, version]);

/**
 * Stores a computation as one row: each per-unit array is one parameter, an array literal, and each
 * matrix its figures as base64 bytes (no JSON, and no number printed or parsed per figure).
 */
export const insertResultSet = async (q: Queryable, s: NewResultSet) => {
  await q.query(
    `INSERT INTO assessment_result_sets (
       period_id, version, rulebook_id, rulebook_version, computed_at, reason, facts_as_of, indicator_ids, fact_keys,
       unit_ids, unit_kinds, unit_depths, scores, grade_ids, grade_failing, vetoed, rank_groups, ranks, not_ranked,
       advanced, indicators_with_data, points, fact_values, fact_numerators, fact_denominators, fact_previous,
       advanced_reasons, advanced_groups)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10::bigint[], $11::text[], $12::int[],
             $13::float8[], $14::text[], $15::boolean[], $16::boolean[], $17::text[], $18::int[], $19::text[],
             $20::text[], $21::int[], decode($22, 'base64'), decode($23, 'base64'), decode($24, 'base64'),
             decode($25, 'base64'), decode($26, 'base64'), $27::jsonb, $28::jsonb)`,
    [
      s.periodId,
      s.version,
      s.rulebookId,
      s.rulebookVersion,
      s.computedAt,
      s.reason,
      s.factsAsOf,
      arrayLiteral(s.indicatorIds),
      arrayLiteral(s.factKeys),
      arrayLiteral(s.unitIds),
      arrayLiteral(s.unitKinds),
      arrayLiteral(s.unitDepths),
      arrayLiteral(s.scores),
      arrayLiteral(s.gradeIds),
      arrayLiteral(s.gradeFailing),
      arrayLiteral(s.vetoed),
      arrayLiteral(s.rankGroups),
      arrayLiteral(s.ranks),
      arrayLiteral(s.notRanked),
      arrayLiteral(s.advanced),
      arrayLiteral(s.indicatorsWithData),
      encodeFigures(s.points),
      encodeFigures(s.factValues),
      encodeFigures(s.factNumerators),
      encodeFigures(s.factDenominators),
      encodeFigures(s.factPrevious),
      JSON.stringify(s.advancedReasons),
      JSON.stringify(s.advancedGroups),
    ],
  );
};

/** A whole stored computation, as computeResultSet returns one (to compare a re-run with it). */
export const findResultSet = async (
  q: Queryable,
  periodId: number,
  version: number,
): Promise<NewResultSet | undefined> => {
  const [r] = await q.query<Record<string, unknown>>(
    `SELECT period_id, version, rulebook_id, rulebook_version, computed_at, reason, facts_as_of, indicator_ids,
            fact_keys, unit_ids, unit_kinds, unit_depths, scores, grade_ids, grade_failing, vetoed, rank_groups, ranks,
            not_ranked, advanced, indicators_with_data, points, fact_values, fact_numerators, fact_denominators,
            fact_previous, advanced_reasons, advanced_groups
       FROM assessment_result_sets WHERE period_id = $1 AND version = $2`,
    [periodId, version],
  );
  if (!r) return undefined;
  return {
    periodId: r.period_id as number,
    version: r.version as number,
    rulebookId: r.rulebook_id as string,
    rulebookVersion: r.rulebook_version as number,
    computedAt: r.computed_at as Date,
    reason: r.reason as string | null,
    factsAsOf: r.facts_as_of as string,
    indicatorIds: r.indicator_ids as string[],
    factKeys: r.fact_keys as string[],
    unitIds: r.unit_ids as number[],
    unitKinds: r.unit_kinds as string[],
    unitDepths: r.unit_depths as number[],
    scores: r.scores as (number | null)[],
    gradeIds: r.grade_ids as (string | null)[],
    gradeFailing: r.grade_failing as boolean[],
    vetoed: r.vetoed as boolean[],
    rankGroups: r.rank_groups as string[],
    ranks: r.ranks as (number | null)[],
    notRanked: r.not_ranked as (string | null)[],
    advanced: r.advanced as string[],
    indicatorsWithData: r.indicators_with_data as number[],
    points: decodeFigures(r.points as Uint8Array),
    factValues: decodeFigures(r.fact_values as Uint8Array),
    factNumerators: decodeFigures(r.fact_numerators as Uint8Array),
    factDenominators: decodeFigures(r.fact_denominators as Uint8Array),
    factPrevious: decodeFigures(r.fact_previous as Uint8Array),
    advancedReasons: r.advanced_reasons as Record<string, unknown[]>,
    advancedGroups: r.advanced_groups as Record<string, unknown>,
  };
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
  position: number;
  indicatorsWithData: number;
  rulebookId: string;
  rulebookVersion: number;
  computedAt: string;
  reason: string | null;
};

type RawResult = {
  position: number;
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
  indicators_with_data: number;
  advanced_reasons: AssessmentResultRow['advancedReasons'];
  rulebook_id: string;
  rulebook_version: number;
  computed_at: Date;
  reason: string | null;
};

/** The grades of a period's frozen rules, by id (a result names its grade by id). */
const gradeNamesOf = (period: PeriodRow) => {
  const grades =
    (period.rules as { grades?: { id: string; name: { zh: string; en: string } }[] }).grades ?? [];
  return new Map(grades.map((g) => [g.id, g.name]));
};

/** A result row as the API shows it, its grade named from the period's frozen rules. */
const toStoredResult =
  (gradeNames: ReadonlyMap<string, { zh: string; en: string }>) =>
  (r: RawResult): StoredResult => ({
    position: r.position,
    unitId: Number(r.unit_id),
    unitName: r.unit_name,
    unitPath: r.unit_path,
    unitKind: r.unit_kind,
    unitDepth: r.unit_depth,
    score: r.score,
    gradeId: r.grade_id,
    gradeName: r.grade_id === null ? null : (gradeNames.get(r.grade_id) ?? null),
    failing: r.grade_failing,
    vetoed: r.vetoed,
    group: r.rank_group,
    rank: r.rank,
    notRanked: r.not_ranked,
    advanced: r.advanced,
    advancedReasons: r.advanced_reasons,
    indicatorsWithData: r.indicators_with_data,
    rulebookId: r.rulebook_id,
    rulebookVersion: r.rulebook_version,
    computedAt: r.computed_at.toISOString(),
    reason: r.reason,
  });

/** The results of one version, ranking order (group, rank, unit), optionally of one unit. */
export const listResults = async (
  q: Queryable,
  period: PeriodRow,
  version: number,
  unitId?: number,
): Promise<StoredResult[]> =>
  unitId !== undefined
    ? findUnitResult(q, period, version, unitId)
    : (
        await q.query<RawResult>(
          `SELECT r.position::int AS position, r.unit_id, u.name AS unit_name, u.path AS unit_path, r.unit_kind,
                  r.unit_depth, r.score, r.grade_id, r.grade_failing, r.vetoed, r.rank_group, r.rank, r.not_ranked,
                  r.advanced, r.indicators_with_data, r.advanced_reasons, r.rulebook_id, r.rulebook_version,
                  r.computed_at, r.reason
             FROM assessment_results r JOIN units u ON u.id = r.unit_id
            WHERE r.period_id = $1 AND r.version = $2
            ORDER BY r.position`,
          [period.id, version],
        )
      ).map(toStoredResult(gradeNamesOf(period)));

/**
 * One unit's result: its position found in the set's unit ids and each array read at it, instead
 * of unnesting the whole set (30 ms at 25,000 units through the view).
 */
const findUnitResult = async (
  q: Queryable,
  period: PeriodRow,
  version: number,
  unitId: number,
): Promise<StoredResult[]> =>
  (
    await q.query<RawResult>(
      `SELECT p.pos AS position, s.unit_ids[p.pos] AS unit_id, u.name AS unit_name, u.path AS unit_path,
              s.unit_kinds[p.pos] AS unit_kind, s.unit_depths[p.pos] AS unit_depth, s.scores[p.pos] AS score,
              s.grade_ids[p.pos] AS grade_id, s.grade_failing[p.pos] AS grade_failing, s.vetoed[p.pos] AS vetoed,
              s.rank_groups[p.pos] AS rank_group, s.ranks[p.pos] AS rank, s.not_ranked[p.pos] AS not_ranked,
              s.advanced[p.pos] AS advanced, s.indicators_with_data[p.pos] AS indicators_with_data,
              COALESCE(s.advanced_reasons -> (s.unit_ids[p.pos])::text, '[]'::jsonb) AS advanced_reasons,
              s.rulebook_id, s.rulebook_version, s.computed_at, s.reason
         FROM assessment_result_sets s
        CROSS JOIN LATERAL (SELECT array_position(s.unit_ids, $3::bigint) AS pos) p
         JOIN units u ON u.id = s.unit_ids[p.pos]
        WHERE s.period_id = $1 AND s.version = $2`,
      [period.id, version, unitId],
    )
  ).map(toStoredResult(gradeNamesOf(period)));

/** One unit's stored facts and points in a set: the slices of the row-major arrays at its position. */
export type StoredUnitCells = {
  factsAsOf: string;
  indicatorIds: string[];
  factKeys: string[];
  points: (number | null)[];
  factValues: (number | null)[];
  factNumerators: (number | null)[];
  factDenominators: (number | null)[];
  factPrevious: (number | null)[];
  /** The unit's ranking group: its size, places and how many were chosen. */
  group: unknown;
};

export const findUnitCells = async (
  q: Queryable,
  p: { periodId: number; version: number; position: number; group: string },
): Promise<StoredUnitCells | undefined> => {
  const [row] = await q.query<{
    facts_as_of: string;
    indicator_ids: string[];
    fact_keys: string[];
    points: Uint8Array | null;
    fact_values: Uint8Array | null;
    fact_numerators: Uint8Array | null;
    fact_denominators: Uint8Array | null;
    fact_previous: Uint8Array | null;
    grp: unknown;
  }>(
    `SELECT facts_as_of, indicator_ids, fact_keys,
            substring(points FROM ($3 - 1) * cardinality(indicator_ids) * 8 + 1 FOR cardinality(indicator_ids) * 8)
              AS points,
            substring(fact_values FROM ($3 - 1) * cardinality(fact_keys) * 8 + 1 FOR cardinality(fact_keys) * 8)
              AS fact_values,
            substring(fact_numerators FROM ($3 - 1) * cardinality(fact_keys) * 8 + 1 FOR cardinality(fact_keys) * 8)
              AS fact_numerators,
            substring(fact_denominators FROM ($3 - 1) * cardinality(fact_keys) * 8 + 1 FOR cardinality(fact_keys) * 8)
              AS fact_denominators,
            substring(fact_previous FROM ($3 - 1) * cardinality(fact_keys) * 8 + 1 FOR cardinality(fact_keys) * 8)
              AS fact_previous,
            advanced_groups -> $4 AS grp
       FROM assessment_result_sets WHERE period_id = $1 AND version = $2`,
    [p.periodId, p.version, p.position, p.group],
  );
  if (!row) return undefined;
  return {
    factsAsOf: row.facts_as_of,
    indicatorIds: row.indicator_ids,
    factKeys: row.fact_keys,
    points: decodeFigures(row.points),
    factValues: decodeFigures(row.fact_values),
    factNumerators: decodeFigures(row.fact_numerators),
    factDenominators: decodeFigures(row.fact_denominators),
    factPrevious: decodeFigures(row.fact_previous),
    group: row.grp ?? null,
  };
};

export const presentResult = ({
  unitPath: _p,
  position: _pos,
  indicatorsWithData: _i,
  rulebookId: _r,
  rulebookVersion: _v,
  computedAt: _c,
  reason: _re,
  ...row
}: StoredResult): AssessmentResultRow => row;

/** The ranking table's filters (issue 6 §5 at a province's size): scope, group, name, page. */
export type ResultFilter = {
  /** LIKE patterns of the caller's scope (scopePatterns). */
  scope: string[];
  group?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

const RESULT_SCOPE = `FROM assessment_results r JOIN units u ON u.id = r.unit_id
   WHERE r.period_id = $1 AND r.version = $2 AND u.path LIKE ANY($3::text[])`;
const NAME_MATCHES = '($4::text IS NULL OR strpos(lower(u.name), lower($4)) > 0)';

/**
 * A page of a version's results in the caller's scope, in ranking order, filtered by group and name,
 * with the number matching and every group's size in scope (the filters' choices).
 */
export const pageResults = async (
  q: Queryable,
  period: PeriodRow,
  version: number,
  f: ResultFilter,
): Promise<{ rows: StoredResult[]; total: number; groups: { group: string; units: number }[] }> => {
  const gradeNames = gradeNamesOf(period);
  const stats = await q.query<{ grp: string; units: number; matching: number }>(
    `SELECT r.rank_group AS grp, count(*)::int AS units, count(*) FILTER (WHERE ${NAME_MATCHES})::int AS matching
     ${RESULT_SCOPE}
     GROUP BY r.rank_group ORDER BY min(r.position)`,
    [period.id, version, f.scope, f.q ?? null],
  );
  const total = stats
    .filter((s) => f.group === undefined || s.grp === f.group)
    .reduce((a, s) => a + s.matching, 0);
  const columns = `r.position::int AS position, r.unit_id, u.name AS unit_name, u.path AS unit_path, r.unit_kind,
       r.unit_depth, r.score, r.grade_id, r.grade_failing, r.vetoed, r.rank_group, r.rank, r.not_ranked, r.advanced,
       r.indicators_with_data, r.advanced_reasons, r.rulebook_id, r.rulebook_version, r.computed_at, r.reason`;
  const filters = `${RESULT_SCOPE} AND ${NAME_MATCHES} AND ($5::text IS NULL OR r.rank_group = $5)`;
  const params = [period.id, version, f.scope, f.q ?? null, f.group ?? null];
  let raw: RawResult[] = [];
  if (total === 0 || (f.offset ?? 0) >= total) raw = [];
  else if (f.limit === undefined)
    raw = await q.query<RawResult>(`SELECT ${columns} ${filters} ORDER BY r.position OFFSET $6`, [
      ...params,
      f.offset ?? 0,
    ]);
  else {
    // A page: its positions first (no row built for the units skipped), then those rows whole.
    const positions = await q.query<{ position: number }>(
      `SELECT r.position::int AS position ${filters} ORDER BY r.position LIMIT $6 OFFSET $7`,
      [...params, f.limit, f.offset ?? 0],
    );
    raw = await q.query<RawResult>(
      `SELECT ${columns}
         FROM assessment_results r JOIN units u ON u.id = r.unit_id
        WHERE r.period_id = $1 AND r.version = $2 AND r.position = ANY($3::bigint[])
        ORDER BY r.position`,
      [period.id, version, arrayLiteral(positions.map((p) => p.position))],
    );
  }
  return {
    total,
    groups: stats.map((s) => ({ group: s.grp, units: s.units })),
    rows: raw.map(toStoredResult(gradeNames)),
  };
};

/** A unit one or two levels below a period's root, with the assessed units of its subtree in scope. */
export type ResultBranch = {
  unitId: number;
  unitName: string;
  level: number;
  parentId: number;
  units: number;
  meanScore: number | null;
  assessed: boolean;
  score: number | null;
};

/** The heat map's boxes: the root's children and grandchildren, each with its assessed units' mean score. */
export const listResultBranches = async (
  q: Queryable,
  period: PeriodRow,
  version: number,
  scope: string[],
): Promise<ResultBranch[]> => {
  const rows = await q.query<{
    unit_id: number;
    name: string;
    level: number;
    parent_id: number | null;
    units: number;
    mean: number | null;
    assessed: boolean;
    own_score: number | null;
  }>(
    `WITH b AS (
       SELECT split_part(rest, '/', 1) AS l1, split_part(rest, '/', 2) AS l2, split_part(rest, '/', 3) AS l3, score
         FROM (SELECT r.score, substr(u.path, length($4::text) + 1) AS rest
                 ${RESULT_SCOPE} AND u.path LIKE $4::text || '%') r
        WHERE rest <> ''
     ), agg AS (
       SELECT l1::bigint AS unit_id, 1 AS level, NULL::bigint AS parent_id, count(*)::int AS units, avg(score) AS mean,
              bool_or(l2 = '') AS assessed, max(score) FILTER (WHERE l2 = '') AS own_score
         FROM b GROUP BY l1
       UNION ALL
       SELECT l2::bigint, 2, l1::bigint, count(*)::int, avg(score), bool_or(l3 = ''), max(score) FILTER (WHERE l3 = '')
         FROM b WHERE l2 <> '' GROUP BY l1, l2
     )
     SELECT a.unit_id, u.name, a.level, a.parent_id, a.units, a.mean, a.assessed, a.own_score
       FROM agg a JOIN units u ON u.id = a.unit_id
      ORDER BY a.level, a.unit_id`,
    [period.id, version, scope, period.rootPath],
  );
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    unitName: r.name,
    level: r.level,
    parentId: r.parent_id === null ? period.rootUnitId : Number(r.parent_id),
    units: r.units,
    meanScore: r.mean === null ? null : Math.round(Number(r.mean) * 10) / 10,
    assessed: r.assessed,
    score: r.own_score,
  }));
};

/** The names of units by id (to name the units a verification lists). */
export const findUnitNames = async (q: Queryable, ids: readonly number[]): Promise<Map<number, string>> =>
  new Map(
    (
      await q.query<{ id: number; name: string }>('SELECT id, name FROM units WHERE id = ANY($1::bigint[])', [
        arrayLiteral(ids),
      ])
    ).map((r) => [Number(r.id), r.name]),
  );
