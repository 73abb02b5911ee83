import type { FactValue, UnitFacts } from '@zongzhi/domain';
import { calculateSigningRate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { previousYearKey } from './assessment-period-key';

/** Where one fact of one unit came from: the table, the rows counted, and how. */
export type FactSource = {
  table: string;
  rule: string;
  counts: Record<string, number>;
  ids: string[];
};

export type CollectedFacts = { facts: UnitFacts; sources: Record<string, FactSource> };

export type FactScope = {
  unitIds: readonly number[];
  periodKey: string;
  start: string;
  end: string;
  year: number;
  /** China date of the computation: duties not yet due are not counted. */
  today: string;
};

const percent = (part: number, total: number) => Math.round((part * 1000) / total) / 10;

type Acc = Map<number, { facts: Record<string, FactValue>; sources: Record<string, FactSource> }>;

const put = (acc: Acc, unitId: number, key: string, fact: FactValue, source: FactSource) => {
  const entry = acc.get(unitId);
  if (!entry) return;
  entry.facts[key] = fact;
  entry.sources[key] = source;
};

const chinaDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
const chinaDayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);

const ratio = (
  acc: Acc,
  rows: readonly { unit_id: number; total: number; part: number; ids: (number | string)[] | null }[],
  key: string,
  describe: { table: string; rule: string; part: string },
  compute: (part: number, total: number) => number | null = percent,
) => {
  for (const row of rows) {
    if (row.total === 0) continue;
    const value = compute(row.part, row.total);
    if (value === null) continue;
    const ids = (row.ids ?? []).map(String).sort((a, b) => Number(a) - Number(b));
    put(
      acc,
      row.unit_id,
      key,
      { value, basis: { numerator: row.part, denominator: row.total }, refs: ids },
      {
        table: describe.table,
        rule: describe.rule,
        counts: { total: row.total, [describe.part]: row.part },
        ids,
      },
    );
  }
};

/**
 * The facts of every unit in `unitIds` for one period, by measure key (`indicatorMeasureKeys`):
 * the computed facts the data supports and the values entered once per period (indicator_values,
 * the same figures the letters' progress uses). One query per fact table for all the units, not
 * one per unit. A rate with nothing to count is absent, never 0; a count (steps received) is 0
 * when there are none. Each fact names the rows it came from, so a score explains down to them.
 */
