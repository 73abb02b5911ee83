import type { FactValue, UnitFacts } from '@zongzhi/domain';
import { type TargetComparator, calculateSigningRate, compareWithThreshold } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { previousYearKey } from './assessment-period-key';

/** Where one fact of one unit came from: the table, the rows counted, and how. */
export type FactSource = {
  table: string;
  rule: string;
  counts: Record<string, number>;
  ids: string[];
};

/** A unit the computation assesses. */
export type AssessedUnit = { id: number; kind: string; depth: number };

/**
 * Which units' facts to collect:
 * - `subtree`: the assessed units below a root (the root itself is the assessing body), of the
 *   given kinds (null: every kind); `wholeTree` when the root's subtree holds every unit of the
 *   database, so the fact tables need no filter by unit (`subtreeIsWholeTree`);
 * - `ids`: these units (one unit's explanation).
 */
export type FactUnits =
  | { subtree: { id: number; path: string; wholeTree: boolean }; kinds: readonly string[] | null }
  | { ids: readonly number[] };

export type FactScope = {
  units: FactUnits;
  periodKey: string;
  start: string;
  end: string;
  year: number;
  /** China date the facts are counted on: duties and tasks not yet due then are not counted. */
  today: string;
};

export type FactTable = {
  /** In unit id order. */
  units: AssessedUnit[];
  /** Each unit's facts by measure key (`indicatorMeasureKeys`). */
  facts: Map<number, UnitFacts>;
  /** With `rows`: the rows behind each fact, per unit. */
  sources: Map<number, Record<string, FactSource>>;
};

/**
 * Whether the subtree of `root` (its path prefix) holds every unit: then the computation aggregates
 * the fact tables whole instead of filtering each fact row by unit, which at 25,000 units halves
 * the time (a county database assessing its county). Two probes of the path index.
 */
export const subtreeIsWholeTree = async (q: Queryable, root: { path: string }): Promise<boolean> => {
  // The first path after every path starting with the prefix: its last character raised by one.
  const after = root.path.slice(0, -1) + String.fromCharCode(root.path.charCodeAt(root.path.length - 1) + 1);
  const [row] = await q.query<{ outside: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM units WHERE path ~<~ $1) OR EXISTS (SELECT 1 FROM units WHERE path ~>=~ $2)
            AS outside`,
    [root.path, after],
  );
  return row?.outside === false;
};

const percent = (part: number, total: number) => Math.round((part * 1000) / total) / 10;

const chinaDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
const chinaDayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);

type Ids = (number | string)[] | null;

/** One row per unit of the facts query: the counts of each computed fact, the entered values. */
type FactRow = {
  id: number;
  kind: string;
  depth: number;
  letters_total: number | null;
  letters_part: number | null;
  letters_ids?: Ids;
  duties_total: number | null;
  duties_part: number | null;
  duties_ids?: Ids;
  incidents_total: number | null;
  incidents_part: number | null;
  incidents_ids?: Ids;
  rect_total: number | null;
  rect_part: number | null;
  rect_ids?: Ids;
  steps_total: number | null;
  steps_ids?: Ids;
  value_ids: string[] | null;
  value_values: number[] | null;
  value_previous: (number | null)[] | null;
};

/**
 * The SQL of the facts, one statement for every unit in scope: each fact table is read once, grouped
 * by unit, and joined to the units (hash joins; no per-unit query). `rows` adds each fact's row ids.
 * The unit filter of the fact tables is what the scope needs: none for the whole tree, the path
 * prefix for a subtree, the ids for given units.
 */
const factsSql = (scope: FactScope, rows: boolean) => {
  const params: unknown[] = [];
  const $ = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { units } = scope;
  let unitsWhere: string;
  let inScope: (column: string) => string;
  if ('ids' in units) {
    const ids = $([...units.ids]);
    unitsWhere = `id = ANY(${ids}::bigint[])`;
    inScope = (column) => `AND ${column} = ANY(${ids}::bigint[])`;
  } else {
    const prefix = $(`${units.subtree.path}%`);
    unitsWhere = `path LIKE ${prefix} AND id <> ${$(units.subtree.id)} AND valid_to IS NULL${
      units.kinds === null ? '' : ` AND kind = ANY(${$([...units.kinds])}::text[])`
    }`;
    inScope = (column) =>
      units.subtree.wholeTree ? '' : `AND ${column} IN (SELECT id FROM units WHERE path LIKE ${prefix})`;
  }
  const start = $(scope.start);
  const end = $(scope.end);
  const today = $(scope.today);
  const year = $(scope.year);
  const key = $(scope.periodKey);
  const previous = $(previousYearKey(scope.periodKey));
  const from = $(chinaDayStart(scope.start));
  const until = $(chinaDayAfter(scope.end));
  const ids = (name: string, column = 'id') =>
    rows ? `, array_agg(${column} ORDER BY ${column}) AS ${name}` : '';
  const pick = (alias: string, name: string) => (rows ? `, ${alias}.ids AS ${name}` : '');
  const text = `
WITH u AS (SELECT id, kind, depth FROM units WHERE ${unitsWhere}),
-- 签状率: letters the unit itself issued in the period's year, signed by every signatory (as now).
lf AS (
  SELECT l.issuer_unit_id AS unit_id, count(*)::int AS total,
         count(*) FILTER (WHERE s.unsigned = 0 AND s.signatories > 0)::int AS part ${ids('ids', 'l.id')}
    FROM letters l
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS signatories, count(*) FILTER (WHERE ls.signed_at IS NULL)::int AS unsigned
        FROM letter_signatures ls WHERE ls.letter_id = l.id AND ls.version = l.current_version) s ON true
   WHERE l.live AND l.year = ${year} ${inScope('l.issuer_unit_id')}
   GROUP BY l.issuer_unit_id),
