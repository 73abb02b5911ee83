import type {
  FindingSeverity,
  InspectingBody,
  InspectionKindId,
  RectificationPeriodRule,
  RectificationState,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';

// The SQL of inspections, findings and rectification tasks. Dates travel as 'YYYY-MM-DD',
// instants as Date and leave as ISO strings.

export type UnitRef = { id: number; name: string; unitPath: string; validTo: string | null };

export const findUnitRefs = async (q: Queryable, ids: readonly number[]): Promise<Map<number, UnitRef>> =>
  new Map(
    (
      await q.query<{ id: number; name: string; path: string; valid_to: string | null }>(
        'SELECT id, name, path, valid_to FROM units WHERE id = ANY($1::bigint[])',
        [ids],
      )
    ).map((r) => [r.id, { id: r.id, name: r.name, unitPath: r.path, validTo: r.valid_to }]),
  );

export const findUnitRef = async (q: Queryable, id: number) => (await findUnitRefs(q, [id])).get(id);

/** The units directly under a unit (current tree), for the per-child summary. */
export const listChildUnits = async (q: Queryable, parentId: number): Promise<UnitRef[]> =>
  (
    await q.query<{ id: number; name: string; path: string; valid_to: string | null }>(
      'SELECT id, name, path, valid_to FROM units WHERE parent_id = $1 ORDER BY path',
      [parentId],
    )
  ).map((r) => ({ id: r.id, name: r.name, unitPath: r.path, validTo: r.valid_to }));

/** Posts of a unit started by a date, with the holder's name (the domain picks who held what). */
export const listUnitPosts = async (q: Queryable, unitId: number, date: string) =>
  (
    await q.query<{
      person_id: number;
      name: string;
      post_kind: string;
      start_date: string;
      end_date: string | null;
    }>(
      `SELECT po.person_id, pe.name, po.post_kind, po.start_date, po.end_date
         FROM posts po JOIN people pe ON pe.id = po.person_id
        WHERE po.unit_id = $1 AND po.start_date <= $2 ORDER BY po.start_date, po.id`,
      [unitId, date],
    )
  ).map((r) => ({
    personId: r.person_id,
    name: r.name,
    postKind: r.post_kind,
    startDate: r.start_date,
    endDate: r.end_date,
  }));

// ── plans ────────────────────────────────────────────────────────────────────────────────────

export type PlanRow = {
  id: number;
  kind: InspectionKindId;
  title: string;
  inspectingUnitId: number;
  inspectingUnitName: string;
  inspectingUnitPath: string;
  inspectingBody: InspectingBody;
  periodFrom: string;
  periodTo: string;
  note: string | null;
  inspections: number;
  createdAt: string;
  createdBy: string;
  targets: { unitId: number; unitName: string; unitPath: string; area: string | null }[];
};

export const insertPlan = async (
  q: Queryable,
  p: {
    kind: InspectionKindId;
    title: string;
    inspectingUnitId: number;
    inspectingBody: InspectingBody;
    periodFrom: string;
    periodTo: string;
    note: string | null;
    createdAt: Date;
    createdBy: string;
    targets: { unitId: number; area: string | null }[];
  },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO inspection_plans (kind, title, inspecting_unit_id, inspecting_body, period_from, period_to, note,
                                   created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      p.kind,
      p.title,
      p.inspectingUnitId,
      p.inspectingBody,
      p.periodFrom,
      p.periodTo,
      p.note,
      p.createdAt,
      p.createdBy,
    ],
  );
  for (const t of p.targets)
    await q.query('INSERT INTO inspection_plan_targets (plan_id, unit_id, area) VALUES ($1, $2, $3)', [
      row!.id,
      t.unitId,
      t.area,
    ]);
  return row!.id;
};

type RawPlan = {
  id: number;
  kind: InspectionKindId;
  title: string;
  inspecting_unit_id: number;
  inspecting_unit_name: string;
  inspecting_unit_path: string;
  inspecting_body: InspectingBody;
  period_from: string;
  period_to: string;
  note: string | null;
  inspections: number;
  created_at: Date;
  created_by: string;
};

