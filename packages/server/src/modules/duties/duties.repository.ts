import type { Attachment, DutyFulfilment, MeetingRecord, Report } from '@zongzhi/contracts';
import type { DutyState } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { DEFAULT_SCHEDULERS } from '../../platform/config';

// The duty ledger's SQL. Dates travel as 'YYYY-MM-DD' text (both drivers decode `date` so).

export type UnitForDuties = {
  id: number;
  kind: string;
  path: string;
  validFrom: string;
  validTo: string | null;
};

/** Units that exist at some point of [from, to], inside the scope patterns (all units when null). */
export const findUnitsExistingIn = async (
  q: Queryable,
  f: { from: string; to: string; patterns: readonly string[] | null },
): Promise<UnitForDuties[]> =>
  (
    await q.query<{ id: number; kind: string; path: string; valid_from: string; valid_to: string | null }>(
      `SELECT id, kind, path, valid_from, valid_to FROM units
        WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $1::date)
          AND ($3::text[] IS NULL OR path LIKE ANY($3::text[]))
        ORDER BY id`,
      [f.from, f.to, f.patterns],
    )
  ).map((r) => ({ id: r.id, kind: r.kind, path: r.path, validFrom: r.valid_from, validTo: r.valid_to }));

export type NewOccurrence = {
  dutyId: string;
  unitId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  nameZh: string;
  nameEn: string;
  dutyKind: string;
  evidenceRequired: boolean;
  rulebookId: string;
  rulebookVersion: number;
};

/**
 * Stores the occurrences not stored yet, in bulk (one statement per `chunkSize` rows, by default
 * 20,000 — ZONGZHI_OCCURRENCE_INSERT_CHUNK; arrays through unnest); an occurrence already there is
 * left as it is — with its fulfilment, its waiver and the rulebook version it was generated from.
 * Answers how many rows were added.
 */
export const insertOccurrencesIfAbsent = async (
  q: Queryable,
  rows: readonly NewOccurrence[],
  generatedAt: Date,
  chunkSize: number = DEFAULT_SCHEDULERS.occurrenceInsertChunk,
): Promise<number> => {
  let created = 0;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    const [result] = await q.query<{ n: number }>(
      `WITH saved AS (
         INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline,
                                       duty_name_zh, duty_name_en, duty_kind, evidence_required,
                                       rulebook_id, rulebook_version, generated_at)
         SELECT d.*, $13::timestamptz FROM unnest($1::text[], $2::bigint[], $3::text[], $4::date[], $5::date[],
                                                  $6::date[], $7::text[], $8::text[], $9::text[], $10::boolean[],
                                                  $11::text[], $12::int[]) AS d
         ON CONFLICT (duty_id, unit_id, period_key) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM saved`,
      [...occurrenceColumns(chunk), generatedAt],
    );
    created += result?.n ?? 0;
  }
  return created;
};

/** The rows as column arrays, in the order of the INSERT above (also used by the bench baseline). */
export const occurrenceColumns = (rows: readonly NewOccurrence[]) => [
  rows.map((r) => r.dutyId),
  rows.map((r) => r.unitId),
  rows.map((r) => r.periodKey),
  rows.map((r) => r.periodStart),
  rows.map((r) => r.periodEnd),
  rows.map((r) => r.deadline),
  rows.map((r) => r.nameZh),
  rows.map((r) => r.nameEn),
  rows.map((r) => r.dutyKind),
  rows.map((r) => r.evidenceRequired),
  rows.map((r) => r.rulebookId),
  rows.map((r) => r.rulebookVersion),
];

/**
 * The state as SQL, for filtering and counting in the database. It restates decideDutyState (the
 * domain decides each row shown; duties.test.ts checks that both agree): waived wins; fulfilled on
 * or before the deadline is done, after it done late; open past the deadline is overdue; open
 * within the due-soon days of the rulebook it was generated from (`ids`/`days`, parallel arrays;
 * 0 when that rulebook no longer resolves) is due soon.
 */
const stateSql = (today: string, ids: string, days: string) => `CASE
    WHEN o.waived_at IS NOT NULL THEN 'waived'
    WHEN o.fulfilled_on IS NOT NULL AND o.fulfilled_on <= o.deadline THEN 'done'
    WHEN o.fulfilled_on IS NOT NULL THEN 'done_late'
    WHEN o.deadline < ${today}::date THEN 'overdue'
    WHEN o.deadline <= ${today}::date
                       + coalesce((${days}::int[])[array_position(${ids}::text[], o.rulebook_id)], 0)
      THEN 'due_soon'
    ELSE 'upcoming' END`;