-- Duties due in the period (and already due) done by their deadline or waived.
df AS (
  SELECT unit_id, count(*)::int AS total,
         count(*) FILTER (WHERE waived_at IS NOT NULL OR fulfilled_on <= deadline)::int AS part ${ids('ids')}
    FROM duty_occurrences
   WHERE deadline BETWEEN ${start} AND ${end} AND deadline < ${today} ${inScope('unit_id')}
   GROUP BY unit_id),
-- Incidents in the period whose timeliness was assessed, reported within the limit.
inf AS (
  SELECT unit_id, count(*)::int AS total, count(*) FILTER (WHERE timeliness = 'on_time')::int AS part ${ids('ids')}
    FROM incidents
   WHERE occurred_at >= ${from} AND occurred_at < ${until} AND timeliness IN ('on_time','late','unreported')
         ${inScope('unit_id')}
   GROUP BY unit_id),
-- Rectification tasks due in the period (and already due), accepted by their deadline.
rf AS (
  SELECT owner_unit_id AS unit_id, count(*)::int AS total,
         count(*) FILTER (WHERE accepted_on_time IS TRUE)::int AS part ${ids('ids')}
    FROM rectification_tasks
   WHERE deadline BETWEEN ${start} AND ${end} AND deadline < ${today} ${inScope('owner_unit_id')}
   GROUP BY owner_unit_id),
-- Accountability steps decided against the unit in the period: a count (0 is a fact).
sf AS (
  SELECT unit_id, count(*)::int AS total ${ids('ids')}
    FROM accountability_steps
   WHERE decided_on BETWEEN ${start} AND ${end} ${inScope('unit_id')}
   GROUP BY unit_id),
-- Values entered for the period, with the same value a year earlier (for 'previous_year' targets).
vf AS (
  -- The three arrays are aggregated over the same rows in the same order, so they stay aligned
  -- (no ORDER BY: a sort per unit cost more than the rest of this table).
  SELECT unit_id, array_agg(indicator_id) AS ids, array_agg(value) AS vals, array_agg(previous) AS previous
    FROM (SELECT unit_id, indicator_id, max(value) FILTER (WHERE period_key = ${key}) AS value,
                 max(value) FILTER (WHERE period_key = ${previous}) AS previous
            FROM indicator_values WHERE period_key IN (${key}, ${previous}) ${inScope('unit_id')}
           GROUP BY unit_id, indicator_id) v
   WHERE value IS NOT NULL
   GROUP BY unit_id)