const PLAN_SELECT = `SELECT p.id, p.kind, p.title, p.inspecting_unit_id, iu.name AS inspecting_unit_name,
    iu.path AS inspecting_unit_path, p.inspecting_body, p.period_from, p.period_to, p.note, p.created_at, p.created_by,
    (SELECT count(*)::int FROM inspections i WHERE i.plan_id = p.id) AS inspections
  FROM inspection_plans p JOIN units iu ON iu.id = p.inspecting_unit_id`;

const attachTargets = async (q: Queryable, rows: RawPlan[]): Promise<PlanRow[]> => {
  const targets = await q.query<{
    plan_id: number;
    unit_id: number;
    name: string;
    path: string;
    area: string | null;
  }>(
    `SELECT t.plan_id, t.unit_id, u.name, u.path, t.area FROM inspection_plan_targets t JOIN units u ON u.id = t.unit_id
      WHERE t.plan_id = ANY($1::bigint[]) ORDER BY u.path`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    inspectingUnitId: r.inspecting_unit_id,
    inspectingUnitName: r.inspecting_unit_name,
    inspectingUnitPath: r.inspecting_unit_path,
    inspectingBody: r.inspecting_body,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    note: r.note,
    inspections: r.inspections,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    targets: targets
      .filter((t) => t.plan_id === r.id)
      .map((t) => ({ unitId: t.unit_id, unitName: t.name, unitPath: t.path, area: t.area })),
  }));
};

export const findPlan = async (q: Queryable, id: number): Promise<PlanRow | undefined> => {
  const rows = await q.query<RawPlan>(`${PLAN_SELECT} WHERE p.id = $1`, [id]);
  return (await attachTargets(q, rows))[0];
};