export type OccurrenceRow = {
  id: number;
  dutyId: string;
  dutyName: { zh: string; en: string };
  dutyKind: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  evidenceRequired: boolean;
  rulebookId: string;
  rulebookVersion: number;
  fulfilledOn: string | null;
  fulfilmentKind: 'meeting' | 'report' | null;
  waiver: { at: string; by: string; reason: string } | null;
};

type RawOccurrence = {
  id: number;
  duty_id: string;
  duty_name_zh: string;
  duty_name_en: string;
  duty_kind: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  period_key: string;
  period_start: string;
  period_end: string;
  deadline: string;
  evidence_required: boolean;
  rulebook_id: string;
  rulebook_version: number;
  fulfilled_on: string | null;
  fulfilment_kind: 'meeting' | 'report' | null;
  waived_at: Date | null;
  waived_by: string | null;
  waiver_reason: string | null;
};

const OCCURRENCE_COLUMNS = `o.id, o.duty_id, o.duty_name_zh, o.duty_name_en, o.duty_kind, o.unit_id,
  u.name AS unit_name, u.path AS unit_path, o.period_key, o.period_start, o.period_end, o.deadline,
  o.evidence_required, o.rulebook_id, o.rulebook_version, o.fulfilled_on, o.fulfilment_kind,
  o.waived_at, o.waived_by, o.waiver_reason`;

const toOccurrence = (r: RawOccurrence): OccurrenceRow => ({
  id: r.id,
  dutyId: r.duty_id,
  dutyName: { zh: r.duty_name_zh, en: r.duty_name_en },
  dutyKind: r.duty_kind,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitPath: r.unit_path,
  periodKey: r.period_key,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  deadline: r.deadline,
  evidenceRequired: r.evidence_required,
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
  fulfilledOn: r.fulfilled_on,
  fulfilmentKind: r.fulfilment_kind,
  waiver:
    r.waived_at && r.waived_by && r.waiver_reason
      ? { at: r.waived_at.toISOString(), by: r.waived_by, reason: r.waiver_reason }
      : null,
});

/** Due-soon days by the rulebook an occurrence was generated from (see load-reminders.ts). */
export type DueSoonDaysByRulebook = ReadonlyMap<string, number>;

const dueSoonParams = (m: DueSoonDaysByRulebook): [string[], number[]] => [[...m.keys()], [...m.values()]];

