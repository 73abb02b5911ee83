import type { SafetyReportEntry, SafetyReportFigures } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';

// The 平安报表's SQL. The figures are read from the duty ledger and the incident register
// (read only; those modules own their rows) for a unit's whole subtree, along today's tree.

export type FilerUnit = { id: number; name: string; kind: string; unitPath: string };

export const findUnitRef = async (q: Queryable, id: number): Promise<FilerUnit | undefined> =>
  (
    await q.query<{ id: number; name: string; kind: string; path: string }>(
      'SELECT id, name, kind, path FROM units WHERE id = $1',
      [id],
    )
  ).map((r) => ({ id: r.id, name: r.name, kind: r.kind, unitPath: r.path }))[0];

/** The unit and the units below it that exist at some point of the month (who of them files is the rulebook's). */
export const findUnitsOfMonth = async (
  q: Queryable,
  f: { unitPath: string; firstDay: string; lastDay: string },
): Promise<FilerUnit[]> =>
  (
    await q.query<{ id: number; name: string; kind: string; path: string }>(
      `SELECT id, name, kind, path FROM units
        WHERE path LIKE $1 || '%'
          AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)
        ORDER BY path = $1 DESC, code, id`,
      [f.unitPath, f.firstDay, f.lastDay],
    )
  ).map((r) => ({ id: r.id, name: r.name, kind: r.kind, unitPath: r.path }));

const emptyFigures = (): SafetyReportFigures => ({
  dutiesDue: 0,
  dutiesDone: 0,
  dutiesDoneLate: 0,
  dutiesOverdue: 0,
  incidents: 0,
  incidentsOnTime: 0,
  incidentsLate: 0,
  incidentsUnreported: 0,
  deaths: 0,
  injuries: 0,
});

/**
 * The figures the system holds for each unit's subtree and month, as of `today`:
 * - duties whose deadline falls in the month, waived ones left out; done = fulfilled on or before
 *   the deadline, done late = after it, overdue = open past it (the rule of decideDutyState);
 * - incidents that happened in the month (China time), by the timeliness recorded with them.
 */
export const calculateFigures = async (
  q: Queryable,
  f: {
    units: readonly { id: number; unitPath: string }[];
    firstDay: string;
    lastDay: string;
    start: Date;
    end: Date;
    today: string;
  },
): Promise<Map<number, SafetyReportFigures>> => {
  const result = new Map(f.units.map((u) => [u.id, emptyFigures()]));
  if (f.units.length === 0) return result;
  const ids = f.units.map((u) => u.id);
  const paths = f.units.map((u) => u.unitPath);
  const duties = await q.query<{ id: number; due: number; done: number; done_late: number; overdue: number }>(
    `SELECT s.id,
            count(*)::int AS due,
            count(*) FILTER (WHERE o.fulfilled_on <= o.deadline)::int AS done,
            count(*) FILTER (WHERE o.fulfilled_on > o.deadline)::int AS done_late,
            count(*) FILTER (WHERE o.fulfilled_on IS NULL AND o.deadline < $5::date)::int AS overdue
       FROM unnest($1::bigint[], $2::text[]) AS s(id, path)
       JOIN units u ON u.path LIKE s.path || '%'
       JOIN duty_occurrences o ON o.unit_id = u.id
      WHERE o.deadline BETWEEN $3::date AND $4::date AND o.waived_at IS NULL
      GROUP BY s.id`,
    [ids, paths, f.firstDay, f.lastDay, f.today],
  );
  for (const r of duties) {
    const figures = result.get(r.id)!;
    figures.dutiesDue = r.due;
    figures.dutiesDone = r.done;
    figures.dutiesDoneLate = r.done_late;
    figures.dutiesOverdue = r.overdue;
  }
  const incidents = await q.query<{
    id: number;
    total: number;
    on_time: number;
    late: number;
    unreported: number;
    deaths: number;
    injuries: number;
  }>(
    `SELECT s.id,
            count(*)::int AS total,
            count(*) FILTER (WHERE i.timeliness = 'on_time')::int AS on_time,
            count(*) FILTER (WHERE i.timeliness = 'late')::int AS late,
            count(*) FILTER (WHERE i.timeliness = 'unreported')::int AS unreported,
            coalesce(sum(i.deaths), 0)::int AS deaths,
            coalesce(sum(i.injuries), 0)::int AS injuries
       FROM unnest($1::bigint[], $2::text[]) AS s(id, path)
       JOIN units u ON u.path LIKE s.path || '%'
       JOIN incidents i ON i.unit_id = u.id
      WHERE i.occurred_at >= $3 AND i.occurred_at < $4
      GROUP BY s.id`,
    [ids, paths, f.start, f.end],
  );
  for (const r of incidents) {
    const figures = result.get(r.id)!;
    figures.incidents = r.total;
    figures.incidentsOnTime = r.on_time;
    figures.incidentsLate = r.late;
    figures.incidentsUnreported = r.unreported;
    figures.deaths = r.deaths;
    figures.injuries = r.injuries;
  }
  return result;
};