/** Plans whose inspecting unit or any target lies in the subtrees. */
export const listPlans = async (
  q: Queryable,
  f: { patterns: readonly string[]; kind?: InspectionKindId; year?: number; limit: number; offset: number },
): Promise<{ items: PlanRow[]; total: number }> => {
  const where = `(iu.path LIKE ANY($1::text[]) OR EXISTS (
        SELECT 1 FROM inspection_plan_targets t JOIN units tu ON tu.id = t.unit_id
         WHERE t.plan_id = p.id AND tu.path LIKE ANY($1::text[])))
    AND ($2::text IS NULL OR p.kind = $2)
    AND ($3::int IS NULL OR (p.period_from <= make_date($3::int, 12, 31) AND p.period_to >= make_date($3::int, 1, 1)))`;
  const params = [f.patterns, f.kind ?? null, f.year ?? null];
  const rows = await q.query<RawPlan>(
    `${PLAN_SELECT} WHERE ${where} ORDER BY p.period_from DESC, p.id DESC LIMIT $4 OFFSET $5`,
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inspection_plans p JOIN units iu ON iu.id = p.inspecting_unit_id WHERE ${where}`,
    params,
  );
  return { items: await attachTargets(q, rows), total: count?.n ?? 0 };
};

// ── inspections ──────────────────────────────────────────────────────────────────────────────

export type InspectionRow = {
  id: number;
  planId: number | null;
  kind: InspectionKindId;
  inspectingUnitId: number;
  inspectingUnitName: string;
  inspectingUnitPath: string;
  inspectingBody: InspectingBody;
  unitId: number;
  unitName: string;
  unitPath: string;
  carriedOutOn: string;
  inspectors: string;
  summary: string | null;
  recheckFindingIds: number[];
  findings: number;
  createdAt: string;
  createdBy: string;
};

type RawInspection = {
  id: number;
  plan_id: number | null;
  kind: InspectionKindId;
  inspecting_unit_id: number;
  inspecting_unit_name: string;
  inspecting_unit_path: string;
  inspecting_body: InspectingBody;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  carried_out_on: string;
  inspectors: string;
  summary: string | null;
  rechecks: number[] | null;
  findings: number;
  created_at: Date;
  created_by: string;
};

const INSPECTION_SELECT = `SELECT i.id, i.plan_id, i.kind, i.inspecting_unit_id, iu.name AS inspecting_unit_name,
    iu.path AS inspecting_unit_path, i.inspecting_body, i.unit_id, u.name AS unit_name, u.path AS unit_path,
    i.carried_out_on, i.inspectors, i.summary, i.created_at, i.created_by,
    (SELECT array_agg(r.finding_id ORDER BY r.finding_id) FROM inspection_rechecks r WHERE r.inspection_id = i.id) AS rechecks,
    (SELECT count(*)::int FROM inspection_findings f WHERE f.inspection_id = i.id) AS findings
  FROM inspections i JOIN units u ON u.id = i.unit_id JOIN units iu ON iu.id = i.inspecting_unit_id`;

const toInspection = (r: RawInspection): InspectionRow => ({
  id: r.id,
  planId: r.plan_id,
  kind: r.kind,
  inspectingUnitId: r.inspecting_unit_id,
  inspectingUnitName: r.inspecting_unit_name,
  inspectingUnitPath: r.inspecting_unit_path,
  inspectingBody: r.inspecting_body,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitPath: r.unit_path,
  carriedOutOn: r.carried_out_on,
  inspectors: r.inspectors,
  summary: r.summary,
  recheckFindingIds: (r.rechecks ?? []).map(Number),
  findings: r.findings,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
});

export const insertInspection = async (
  q: Queryable,
  i: {
    planId: number | null;
    kind: InspectionKindId;
    inspectingUnitId: number;
    inspectingBody: InspectingBody;
    unitId: number;
    carriedOutOn: string;
    inspectors: string;
    summary: string | null;
    recheckFindingIds: readonly number[];
    createdAt: Date;
    createdBy: string;
  },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO inspections (plan_id, kind, inspecting_unit_id, inspecting_body, unit_id, carried_out_on, inspectors,
                              summary, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      i.planId,
      i.kind,
      i.inspectingUnitId,
      i.inspectingBody,
      i.unitId,
      i.carriedOutOn,
      i.inspectors,
      i.summary,
      i.createdAt,
      i.createdBy,
    ],
  );
  for (const findingId of new Set(i.recheckFindingIds))
    await q.query('INSERT INTO inspection_rechecks (inspection_id, finding_id) VALUES ($1, $2)', [
      row!.id,
      findingId,
    ]);
  return row!.id;
};

export const findInspection = async (q: Queryable, id: number): Promise<InspectionRow | undefined> => {
  const [row] = await q.query<RawInspection>(`${INSPECTION_SELECT} WHERE i.id = $1`, [id]);
  return row && toInspection(row);
};

/** Inspections of units in the subtrees, or made by an inspecting unit in them. */
export const listInspections = async (
  q: Queryable,
  f: {
    patterns: readonly string[];
    unitPath?: string;
    planId?: number;
    kind?: InspectionKindId;
    limit: number;
    offset: number;
  },
): Promise<{ items: InspectionRow[]; total: number }> => {
  const where = `(u.path LIKE ANY($1::text[]) OR iu.path LIKE ANY($1::text[]))
    AND ($2::text IS NULL OR u.path LIKE $2 || '%')
    AND ($3::bigint IS NULL OR i.plan_id = $3)
    AND ($4::text IS NULL OR i.kind = $4)`;
  const params = [f.patterns, f.unitPath ?? null, f.planId ?? null, f.kind ?? null];
  const rows = await q.query<RawInspection>(
    `${INSPECTION_SELECT} WHERE ${where} ORDER BY i.carried_out_on DESC, i.id DESC LIMIT $5 OFFSET $6`,
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inspections i JOIN units u ON u.id = i.unit_id
       JOIN units iu ON iu.id = i.inspecting_unit_id WHERE ${where}`,
    params,
  );
  return { items: rows.map(toInspection), total: count?.n ?? 0 };
};

// ── findings and tasks ───────────────────────────────────────────────────────────────────────