export type OccurrenceFilter = {
  patterns: readonly string[];
  today: string;
  dueSoonDays: DueSoonDaysByRulebook;
  unitPath?: string;
  dutyId?: string;
  state?: DutyState;
  periodKey?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

export const listOccurrences = async (
  q: Queryable,
  f: OccurrenceFilter,
): Promise<{ items: OccurrenceRow[]; total: number }> => {
  const where = `u.path LIKE ANY($1::text[])
    AND ($2::text IS NULL OR u.path LIKE $2 || '%')
    AND ($3::text IS NULL OR o.duty_id = $3)
    AND ($4::text IS NULL OR ${stateSql('$5', '$6', '$10')} = $4)
    AND ($7::text IS NULL OR o.period_key = $7)
    AND ($8::date IS NULL OR o.deadline >= $8::date)
    AND ($9::date IS NULL OR o.deadline <= $9::date)`;
  const [rulebookIds, dueSoonDays] = dueSoonParams(f.dueSoonDays);
  const params = [
    f.patterns,
    f.unitPath ?? null,
    f.dutyId ?? null,
    f.state ?? null,
    f.today,
    rulebookIds,
    f.periodKey ?? null,
    f.from ?? null,
    f.to ?? null,
    dueSoonDays,
  ];
  const rows = await q.query<RawOccurrence>(
    `SELECT ${OCCURRENCE_COLUMNS} FROM duty_occurrences o JOIN units u ON u.id = o.unit_id
      WHERE ${where} ORDER BY o.deadline, u.path, o.duty_id, o.id LIMIT $11 OFFSET $12`,
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM duty_occurrences o JOIN units u ON u.id = o.unit_id WHERE ${where}`,
    params,
  );
  return { items: rows.map(toOccurrence), total: count?.n ?? 0 };
};

export const findOccurrence = async (
  q: Queryable,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<OccurrenceRow | undefined> => {
  const [row] = await q.query<RawOccurrence>(
    `SELECT ${OCCURRENCE_COLUMNS} FROM duty_occurrences o JOIN units u ON u.id = o.unit_id
      WHERE o.id = $1${options.forUpdate ? ' FOR UPDATE OF o' : ''}`,
    [id],
  );
  return row && toOccurrence(row);
};

export const findFulfilment = async (q: Queryable, occurrenceId: number): Promise<DutyFulfilment | null> => {
  const [r] = await q.query<{
    kind: 'meeting' | 'report';
    fulfilled_on: string;
    meeting_date: string | null;
    meeting_chair: string | null;
    meeting_chair_person_id: number | string | null;
    meeting_attendees: string[] | null;
    meeting_topics: string[] | null;
    meeting_decisions: string[] | null;
    report: Report | null;
    attachments: Attachment[];
    recorded_at: Date;
    recorded_by: string;
  }>('SELECT * FROM duty_fulfilments WHERE occurrence_id = $1', [occurrenceId]);
  if (!r) return null;
  return {
    kind: r.kind,
    fulfilledOn: r.fulfilled_on,
    meeting:
      r.meeting_date && r.meeting_chair
        ? {
            date: r.meeting_date,
            chair: r.meeting_chair,
            chairPersonId: r.meeting_chair_person_id === null ? null : Number(r.meeting_chair_person_id),
            attendees: r.meeting_attendees ?? [],
            topics: r.meeting_topics ?? [],
            decisions: r.meeting_decisions ?? [],
          }
        : null,
    report: r.report,
    attachments: r.attachments,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.recorded_by,
  };
};

export const insertFulfilment = async (
  q: Queryable,
  f: {
    occurrenceId: number;
    kind: 'meeting' | 'report';
    fulfilledOn: string;
    /** With the chair's name as it is today, stored with the record. */
    meeting: (MeetingRecord & { chair: string }) | null;
    report: Report | null;
    attachments: Attachment[];
    recordedAt: Date;
    recordedBy: string;
    recordedByAccountId: number | null;
  },
): Promise<void> => {
  await q.query(`UPDATE duty_occurrences SET fulfilled_on = $2::date, fulfilment_kind = $3 WHERE id = $1`, [
    f.occurrenceId,
    f.fulfilledOn,
    f.kind,
  ]);
  await q.query(
    `INSERT INTO duty_fulfilments (occurrence_id, kind, fulfilled_on, meeting_date, meeting_chair,
                                   meeting_attendees, meeting_topics, meeting_decisions, report, attachments,
                                   recorded_at, recorded_by, recorded_by_account_id, meeting_chair_person_id)
     VALUES ($1, $2, $3::date, $4::date, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13,
             $14)`,
    [
      f.occurrenceId,
      f.kind,
      f.fulfilledOn,
      f.meeting?.date ?? null,
      f.meeting?.chair ?? null,
      f.meeting ? JSON.stringify(f.meeting.attendees) : null,
      f.meeting ? JSON.stringify(f.meeting.topics) : null,
      f.meeting ? JSON.stringify(f.meeting.decisions) : null,
      f.report ? JSON.stringify(f.report) : null,
      JSON.stringify(f.attachments),
      f.recordedAt,
      f.recordedBy,
      f.recordedByAccountId,
      f.meeting?.chairPersonId ?? null,
    ],
  );
};

/** The name of the person if they hold a post (of any kind) in the unit on the date. */
export const findPostHolderName = async (
  q: Queryable,
  unitId: number,
  personId: number,
  date: string,
): Promise<string | undefined> => {
  const [row] = await q.query<{ name: string }>(
    `SELECT pe.name FROM people pe
      WHERE pe.id = $2 AND EXISTS (
        SELECT 1 FROM posts po WHERE po.person_id = pe.id AND po.unit_id = $1
           AND po.start_date <= $3::date AND (po.end_date IS NULL OR po.end_date > $3::date))`,
    [unitId, personId, date],
  );
  return row?.name;
};

export const markWaived = async (
  q: Queryable,
  w: { occurrenceId: number; at: Date; by: string; byAccountId: number | null; reason: string },
): Promise<void> => {
  await q.query(
    `UPDATE duty_occurrences SET waived_at = $2, waived_by = $3, waived_by_account_id = $4, waiver_reason = $5
      WHERE id = $1`,
    [w.occurrenceId, w.at, w.by, w.byAccountId, w.reason],
  );
};

export const findUnitRef = async (
  q: Queryable,
  id: number,
): Promise<{ id: number; name: string; unitPath: string } | undefined> =>
  (
    await q.query<{ id: number; name: string; unit_path: string }>(
      'SELECT id, name, path AS unit_path FROM units WHERE id = $1',
      [id],
    )
  ).map((r) => ({ id: r.id, name: r.name, unitPath: r.unit_path }))[0];

export type ComplianceCount = { rowUnitId: number; month: number; state: DutyState; n: number };

/** The rows of the grid: the unit itself and its children that exist at some point of the year. */
export const findComplianceRows = async (
  q: Queryable,
  f: { unitId: number; yearStart: string; yearEnd: string },
): Promise<{ id: number; name: string; path: string; scope: 'self' | 'subtree' }[]> =>
  q.query(
    `SELECT id, name, path, 'self' AS scope FROM units WHERE id = $1
     UNION ALL
     (SELECT id, name, path, 'subtree' AS scope FROM units
       WHERE parent_id = $1 AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)
       ORDER BY code, id)`,
    [f.unitId, f.yearStart, f.yearEnd],
  );

/** Occurrences due in the year, counted by row, deadline month and state (as of `today`). */
export const countCompliance = async (
  q: Queryable,
  f: {
    unitId: number;
    unitPath: string;
    yearStart: string;
    yearEnd: string;
    today: string;
    dueSoonDays: DueSoonDaysByRulebook;
  },
): Promise<ComplianceCount[]> =>
  (
    await q.query<{ row_unit_id: number; month: number; state: DutyState; n: number }>(
      `WITH counted AS (
         SELECT CASE WHEN u.id = $1 THEN u.id
                     ELSE split_part(substr(u.path, length($2) + 1), '/', 1)::bigint END AS row_unit_id,
                EXTRACT(MONTH FROM o.deadline)::int AS month,
                ${stateSql('$5', '$6', '$7')} AS state
           FROM duty_occurrences o JOIN units u ON u.id = o.unit_id
          WHERE u.path LIKE $2 || '%' AND o.deadline BETWEEN $3::date AND $4::date
       )
       SELECT row_unit_id, month, state, count(*)::int AS n FROM counted GROUP BY 1, 2, 3`,
      [f.unitId, f.unitPath, f.yearStart, f.yearEnd, f.today, ...dueSoonParams(f.dueSoonDays)],
    )
  ).map((r) => ({ rowUnitId: r.row_unit_id, month: r.month, state: r.state, n: r.n }));

/**
 * Notifies the responsible people (accounts linked to a person holding a principal or in-charge
 * post in the unit today) of every open occurrence that is due soon or overdue today: one row per
 * (account, occurrence, kind), so a second run — or a second server — adds nothing. An occurrence
 * that went from due soon to overdue while no server ran gets only 'overdue': missed ticks
 * collapse into what is true now. Only occurrences generated from `rulebookId`, whose reminder
 * settings are given. Returns the ids of the notifications created.
 */
export const insertDueNotifications = async (
  q: Queryable,
  f: { today: string; rulebookId: string; dueSoonDays: number; postKinds: readonly string[]; now: Date },
): Promise<number[]> => {
  const rows = await q.query<{ id: number }>(
    `WITH due AS (
       SELECT DISTINCT a.id AS account_id, a.person_id, o.id AS occurrence_id,
              CASE WHEN o.deadline < $1::date THEN 'overdue' ELSE 'due_soon' END AS kind
         FROM duty_occurrences o
         JOIN posts p ON p.unit_id = o.unit_id AND p.start_date <= $1::date
                     AND (p.end_date IS NULL OR p.end_date > $1::date) AND p.post_kind = ANY($3::text[])
         JOIN accounts a ON a.person_id = p.person_id AND NOT a.disabled
        WHERE o.fulfilled_on IS NULL AND o.waived_at IS NULL AND o.deadline <= $1::date + $2::int
          AND o.rulebook_id = $5
     )
     INSERT INTO notifications (account_id, person_id, kind, occurrence_id, created_at)
     SELECT account_id, person_id, kind, occurrence_id, $4 FROM due
     ON CONFLICT (account_id, occurrence_id, kind) DO NOTHING
     RETURNING id`,
    [f.today, f.dueSoonDays, f.postKinds, f.now, f.rulebookId],
  );
  return rows.map((r) => r.id);
};

type RawNotification = {
  id: number;
  kind: 'due_soon' | 'overdue';
  created_at: Date;
  read_at: Date | null;
  occurrence_id: number;
  duty_id: string;
  duty_name_zh: string;
  duty_name_en: string;
  unit_id: number;
  unit_name: string;
  period_key: string;
  deadline: string;
};

export const listNotifications = async (
  q: Queryable,
  f: { accountId: number; unreadOnly: boolean; limit: number; offset: number },
) => {
  const where = 'n.account_id = $1 AND (NOT $2::boolean OR n.read_at IS NULL)';
  const rows = await q.query<RawNotification>(
    `SELECT n.id, n.kind, n.created_at, n.read_at, o.id AS occurrence_id, o.duty_id, o.duty_name_zh,
            o.duty_name_en, o.unit_id, u.name AS unit_name, o.period_key, o.deadline
       FROM notifications n JOIN duty_occurrences o ON o.id = n.occurrence_id JOIN units u ON u.id = o.unit_id
      WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT $3 OFFSET $4`,
    [f.accountId, f.unreadOnly, f.limit, f.offset],
  );
  const [count] = await q.query<{ total: number; unread: number }>(
    `SELECT count(*) FILTER (WHERE ${where})::int AS total,
            count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
       FROM notifications n WHERE n.account_id = $1`,
    [f.accountId, f.unreadOnly],
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
      occurrence: {
        id: r.occurrence_id,
        dutyId: r.duty_id,
        dutyName: { zh: r.duty_name_zh, en: r.duty_name_en },
        unitId: r.unit_id,
        unitName: r.unit_name,
        periodKey: r.period_key,
        deadline: r.deadline,
      },
    })),
    total: count?.total ?? 0,
    unread: count?.unread ?? 0,
  };
};

/** Marks the account's own notification read (the first reading counts); undefined when not theirs. */
export const markNotificationRead = async (
  q: Queryable,
  f: { id: number; accountId: number; now: Date },
): Promise<{ id: number; readAt: string; wasUnread: boolean } | undefined> => {
  const [row] = await q.query<{ id: number; read_at: Date; was_unread: boolean }>(
    `UPDATE notifications n SET read_at = coalesce(n.read_at, $3)
       FROM notifications old WHERE n.id = $1 AND n.account_id = $2 AND old.id = n.id
     RETURNING n.id, n.read_at, old.read_at IS NULL AS was_unread`,
    [f.id, f.accountId, f.now],
  );
  return row && { id: row.id, readAt: row.read_at.toISOString(), wasUnread: row.was_unread };
};

export const insertSchedulerRun = async (
  q: Queryable,
  r: {
    job: string;
    asOf: string;
    startedAt: Date;
    finishedAt: Date;
    occurrencesCreated: number;
    notificationsCreated: number;
    instance: string;
  },
): Promise<void> => {
  await q.query(
    `INSERT INTO scheduler_runs (job, as_of, started_at, finished_at, occurrences_created,
                                 notifications_created, instance)
     VALUES ($1, $2::date, $3, $4, $5, $6, $7)`,
    [r.job, r.asOf, r.startedAt, r.finishedAt, r.occurrencesCreated, r.notificationsCreated, r.instance],
  );
};

/** A notification to mail: the recipient's address and what the mail says. */
export type NotificationToMail = {
  id: number;
  kind: 'due_soon' | 'overdue';
  email: string;
  displayName: string;
  dutyNameZh: string;
  unitName: string;
  periodKey: string;
  deadline: string;
};

/** Of the given notifications, those whose account has an email and that were not mailed yet. */
export const listNotificationsToMail = async (q: Queryable, ids: readonly number[]) => {
  if (ids.length === 0) return [];
  const rows = await q.query<{
    id: number;
    kind: 'due_soon' | 'overdue';
    email: string;
    display_name: string;
    duty_name_zh: string;
    unit_name: string;
    period_key: string;
    deadline: string;
  }>(
    `SELECT n.id, n.kind, a.email, a.display_name, o.duty_name_zh, u.name AS unit_name, o.period_key,
            o.deadline
       FROM notifications n JOIN accounts a ON a.id = n.account_id
       JOIN duty_occurrences o ON o.id = n.occurrence_id JOIN units u ON u.id = o.unit_id
      WHERE n.id = ANY($1::bigint[]) AND a.email IS NOT NULL AND NOT a.disabled AND n.emailed_at IS NULL
      ORDER BY n.id`,
    [ids],
  );
  return rows.map(
    (r): NotificationToMail => ({
      id: Number(r.id),
      kind: r.kind,
      email: r.email,
      displayName: r.display_name,
      dutyNameZh: r.duty_name_zh,
      unitName: r.unit_name,
      periodKey: r.period_key,
      deadline: r.deadline,
    }),
  );
};

/** Records the outcome of mailing a notification: sent (error null) or the failure's message. */
export const recordNotificationEmail = async (
  q: Queryable,
  id: number,
  outcome: { at: Date; error: string | null },
) => {
  await q.query(
    `UPDATE notifications SET emailed_at = CASE WHEN $3::text IS NULL THEN $2 ELSE emailed_at END,
       email_error = $3 WHERE id = $1`,
    [id, outcome.at, outcome.error],
  );
};