export type StoredRevision = {
  unitId: number;
  revision: number;
  prefilled: SafetyReportFigures;
  entered: SafetyReportEntry;
  filedAt: string;
  filedBy: string;
};

type RawRevision = {
  unit_id: number;
  revision: number;
  prefilled: SafetyReportFigures;
  entered: SafetyReportEntry;
  filed_at: Date;
  filed_by: string;
};

const toRevision = (r: RawRevision): StoredRevision => ({
  unitId: r.unit_id,
  revision: r.revision,
  prefilled: r.prefilled,
  entered: r.entered,
  filedAt: r.filed_at.toISOString(),
  filedBy: r.filed_by,
});

/** Every revision of one unit's report of a month, newest first. */
export const findRevisions = async (q: Queryable, unitId: number, month: string): Promise<StoredRevision[]> =>
  (
    await q.query<RawRevision>(
      `SELECT unit_id, revision, prefilled, entered, filed_at, filed_by FROM safety_reports
        WHERE unit_id = $1 AND month = $2 ORDER BY revision DESC`,
      [unitId, month],
    )
  ).map(toRevision);

/** The latest revision of each of these units' reports of a month. */
export const findLatestRevisions = async (
  q: Queryable,
  unitIds: readonly number[],
  month: string,
): Promise<Map<number, StoredRevision>> =>
  new Map(
    (
      await q.query<RawRevision>(
        `SELECT DISTINCT ON (unit_id) unit_id, revision, prefilled, entered, filed_at, filed_by
           FROM safety_reports WHERE month = $1 AND unit_id = ANY($2::bigint[])
          ORDER BY unit_id, revision DESC`,
        [month, unitIds],
      )
    ).map((r) => [r.unit_id, toRevision(r)]),
  );

/**
 * Stores the next revision of a unit's report of a month. Two filings at once compute the same
 * number and the second fails on the unique key (409), rather than one silently overwriting.
 */
export const insertRevision = async (
  q: Queryable,
  r: {
    unitId: number;
    month: string;
    prefilled: SafetyReportFigures;
    entered: SafetyReportEntry;
    filedAt: Date;
    filedBy: string;
    filedByAccountId: number | null;
  },
): Promise<number> => {
  const [row] = await q.query<{ revision: number }>(
    `INSERT INTO safety_reports (unit_id, month, revision, prefilled, entered, filed_at, filed_by, filed_by_account_id)
     SELECT $1, $2, coalesce(max(revision), 0) + 1, $3::jsonb, $4::jsonb, $5, $6, $7
       FROM safety_reports WHERE unit_id = $1 AND month = $2
     RETURNING revision`,
    [
      r.unitId,
      r.month,
      JSON.stringify(r.prefilled),
      JSON.stringify(r.entered),
      r.filedAt,
      r.filedBy,
      r.filedByAccountId,
    ],
  );
  return row!.revision;
};

export type SummaryRevision = {
  unitId: number;
  month: string;
  prefilled: SafetyReportFigures;
  entered: SafetyReportEntry;
  /** When the first revision was filed: whether the report came in on time. */
  firstFiledAt: Date;
};

/** The latest revision of each unit's report of each month, with when the first was filed. */
export const findSummaryRevisions = async (
  q: Queryable,
  unitIds: readonly number[],
  months: readonly string[],
): Promise<SummaryRevision[]> =>
  unitIds.length === 0
    ? []
    : (
        await q.query<{
          unit_id: number;
          month: string;
          prefilled: SafetyReportFigures;
          entered: SafetyReportEntry;
          first_filed_at: Date;
        }>(
          `SELECT DISTINCT ON (unit_id, month) unit_id, month, prefilled, entered,
                  min(filed_at) OVER (PARTITION BY unit_id, month) AS first_filed_at
             FROM safety_reports WHERE month = ANY($1::text[]) AND unit_id = ANY($2::bigint[])
            ORDER BY unit_id, month, revision DESC`,
          [months, unitIds],
        )
      ).map((r) => ({
        unitId: Number(r.unit_id),
        month: r.month,
        prefilled: r.prefilled,
        entered: r.entered,
        firstFiledAt: new Date(r.first_filed_at),
      }));

/** The units directly below a unit that exist at some point between the two days. */
export const findChildUnits = async (
  q: Queryable,
  f: { parentId: number; firstDay: string; lastDay: string },
): Promise<FilerUnit[]> =>
  (
    await q.query<{ id: number; name: string; kind: string; path: string }>(
      `SELECT id, name, kind, path FROM units
        WHERE parent_id = $1 AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)
        ORDER BY code, id`,
      [f.parentId, f.firstDay, f.lastDay],
    )
  ).map((r) => ({ id: r.id, name: r.name, kind: r.kind, unitPath: r.path }));