export type TaskRow = {
  id: number;
  findingId: number;
  findingNumber: number;
  severity: FindingSeverity;
  description: string;
  findingCreatedAt: string;
  findingCreatedBy: string;
  inspectionId: number;
  inspectionKind: InspectionKindId;
  inspectedUnitId: number;
  inspectingUnitId: number;
  inspectingUnitName: string;
  inspectingUnitPath: string;
  inspectingBody: InspectingBody;
  ownerUnitId: number;
  ownerUnitName: string;
  ownerUnitPath: string;
  responsiblePersonId: number | null;
  responsibleName: string | null;
  responsibleRole: 'principal' | 'in_charge' | null;
  issuedOn: string;
  deadline: string;
  deadlineBasis: 'rulebook' | 'override';
  deadlineReason: string | null;
  period: RectificationPeriodRule | null;
  rulebookId: string;
  rulebookVersion: number;
  state: RectificationState;
  submittedOn: string | null;
  acceptedOn: string | null;
  acceptedOnTime: boolean | null;
  closedOn: string | null;
  rejections: number;
};

type RawTask = {
  id: number;
  finding_id: number;
  number: number;
  severity: FindingSeverity;
  description: string;
  finding_created_at: Date;
  finding_created_by: string;
  inspection_id: number;
  kind: InspectionKindId;
  inspected_unit_id: number;
  inspecting_unit_id: number;
  inspecting_unit_name: string;
  inspecting_unit_path: string;
  inspecting_body: InspectingBody;
  owner_unit_id: number;
  owner_unit_name: string;
  owner_unit_path: string;
  responsible_person_id: number | null;
  responsible_name: string | null;
  responsible_role: 'principal' | 'in_charge' | null;
  issued_on: string;
  deadline: string;
  deadline_basis: 'rulebook' | 'override';
  deadline_reason: string | null;
  period_amount: number | null;
  period_unit: RectificationPeriodRule['unit'] | null;
  rulebook_id: string;
  rulebook_version: number;
  state: RectificationState;
  submitted_on: string | null;
  accepted_on: string | null;
  accepted_on_time: boolean | null;
  closed_on: string | null;
  rejections: number;
};

const TASK_SELECT = `SELECT t.id, t.finding_id, f.number, f.severity, f.description, f.created_at AS finding_created_at,
    f.created_by AS finding_created_by, f.inspection_id, i.kind, i.unit_id AS inspected_unit_id, i.inspecting_unit_id,
    iu.name AS inspecting_unit_name, iu.path AS inspecting_unit_path, i.inspecting_body, t.owner_unit_id, ou.name AS owner_unit_name,
    ou.path AS owner_unit_path, t.responsible_person_id, t.responsible_name, t.responsible_role, t.issued_on,
    t.deadline, t.deadline_basis, t.deadline_reason, t.period_amount, t.period_unit, t.rulebook_id,
    t.rulebook_version, t.state, t.submitted_on, t.accepted_on, t.accepted_on_time, t.closed_on, t.rejections
  FROM rectification_tasks t
  JOIN inspection_findings f ON f.id = t.finding_id
  JOIN inspections i ON i.id = f.inspection_id
  JOIN units iu ON iu.id = i.inspecting_unit_id
  JOIN units ou ON ou.id = t.owner_unit_id`;

const toTask = (r: RawTask): TaskRow => ({
  id: r.id,
  findingId: r.finding_id,
  findingNumber: r.number,
  severity: r.severity,
  description: r.description,
  findingCreatedAt: r.finding_created_at.toISOString(),
  findingCreatedBy: r.finding_created_by,
  inspectionId: r.inspection_id,
  inspectionKind: r.kind,
  inspectedUnitId: r.inspected_unit_id,
  inspectingUnitId: r.inspecting_unit_id,
  inspectingUnitName: r.inspecting_unit_name,
  inspectingUnitPath: r.inspecting_unit_path,
  inspectingBody: r.inspecting_body,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_unit_name,
  ownerUnitPath: r.owner_unit_path,
  responsiblePersonId: r.responsible_person_id,
  responsibleName: r.responsible_name,
  responsibleRole: r.responsible_role,
  issuedOn: r.issued_on,
  deadline: r.deadline,
  deadlineBasis: r.deadline_basis,
  deadlineReason: r.deadline_reason,
  period:
    r.period_amount === null || r.period_unit === null
      ? null
      : { amount: r.period_amount, unit: r.period_unit },
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
  state: r.state,
  submittedOn: r.submitted_on,
  acceptedOn: r.accepted_on,
  acceptedOnTime: r.accepted_on_time,
  closedOn: r.closed_on,
  rejections: r.rejections,
});