export const collectUnitFacts = async (
  q: Queryable,
  scope: FactScope,
): Promise<Map<number, CollectedFacts>> => {
  const acc: Acc = new Map(scope.unitIds.map((id) => [id, { facts: {}, sources: {} }]));
  const units = [...scope.unitIds];

  // 签状率: letters the unit itself issued in the period's year, signed by every signatory (as now).
  const letters = await q.query<{ unit_id: number; total: number; part: number; ids: number[] | null }>(
    `SELECT l.issuer_unit_id AS unit_id, count(*)::int AS total,
            count(*) FILTER (WHERE s.unsigned = 0 AND s.signatories > 0)::int AS part,
            array_agg(l.id ORDER BY l.id) AS ids
       FROM letters l
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS signatories, count(*) FILTER (WHERE ls.signed_at IS NULL)::int AS unsigned
           FROM letter_signatures ls WHERE ls.letter_id = l.id AND ls.version = l.current_version) s ON true
      WHERE l.live AND l.year = $2 AND l.issuer_unit_id = ANY($1::bigint[])
      GROUP BY l.issuer_unit_id`,
    [units, scope.year],
  );
  ratio(
    acc,
    letters,
    'signing_rate',
    {
      table: 'letters',
      rule: `letters issued by the unit for ${scope.year}, signed by all signatories of the current version`,
      part: 'signed',
    },
    (part, total) => calculateSigningRate({ total, signed: part }),
  );

  // Duties due in the period (and already due) done by their deadline or waived.
  const duties = await q.query<{ unit_id: number; total: number; part: number; ids: number[] | null }>(
    `SELECT unit_id, count(*)::int AS total,
            count(*) FILTER (WHERE waived_at IS NOT NULL OR fulfilled_on <= deadline)::int AS part,
            array_agg(id ORDER BY id) AS ids
       FROM duty_occurrences
      WHERE unit_id = ANY($1::bigint[]) AND deadline BETWEEN $2 AND $3 AND deadline < $4
      GROUP BY unit_id`,
    [units, scope.start, scope.end, scope.today],
  );
  ratio(acc, duties, 'duties_on_time', {
    table: 'duty_occurrences',
    rule: `occurrences due ${scope.start}..${scope.end} (before ${scope.today}) fulfilled by the deadline or waived`,
    part: 'onTime',
  });

  // Incidents in the period whose timeliness was assessed, reported within the limit.
  const incidents = await q.query<{ unit_id: number; total: number; part: number; ids: number[] | null }>(
    `SELECT unit_id, count(*)::int AS total, count(*) FILTER (WHERE timeliness = 'on_time')::int AS part,
            array_agg(id ORDER BY id) AS ids
       FROM incidents
      WHERE unit_id = ANY($1::bigint[]) AND occurred_at >= $2 AND occurred_at < $3
        AND timeliness IN ('on_time','late','unreported')
      GROUP BY unit_id`,
    [units, chinaDayStart(scope.start), chinaDayAfter(scope.end)],
  );
  ratio(acc, incidents, 'incident_reports_on_time', {
    table: 'incidents',
    rule: `incidents occurred ${scope.start}..${scope.end} (China time) with timeliness on_time, late or unreported`,
    part: 'onTime',
  });

  // Rectification tasks due in the period (and already due), accepted by their deadline.
  const rectifications = await q.query<{
    unit_id: number;
    total: number;
    part: number;
    ids: number[] | null;
  }>(
    `SELECT owner_unit_id AS unit_id, count(*)::int AS total,
            count(*) FILTER (WHERE accepted_on_time IS TRUE)::int AS part,
            array_agg(id ORDER BY id) AS ids
       FROM rectification_tasks
      WHERE owner_unit_id = ANY($1::bigint[]) AND deadline BETWEEN $2 AND $3 AND deadline < $4
      GROUP BY owner_unit_id`,
    [units, scope.start, scope.end, scope.today],
  );
  ratio(acc, rectifications, 'rectifications_accepted_on_time', {
    table: 'rectification_tasks',
    rule: `tasks due ${scope.start}..${scope.end} (before ${scope.today}) accepted on time`,
    part: 'acceptedOnTime',
  });

  // Accountability steps decided against the unit in the period: a count (0 is a fact).
  const steps = await q.query<{ unit_id: number; total: number; ids: number[] | null }>(
    `SELECT unit_id, count(*)::int AS total, array_agg(id ORDER BY id) AS ids
       FROM accountability_steps
      WHERE unit_id = ANY($1::bigint[]) AND decided_on BETWEEN $2 AND $3
      GROUP BY unit_id`,
    [units, scope.start, scope.end],
  );
  const stepsByUnit = new Map(steps.map((s) => [s.unit_id, s]));
  for (const unitId of units) {
    const row = stepsByUnit.get(unitId);
    const ids = (row?.ids ?? []).map(String);
    put(
      acc,
      unitId,
      'accountability_steps_received',
      { value: row?.total ?? 0, refs: ids },
      {
        table: 'accountability_steps',
        rule: `steps decided ${scope.start}..${scope.end}`,
        counts: { total: row?.total ?? 0 },
        ids,
      },
    );
  }

  // Entered values of the period (and of the same period a year earlier, for `previous_year`).
  const previousKey = previousYearKey(scope.periodKey);
  const values = await q.query<{ unit_id: number; indicator_id: string; period_key: string; value: number }>(
    `SELECT unit_id, indicator_id, period_key, value FROM indicator_values
      WHERE unit_id = ANY($1::bigint[]) AND period_key IN ($2, $3)
      ORDER BY unit_id, indicator_id, period_key`,
    [units, scope.periodKey, previousKey],
  );
  const previous = new Map(
    values
      .filter((v) => v.period_key === previousKey)
      .map((v) => [`${v.unit_id}|${v.indicator_id}`, v.value]),
  );
  const current = values.filter((v) => v.period_key === scope.periodKey);
  for (const v of current) {
    const before = previous.get(`${v.unit_id}|${v.indicator_id}`);
    const ref = `${v.unit_id}/${v.indicator_id}/${v.period_key}`;
    put(
      acc,
      v.unit_id,
      v.indicator_id,
      { value: v.value, ...(before === undefined ? {} : { previousYear: before }), refs: [ref] },
      {
        table: 'indicator_values',
        rule: `value entered for ${scope.periodKey}${before === undefined ? '' : ` (previous year ${previousKey})`}`,
        counts: { rows: before === undefined ? 1 : 2 },
        ids: [ref],
      },
    );
  }

  // Letter targets met: quantitative targets of the letters the unit received for the year, per
  // the period's cadence, with a value entered for this period, compared with their threshold.
  const targets = await q.query<{
    unit_id: number;
    letter_id: number;
    key: string;
    comparator: string;
    threshold: number | null;
    reference: string | null;
    indicator_id: string;
    per: string | null;
  }>(
    `SELECT l.recipient_unit_id AS unit_id, l.id AS letter_id, t.key, t.target->>'comparator' AS comparator,
            (t.target->>'threshold')::double precision AS threshold, t.target->>'reference' AS reference,
            t.target->>'indicatorId' AS indicator_id, t.target->>'per' AS per
       FROM letters l JOIN letter_targets t ON t.letter_id = l.id AND t.version = l.current_version
      WHERE l.live AND l.year = $2 AND l.recipient_unit_id = ANY($1::bigint[])
        AND t.target->>'kind' = 'quantitative'
      ORDER BY l.id, t.key`,
    [units, scope.year],
  );
  const cadence = /-Q/.test(scope.periodKey) ? 'quarter' : /-M/.test(scope.periodKey) ? 'month' : 'year';
  const enteredValue = new Map(current.map((v) => [`${v.unit_id}|${v.indicator_id}`, v.value]));
  const perUnit = new Map<number, { total: number; part: number; ids: string[] }>();
  for (const t of targets) {
    if ((t.per ?? 'year') !== cadence) continue;
    const value = enteredValue.get(`${t.unit_id}|${t.indicator_id}`);
    const target =
      t.threshold ??
      (t.reference === 'previous_year' ? previous.get(`${t.unit_id}|${t.indicator_id}`) : undefined);
    if (value === undefined || target === undefined) continue;
    const met =
      t.comparator === 'lte'
        ? value <= target
        : t.comparator === 'lt'
          ? value < target
          : t.comparator === 'eq'
            ? value === target
            : t.comparator === 'gte'
              ? value >= target
              : value > target;
    const entry = perUnit.get(t.unit_id) ?? { total: 0, part: 0, ids: [] };
    entry.total += 1;
    if (met) entry.part += 1;
    entry.ids.push(`${t.letter_id}/${t.key}`);
    perUnit.set(t.unit_id, entry);
  }
  for (const [unitId, e] of perUnit) {
    put(
      acc,
      unitId,
      'letter_targets_met',
      { value: percent(e.part, e.total), basis: { numerator: e.part, denominator: e.total }, refs: e.ids },
      {
        table: 'letter_targets',
        rule: `quantitative ${cadence} targets of the letters received for ${scope.year} with a value for ${scope.periodKey}, met`,
        counts: { total: e.total, met: e.part },
        ids: e.ids,
      },
    );
  }

  return new Map([...acc].map(([id, e]) => [id, { facts: e.facts, sources: e.sources }]));
};