SELECT u.id, u.kind, u.depth,
       lf.total AS letters_total, lf.part AS letters_part ${pick('lf', 'letters_ids')},
       df.total AS duties_total, df.part AS duties_part ${pick('df', 'duties_ids')},
       inf.total AS incidents_total, inf.part AS incidents_part ${pick('inf', 'incidents_ids')},
       rf.total AS rect_total, rf.part AS rect_part ${pick('rf', 'rect_ids')},
       sf.total AS steps_total ${pick('sf', 'steps_ids')},
       vf.ids AS value_ids, vf.vals AS value_values, vf.previous AS value_previous
  FROM u
  LEFT JOIN lf ON lf.unit_id = u.id LEFT JOIN df ON df.unit_id = u.id LEFT JOIN inf ON inf.unit_id = u.id
  LEFT JOIN rf ON rf.unit_id = u.id LEFT JOIN sf ON sf.unit_id = u.id LEFT JOIN vf ON vf.unit_id = u.id
 ORDER BY u.id`;
  return { text, params };
};

const sortedIds = (ids: Ids | undefined) => (ids ?? []).map(String);

const signingRate = (part: number, total: number) => calculateSigningRate({ total, signed: part });

/** A rate fact (part of total) into a unit's facts, with its rows when asked; absent with nothing to count. */
const putRate = (
  out: { f: Record<string, FactValue>; s: Record<string, FactSource>; rows: boolean },
  key: string,
  total: number | null,
  part: number | null,
  ids: Ids | undefined,
  describe: { table: string; rule: string; part: string },
  compute: (part: number, total: number) => number | null,
) => {
  if (total === null || total === 0 || part === null) return;
  const value = compute(part, total);
  if (value === null) return;
  const basis = { numerator: part, denominator: total };
  if (!out.rows) {
    out.f[key] = { value, basis };
    return;
  }
  const refs = sortedIds(ids);
  out.f[key] = { value, basis, refs };
  out.s[key] = {
    table: describe.table,
    rule: describe.rule,
    counts: { total, [describe.part]: part },
    ids: refs,
  };
};

/**
 * The facts of the units in scope for one period, by measure key (`indicatorMeasureKeys`): the
 * computed facts the data supports and the values entered once per period (indicator_values, the
 * same figures the letters' progress uses). One statement reads every fact table once for all the
 * units (and one more the letter targets). A rate with nothing to count is absent, never 0; a count
 * (steps received) is 0 when there are none. With `rows`, each fact also names the rows it came
 * from, so a score explains down to them.
 */
export const collectFacts = async (
  q: Queryable,
  scope: FactScope,
  { rows = false }: { rows?: boolean } = {},
): Promise<FactTable> => {
  const previousKey = previousYearKey(scope.periodKey);
  const sql = factsSql(scope, rows);
  const found = await q.query<FactRow>(sql.text, sql.params);
  const units: AssessedUnit[] = [];
  const facts = new Map<number, UnitFacts>();
  const sources = new Map<number, Record<string, FactSource>>();
  const rule = {
    signing: `letters issued by the unit for ${scope.year}, signed by all signatories of the current version`,
    duties: `occurrences due ${scope.start}..${scope.end} (before ${scope.today}) fulfilled by the deadline or waived`,
    incidents: `incidents occurred ${scope.start}..${scope.end} (China time) with timeliness on_time, late or unreported`,
    rectifications: `tasks due ${scope.start}..${scope.end} (before ${scope.today}) accepted on time`,
    steps: `steps decided ${scope.start}..${scope.end}`,
  };
  const describe = {
    signing: { table: 'letters', part: 'signed', rule: rule.signing },
    duties: { table: 'duty_occurrences', part: 'onTime', rule: rule.duties },
    incidents: { table: 'incidents', part: 'onTime', rule: rule.incidents },
    rectifications: { table: 'rectification_tasks', part: 'acceptedOnTime', rule: rule.rectifications },
  };
  for (const r of found) {
    units.push({ id: r.id, kind: r.kind, depth: r.depth });
    const f: Record<string, FactValue> = {};
    const s: Record<string, FactSource> = {};
    const out = { f, s, rows };
    putRate(
      out,
      'signing_rate',
      r.letters_total,
      r.letters_part,
      r.letters_ids,
      describe.signing,
      signingRate,
    );
    putRate(out, 'duties_on_time', r.duties_total, r.duties_part, r.duties_ids, describe.duties, percent);
    putRate(
      out,
      'incident_reports_on_time',
      r.incidents_total,
      r.incidents_part,
      r.incidents_ids,
      describe.incidents,
      percent,
    );
    putRate(
      out,
      'rectifications_accepted_on_time',
      r.rect_total,
      r.rect_part,
      r.rect_ids,
      describe.rectifications,
      percent,
    );
    const steps = r.steps_total ?? 0;
    const stepRefs = sortedIds(r.steps_ids);
    f.accountability_steps_received = rows ? { value: steps, refs: stepRefs } : { value: steps };
    if (rows)
      s.accountability_steps_received = {
        table: 'accountability_steps',
        rule: rule.steps,
        counts: { total: steps },
        ids: stepRefs,
      };
    const valueIds = r.value_ids ?? [];
    for (let i = 0; i < valueIds.length; i += 1) {
      const indicatorId = valueIds[i]!;
      const value = r.value_values![i]!;
      const before = r.value_previous?.[i] ?? null;
      const fact: FactValue = before === null ? { value } : { value, previousYear: before };
      if (rows) {
        const ref = `${r.id}/${indicatorId}/${scope.periodKey}`;
        f[indicatorId] = { ...fact, refs: [ref] };
        s[indicatorId] = {
          table: 'indicator_values',
          rule: `value entered for ${scope.periodKey}${before === null ? '' : ` (previous year ${previousKey})`}`,
          counts: { rows: before === null ? 1 : 2 },
          ids: [ref],
        };
      } else f[indicatorId] = fact;
    }
    facts.set(r.id, f);
    if (rows) sources.set(r.id, s);
  }
  await addLetterTargetsMet(q, scope, { facts, sources, rows, previousKey });
  return { units, facts, sources };
};

/**
 * Letter targets met: quantitative targets of the letters the unit received for the year, per the
 * period's cadence, with a value entered for this period, compared with their threshold (or the
 * previous year's value).
 */
const addLetterTargetsMet = async (
  q: Queryable,
  scope: FactScope,
  o: {
    facts: Map<number, UnitFacts>;
    sources: Map<number, Record<string, FactSource>>;
    rows: boolean;
    previousKey: string;
  },
) => {
  const { units } = scope;
  const cadence = /-Q/.test(scope.periodKey) ? 'quarter' : /-M/.test(scope.periodKey) ? 'month' : 'year';
  const targets = await q.query<{
    unit_id: number;
    letter_id: number;
    key: string;
    comparator: TargetComparator;
    target: number | null;
    value: number;
  }>(
    `SELECT l.recipient_unit_id AS unit_id, l.id AS letter_id, t.key, t.target->>'comparator' AS comparator,
            COALESCE((t.target->>'threshold')::double precision,
                     CASE WHEN t.target->>'reference' = 'previous_year' THEN pv.value END) AS target,
            v.value
       FROM letters l
       JOIN letter_targets t ON t.letter_id = l.id AND t.version = l.current_version
       JOIN indicator_values v ON v.unit_id = l.recipient_unit_id AND v.indicator_id = t.target->>'indicatorId'
                              AND v.period_key = $3
       LEFT JOIN indicator_values pv ON pv.unit_id = l.recipient_unit_id
                                    AND pv.indicator_id = t.target->>'indicatorId' AND pv.period_key = $4
      WHERE l.live AND l.year = $2 AND t.target->>'kind' = 'quantitative'
        AND COALESCE(t.target->>'per', 'year') = $5
        AND ${'ids' in units ? 'l.recipient_unit_id = ANY($1::bigint[])' : 'l.recipient_unit_id IN (SELECT id FROM units WHERE path LIKE $1)'}
      ORDER BY l.id, t.key`,
    [
      'ids' in units ? [...units.ids] : `${units.subtree.path}%`,
      scope.year,
      scope.periodKey,
      o.previousKey,
      cadence,
    ],
  );
  const perUnit = new Map<number, { total: number; part: number; ids: string[] }>();
  for (const t of targets) {
    if (t.target === null || !o.facts.has(t.unit_id)) continue;
    const met = compareWithThreshold(t.comparator, t.value, t.target);
    const entry = perUnit.get(t.unit_id) ?? { total: 0, part: 0, ids: [] };
    entry.total += 1;
    if (met) entry.part += 1;
    entry.ids.push(`${t.letter_id}/${t.key}`);
    perUnit.set(t.unit_id, entry);
  }
  for (const [unitId, e] of perUnit) {
    const unitFacts = o.facts.get(unitId) as Record<string, FactValue>;
    unitFacts.letter_targets_met = {
      value: percent(e.part, e.total),
      basis: { numerator: e.part, denominator: e.total },
      ...(o.rows ? { refs: e.ids } : {}),
    };
    if (o.rows)
      o.sources.get(unitId)!.letter_targets_met = {
        table: 'letter_targets',
        rule: `quantitative ${cadence} targets of the letters received for ${scope.year} with a value for ${scope.periodKey}, met`,
        counts: { total: e.total, met: e.part },
        ids: e.ids,
      };
  }
};