export const nextFindingNumber = async (q: Queryable, inspectionId: number): Promise<number> => {
  const [row] = await q.query<{ n: number }>(
    'SELECT coalesce(max(number), 0)::int + 1 AS n FROM inspection_findings WHERE inspection_id = $1',
    [inspectionId],
  );
  return row!.n;
};

export type NewFindingWithTask = {
  inspectionId: number;
  number: number;
  severity: FindingSeverity;
  description: string;
  createdAt: Date;
  createdBy: string;
  ownerUnitId: number;
  responsible: { personId: number; name: string; role: 'principal' | 'in_charge' } | null;
  issuedOn: string;
  deadline: string;
  deadlineBasis: 'rulebook' | 'override';
  deadlineReason: string | null;
  period: RectificationPeriodRule | null;
  rulebookId: string;
  rulebookVersion: number;
};

/** Inserts a finding and its task; answers the task id. */
export const insertFindingWithTask = async (q: Queryable, n: NewFindingWithTask): Promise<number> => {
  const [finding] = await q.query<{ id: number }>(
    `INSERT INTO inspection_findings (inspection_id, number, severity, description, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [n.inspectionId, n.number, n.severity, n.description, n.createdAt, n.createdBy],
  );
  const [task] = await q.query<{ id: number }>(
    `INSERT INTO rectification_tasks (finding_id, owner_unit_id, responsible_person_id, responsible_name,
        responsible_role, issued_on, deadline, deadline_basis, deadline_reason, period_amount, period_unit,
        rulebook_id, rulebook_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      finding!.id,
      n.ownerUnitId,
      n.responsible?.personId ?? null,
      n.responsible?.name ?? null,
      n.responsible?.role ?? null,
      n.issuedOn,
      n.deadline,
      n.deadlineBasis,
      n.deadlineReason,
      n.period?.amount ?? null,
      n.period?.unit ?? null,
      n.rulebookId,
      n.rulebookVersion,
    ],
  );
  await insertEvent(q, {
    taskId: task!.id,
    kind: 'issued',
    onDate: n.issuedOn,
    at: n.createdAt,
    by: n.createdBy,
    note: null,
    newDeadline: n.deadline,
  });
  return task!.id;
};

export const findTask = async (q: Queryable, id: number): Promise<TaskRow | undefined> => {
  const [row] = await q.query<RawTask>(`${TASK_SELECT} WHERE t.id = $1`, [id]);
  return row && toTask(row);
};

/** Locks the task row for a state change (two accepts at once: the second sees the first). */
export const lockTask = async (q: Queryable, id: number) =>
  q.query('SELECT id FROM rectification_tasks WHERE id = $1 FOR UPDATE', [id]);

export const findTasksOfFindings = async (q: Queryable, findingIds: readonly number[]): Promise<TaskRow[]> =>
  (
    await q.query<RawTask>(
      `${TASK_SELECT} WHERE t.finding_id = ANY($1::bigint[]) ORDER BY f.inspection_id, f.number`,
      [findingIds],
    )
  ).map(toTask);

export const listTasksOfInspection = async (q: Queryable, inspectionId: number): Promise<TaskRow[]> =>
  (await q.query<RawTask>(`${TASK_SELECT} WHERE f.inspection_id = $1 ORDER BY f.number`, [inspectionId])).map(
    toTask,
  );

