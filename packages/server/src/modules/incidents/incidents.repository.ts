import type { Incident } from '@zongzhi/contracts';
import type { IncidentKind, ReportTimeliness, TimelinessBasis } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';

// The incident register's SQL. Instants travel as Date, and leave as ISO strings.

export type IncidentRow = Incident & { unitPath: string };

type RawIncident = {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  kind: IncidentKind;
  occurred_at: Date;
  place: string;
  summary: string;
  deaths: number;
  injuries: number;
  losses_yuan: string | null;
  source: 'reported' | 'discovered';
  reported_at: Date | null;
  timeliness: ReportTimeliness;
  timeliness_basis: TimelinessBasis;
  limit_id: string | null;
  deadline_at: Date | null;
  rulebook_id: string | null;
  rulebook_version: number | null;
  discovered_from: string | null;
  recorded_at: Date;
  recorded_by: string;
};

const COLUMNS = `i.id, i.unit_id, u.name AS unit_name, u.path AS unit_path, i.kind, i.occurred_at, i.place,
  i.summary, i.deaths, i.injuries, i.losses_yuan, i.source, i.reported_at, i.timeliness, i.timeliness_basis,
  i.limit_id, i.deadline_at, i.rulebook_id, i.rulebook_version, i.discovered_from, i.recorded_at, i.recorded_by`;

const toIncident = (r: RawIncident): IncidentRow => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitPath: r.unit_path,
  kind: r.kind,
  occurredAt: r.occurred_at.toISOString(),
  place: r.place,
  summary: r.summary,
  deaths: r.deaths,
  injuries: r.injuries,
  lossesYuan: r.losses_yuan === null ? null : Number(r.losses_yuan),
  source: r.source,
  reportedAt: r.reported_at?.toISOString() ?? null,
  timeliness: r.timeliness,
  basis: r.timeliness_basis,
  limitId: r.limit_id,
  deadlineAt: r.deadline_at?.toISOString() ?? null,
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
  discoveredFrom: r.discovered_from,
  recordedAt: r.recorded_at.toISOString(),
  recordedBy: r.recorded_by,
});

export const findUnitRef = async (
  q: Queryable,
  id: number,
): Promise<{ id: number; name: string; unitPath: string; validTo: string | null } | undefined> =>
  (
    await q.query<{ id: number; name: string; path: string; valid_to: string | null }>(
      'SELECT id, name, path, valid_to FROM units WHERE id = $1',
      [id],
    )
  ).map((r) => ({ id: r.id, name: r.name, unitPath: r.path, validTo: r.valid_to }))[0];

export type NewIncident = {
  unitId: number;
  kind: IncidentKind;
  occurredAt: Date;
  place: string;
  summary: string;
  deaths: number;
  injuries: number;
  lossesYuan: number | null;
  source: 'reported' | 'discovered';
  reportedAt: Date | null;
  timeliness: ReportTimeliness;
  basis: TimelinessBasis;
  limitId: string | null;
  deadlineAt: Date | null;
  rulebookId: string | null;
  rulebookVersion: number | null;
  discoveredFrom: string | null;
  recordedAt: Date;
  recordedBy: string;
  recordedByAccountId: number | null;
};

export const insertIncident = async (q: Queryable, i: NewIncident): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO incidents (unit_id, kind, occurred_at, place, summary, deaths, injuries, losses_yuan, source,
                            reported_at, timeliness, timeliness_basis, limit_id, deadline_at, rulebook_id,
                            rulebook_version, discovered_from, recorded_at, recorded_by, recorded_by_account_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     RETURNING id`,
    [
      i.unitId,
      i.kind,
      i.occurredAt,
      i.place,
      i.summary,
      i.deaths,
      i.injuries,
      i.lossesYuan,
      i.source,
      i.reportedAt,
      i.timeliness,
      i.basis,
      i.limitId,
      i.deadlineAt,
      i.rulebookId,
      i.rulebookVersion,
      i.discoveredFrom,
      i.recordedAt,
      i.recordedBy,
      i.recordedByAccountId,
    ],
  );
  return row!.id;
};

export const findIncident = async (q: Queryable, id: number): Promise<IncidentRow | undefined> => {
  const [row] = await q.query<RawIncident>(
    `SELECT ${COLUMNS} FROM incidents i JOIN units u ON u.id = i.unit_id WHERE i.id = $1`,
    [id],
  );
  return row && toIncident(row);
};

export type IncidentFilter = {
  patterns: readonly string[];
  unitPath?: string;
  kind?: IncidentKind;
  /** Instants bounding occurred_at: [from, to). */
  from?: Date;
  to?: Date;
  timeliness?: ReportTimeliness;
  limit: number;
  offset: number;
};

export const listIncidents = async (
  q: Queryable,
  f: IncidentFilter,
): Promise<{ items: IncidentRow[]; total: number }> => {
  const where = `u.path LIKE ANY($1::text[])
    AND ($2::text IS NULL OR u.path LIKE $2 || '%')
    AND ($3::text IS NULL OR i.kind = $3)
    AND ($4::timestamptz IS NULL OR i.occurred_at >= $4)
    AND ($5::timestamptz IS NULL OR i.occurred_at < $5)
    AND ($6::text IS NULL OR i.timeliness = $6)`;
  const params = [
    f.patterns,
    f.unitPath ?? null,
    f.kind ?? null,
    f.from ?? null,
    f.to ?? null,
    f.timeliness ?? null,
  ];
  const rows = await q.query<RawIncident>(
    `SELECT ${COLUMNS} FROM incidents i JOIN units u ON u.id = i.unit_id
      WHERE ${where} ORDER BY i.occurred_at DESC, i.id DESC LIMIT $7 OFFSET $8`,
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM incidents i JOIN units u ON u.id = i.unit_id WHERE ${where}`,
    params,
  );
  return { items: rows.map(toIncident), total: count?.n ?? 0 };
};