/**
 * Tasks whose owner unit or inspecting unit lies in the subtrees (`ownerPath` narrows to one
 * owner subtree), issued by `asOf`. Status filtering and order are the domain's, done by the caller.
 */
export const listTasks = async (
  q: Queryable,
  f: {
    patterns: readonly string[];
    ownerPath?: string;
    inspectionId?: number;
    issuedBy: string;
    /** Only tasks whose deadline is before this date and that are not finished now (overdue candidates). */
    overdueCandidatesAt?: string;
  },
): Promise<TaskRow[]> =>
  (
    await q.query<RawTask>(
      `${TASK_SELECT}
        WHERE (ou.path LIKE ANY($1::text[]) OR iu.path LIKE ANY($1::text[]))
          AND ($2::text IS NULL OR ou.path LIKE $2 || '%')
          AND ($3::bigint IS NULL OR f.inspection_id = $3)
          AND t.issued_on <= $4
          AND ($5::date IS NULL OR (t.deadline < $5 AND (t.submitted_on IS NULL OR t.submitted_on >= $5
               OR t.state IN ('open','rejected'))))
        ORDER BY t.deadline, t.id`,
      [f.patterns, f.ownerPath ?? null, f.inspectionId ?? null, f.issuedBy, f.overdueCandidatesAt ?? null],
    )
  ).map(toTask);

export type TaskChange = Partial<{
  state: RectificationState;
  submittedOn: string | null;
  acceptedOn: string | null;
  acceptedOnTime: boolean | null;
  closedOn: string | null;
  deadline: string;
  rejections: number;
}>;

const TASK_COLUMNS: Record<keyof TaskChange, string> = {
  state: 'state',
  submittedOn: 'submitted_on',
  acceptedOn: 'accepted_on',
  acceptedOnTime: 'accepted_on_time',
  closedOn: 'closed_on',
  deadline: 'deadline',
  rejections: 'rejections',
};

export const updateTask = async (q: Queryable, id: number, change: TaskChange) => {
  const keys = Object.keys(change) as (keyof TaskChange)[];
  if (keys.length === 0) return;
  await q.query(
    `UPDATE rectification_tasks SET ${keys.map((k, i) => `${TASK_COLUMNS[k]} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...keys.map((k) => change[k])],
  );
};

export type EventKind = 'issued' | 'progress' | 'submitted' | 'accepted' | 'rejected' | 'closed';

export const insertEvent = async (
  q: Queryable,
  e: {
    taskId: number;
    kind: EventKind;
    onDate: string;
    at: Date;
    by: string;
    note: string | null;
    newDeadline: string | null;
  },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO rectification_events (task_id, kind, on_date, at, by_username, note, new_deadline)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [e.taskId, e.kind, e.onDate, e.at, e.by, e.note, e.newDeadline],
  );
  return row!.id;
};

export const listEvents = async (q: Queryable, taskId: number) =>
  (
    await q.query<{
      id: number;
      kind: EventKind;
      on_date: string;
      at: Date;
      by_username: string;
      note: string | null;
      new_deadline: string | null;
    }>(
      'SELECT id, kind, on_date, at, by_username, note, new_deadline FROM rectification_events WHERE task_id = $1 ORDER BY at, id',
      [taskId],
    )
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    onDate: r.on_date,
    at: r.at.toISOString(),
    by: r.by_username,
    note: r.note,
    newDeadline: r.new_deadline,
  }));

/** Current units by their code (a closed unit's code may be reused, so only open ones). */
export const findUnitsByCodes = async (
  q: Queryable,
  codes: readonly string[],
): Promise<Map<string, UnitRef>> =>
  new Map(
    (
      await q.query<{ id: number; name: string; path: string; valid_to: string | null; code: string }>(
        'SELECT id, name, path, valid_to, code FROM units WHERE code = ANY($1::text[]) AND valid_to IS NULL',
        [codes],
      )
    ).map((r) => [r.code, { id: r.id, name: r.name, unitPath: r.path, validTo: r.valid_to }]),
  );
