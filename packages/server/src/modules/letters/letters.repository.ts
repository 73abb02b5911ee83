import type { LetterTemplate } from '@zongzhi/contracts';
import type { LetterTarget, PostKind, UnitKind } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';

// The letters area's SQL. Instants travel as Date and leave as ISO strings; jsonb columns hold
// templates' and versions' text lists and targets.

export type UnitRef = {
  id: number;
  name: string;
  kind: UnitKind;
  path: string;
  depth: number;
  parentId: number | null;
  validTo: string | null;
};

type RawUnit = {
  id: number;
  name: string;
  kind: UnitKind;
  path: string;
  depth: number;
  parent_id: number | null;
  valid_to: string | null;
};
const toUnit = (r: RawUnit): UnitRef => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  path: r.path,
  depth: r.depth,
  parentId: r.parent_id,
  validTo: r.valid_to,
});

export const findUnit = async (q: Queryable, id: number): Promise<UnitRef | undefined> =>
  (
    await q.query<RawUnit>(
      'SELECT id, name, kind, path, depth, parent_id, valid_to FROM units WHERE id = $1',
      [id],
    )
  ).map(toUnit)[0];

export const listUnitsByIds = async (q: Queryable, ids: readonly number[]): Promise<UnitRef[]> =>
  (
    await q.query<RawUnit>(
      'SELECT id, name, kind, path, depth, parent_id, valid_to FROM units WHERE id = ANY($1::bigint[]) ORDER BY path',
      [ids],
    )
  ).map(toUnit);

/** Current units of these kinds below `path` (not the unit itself). */
export const listDescendantsOfKinds = async (
  q: Queryable,
  path: string,
  kinds: readonly string[],
): Promise<UnitRef[]> =>
  (
    await q.query<RawUnit>(
      `SELECT id, name, kind, path, depth, parent_id, valid_to FROM units
        WHERE path LIKE $1 AND path <> $2 AND kind = ANY($3::text[]) AND valid_to IS NULL
        ORDER BY depth, code, id`,
      [`${path}%`, path, kinds],
    )
  ).map(toUnit);

export type PostOnDate = {
  id: number;
  unitId: number;
  personId: number;
  personName: string;
  postKind: PostKind;
  title: string;
  startDate: string;
  endDate: string | null;
};

/** Posts of these units held on `date` (start ≤ date < end), people's names included. */
export const listPostsOnDate = async (
  q: Queryable,
  unitIds: readonly number[],
  date: string,
): Promise<PostOnDate[]> =>
  (
    await q.query<{
      id: number;
      unit_id: number;
      person_id: number;
      person_name: string;
      post_kind: PostKind;
      title: string;
      start_date: string;
      end_date: string | null;
    }>(
      `SELECT po.id, po.unit_id, po.person_id, p.name AS person_name, po.post_kind, po.title, po.start_date, po.end_date
         FROM posts po JOIN people p ON p.id = po.person_id
        WHERE po.unit_id = ANY($1::bigint[]) AND po.start_date <= $2 AND (po.end_date IS NULL OR po.end_date > $2)
        ORDER BY po.unit_id, po.start_date, po.id`,
      [unitIds, date],
    )
  ).map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    personId: r.person_id,
    personName: r.person_name,
    postKind: r.post_kind,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
  }));

// ---------------------------------------------------------------------------------------------
// Templates

export type TemplateRow = LetterTemplate & { ownerPath: string | null };

type RawTemplate = {
  id: number;
  name: string;
  relationship_id: string;
  owner_unit_id: number | null;
  owner_name: string | null;
  owner_path: string | null;
  shipped_key: string | null;
  title: string;
  preamble: string;
  responsibilities: string[];
  targets: LetterTarget[];
  created_at: Date;
  updated_at: Date;
};

const TEMPLATE_COLUMNS = `t.id, t.name, t.relationship_id, t.owner_unit_id, u.name AS owner_name, u.path AS owner_path,
  t.shipped_key, t.title, t.preamble, t.responsibilities, t.targets, t.created_at, t.updated_at`;

const toTemplate = (r: RawTemplate): TemplateRow => ({
  id: r.id,
  name: r.name,
  relationshipId: r.relationship_id,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_name,
  ownerPath: r.owner_path,
  shipped: r.shipped_key !== null,
  title: r.title,
  preamble: r.preamble,
  responsibilities: r.responsibilities,
  targets: r.targets as LetterTemplate['targets'],
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const findTemplate = async (q: Queryable, id: number): Promise<TemplateRow | undefined> =>
  (
    await q.query<RawTemplate>(
      `SELECT ${TEMPLATE_COLUMNS} FROM letter_templates t LEFT JOIN units u ON u.id = t.owner_unit_id WHERE t.id = $1`,
      [id],
    )
  ).map(toTemplate)[0];

export const findShippedTemplateId = async (q: Queryable, key: string): Promise<number | undefined> =>
  (await q.query<{ id: number }>('SELECT id FROM letter_templates WHERE shipped_key = $1', [key]))[0]?.id;

export const listTemplates = async (
  q: Queryable,
  filter: {
    scope: string[];
    relationshipId?: string | undefined;
    ownerUnitId?: number | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: TemplateRow[]; total: number }> => {
  const where = `(t.owner_unit_id IS NULL OR u.path LIKE ANY($1::text[]))
    AND ($2::text IS NULL OR t.relationship_id = $2)
    AND ($3::bigint IS NULL OR t.owner_unit_id IS NULL OR t.owner_unit_id = $3)`;
  const params = [filter.scope, filter.relationshipId ?? null, filter.ownerUnitId ?? null];
  const rows = await q.query<RawTemplate>(
    `SELECT ${TEMPLATE_COLUMNS} FROM letter_templates t LEFT JOIN units u ON u.id = t.owner_unit_id
      WHERE ${where} ORDER BY t.owner_unit_id NULLS FIRST, t.name, t.id LIMIT $4 OFFSET $5`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM letter_templates t LEFT JOIN units u ON u.id = t.owner_unit_id WHERE ${where}`,
    params,
  );
  return { items: rows.map(toTemplate), total: count?.n ?? 0 };
};

export type TemplateContent = {
  name: string;
  relationshipId: string;
  title: string;
  preamble: string;
  responsibilities: string[];
  targets: LetterTarget[];
};

export const insertTemplate = async (
  q: Queryable,
  t: TemplateContent & { ownerUnitId: number | null; shippedKey: string | null; now: Date; by: string },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO letter_templates (name, relationship_id, owner_unit_id, shipped_key, title, preamble, responsibilities,
                                   targets, created_at, updated_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $9, $10) RETURNING id`,
    [
      t.name,
      t.relationshipId,
      t.ownerUnitId,
      t.shippedKey,
      t.title,
      t.preamble,
      JSON.stringify(t.responsibilities),
      JSON.stringify(t.targets),
      t.now,
      t.by,
    ],
  );
  return row!.id;
};

export const updateTemplate = async (
  q: Queryable,
  id: number,
  t: TemplateContent & { ownerUnitId: number; now: Date },
): Promise<void> => {
  await q.query(
    `UPDATE letter_templates SET name = $2, relationship_id = $3, owner_unit_id = $4, title = $5, preamble = $6,
            responsibilities = $7::jsonb, targets = $8::jsonb, updated_at = $9 WHERE id = $1`,
    [
      id,
      t.name,
      t.relationshipId,
      t.ownerUnitId,
      t.title,
      t.preamble,
      JSON.stringify(t.responsibilities),
      JSON.stringify(t.targets),
      t.now,
    ],
  );
};

export const countBatchesOfTemplate = async (q: Queryable, id: number): Promise<number> =>
  (
    await q.query<{ n: number }>('SELECT count(*)::int AS n FROM letter_batches WHERE template_id = $1', [id])
  )[0]?.n ?? 0;

export const deleteTemplate = async (q: Queryable, id: number): Promise<void> => {
  await q.query('DELETE FROM letter_templates WHERE id = $1', [id]);
};

// ---------------------------------------------------------------------------------------------
// Batches

export type SkippedUnit = {
  unitId: number;
  unitName: string;
  code: 'missing_principal' | 'already_has_letter';
  message: { zh: string; en: string };
};

export type BatchRow = {
  id: number;
  templateId: number;
  templateName: string;
  relationshipId: string;
  issuerUnitId: number;
  issuerUnitName: string;
  issuerPath: string;
  year: number;
  issueDate: string;
  status: 'draft' | 'issuing' | 'issued' | 'failed';
  recipientUnitIds: number[];
  total: number;
  done: number;
  skipped: SkippedUnit[];
  error: { zh: string; en: string } | null;
  createdAt: string;
  createdBy: string;
  issuedAt: string | null;
};

type RawBatch = {
  id: number;
  template_id: number;
  template_name: string;
  relationship_id: string;
  issuer_unit_id: number;
  issuer_name: string;
  issuer_path: string;
  year: number;
  issue_date: string;
  status: BatchRow['status'];
  recipient_unit_ids: number[];
  total: number;
  done: number;
  skipped: SkippedUnit[];
  error_zh: string | null;
  error_en: string | null;
  created_at: Date;
  created_by: string;
  issued_at: Date | null;
};

const BATCH_COLUMNS = `b.id, b.template_id, b.template_name, b.relationship_id, b.issuer_unit_id, u.name AS issuer_name,
  u.path AS issuer_path, b.year, b.issue_date, b.status, b.recipient_unit_ids, b.total, b.done, b.skipped,
  b.error_zh, b.error_en, b.created_at, b.created_by, b.issued_at`;

const toBatch = (r: RawBatch): BatchRow => ({
  id: r.id,
  templateId: r.template_id,
  templateName: r.template_name,
  relationshipId: r.relationship_id,
  issuerUnitId: r.issuer_unit_id,
  issuerUnitName: r.issuer_name,
  issuerPath: r.issuer_path,
  year: r.year,
  issueDate: r.issue_date,
  status: r.status,
  recipientUnitIds: r.recipient_unit_ids,
  total: r.total,
  done: r.done,
  skipped: r.skipped,
  error: r.error_zh !== null && r.error_en !== null ? { zh: r.error_zh, en: r.error_en } : null,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  issuedAt: r.issued_at?.toISOString() ?? null,
});

export const findBatch = async (q: Queryable, id: number): Promise<BatchRow | undefined> =>
  (
    await q.query<RawBatch>(
      `SELECT ${BATCH_COLUMNS} FROM letter_batches b JOIN units u ON u.id = b.issuer_unit_id WHERE b.id = $1`,
      [id],
    )
  ).map(toBatch)[0];

export const listBatches = async (
  q: Queryable,
  filter: {
    scope: string[];
    year?: number | undefined;
    issuerUnitId?: number | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: BatchRow[]; total: number }> => {
  const where = `u.path LIKE ANY($1::text[]) AND ($2::int IS NULL OR b.year = $2) AND ($3::bigint IS NULL OR b.issuer_unit_id = $3)`;
  const params = [filter.scope, filter.year ?? null, filter.issuerUnitId ?? null];
  const rows = await q.query<RawBatch>(
    `SELECT ${BATCH_COLUMNS} FROM letter_batches b JOIN units u ON u.id = b.issuer_unit_id
      WHERE ${where} ORDER BY b.created_at DESC, b.id DESC LIMIT $4 OFFSET $5`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM letter_batches b JOIN units u ON u.id = b.issuer_unit_id WHERE ${where}`,
    params,
  );
  return { items: rows.map(toBatch), total: count?.n ?? 0 };
};

export const insertBatch = async (
  q: Queryable,
  b: {
    templateId: number;
    templateName: string;
    relationshipId: string;
    issuerUnitId: number;
    year: number;
    issueDate: string;
    recipientUnitIds: number[];
    skipped: SkippedUnit[];
    now: Date;
    by: string;
    accountId: number | null;
  },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO letter_batches (template_id, template_name, relationship_id, issuer_unit_id, year, issue_date, status,
                                 recipient_unit_ids, total, done, skipped, created_at, created_by, created_by_account_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7::jsonb, $8, 0, $9::jsonb, $10, $11, $12) RETURNING id`,
    [
      b.templateId,
      b.templateName,
      b.relationshipId,
      b.issuerUnitId,
      b.year,
      b.issueDate,
      JSON.stringify(b.recipientUnitIds),
      b.recipientUnitIds.length,
      JSON.stringify(b.skipped),
      b.now,
      b.by,
      b.accountId,
    ],
  );
  return row!.id;
};

/** Moves a batch from one status to the next; false when it was no longer in `from` (a second click). */
export const setBatchStatus = async (
  q: Queryable,
  id: number,
  from: BatchRow['status'],
  to: BatchRow['status'],
  extra: { issuedAt?: Date; error?: { zh: string; en: string }; heartbeatAt?: Date } = {},
): Promise<boolean> =>
  (
    await q.query<{ id: number }>(
      `UPDATE letter_batches SET status = $3, issued_at = COALESCE($4, issued_at), error_zh = $5, error_en = $6,
              done = CASE WHEN $3 = 'failed' THEN 0 ELSE done END, heartbeat_at = COALESCE($7, heartbeat_at)
        WHERE id = $1 AND status = $2 RETURNING id`,
      [
        id,
        from,
        to,
        extra.issuedAt ?? null,
        extra.error?.zh ?? null,
        extra.error?.en ?? null,
        extra.heartbeatAt ?? null,
      ],
    )
  ).length > 0;

/**
 * Progress of an issue, with its heartbeat; false when the batch is no longer issuing (it was
 * recovered as stuck meanwhile), and the caller must roll its chunk back. Runs first in a chunk's
 * transaction, so that the row lock orders it against a recovery.
 */
export const setBatchDone = async (q: Queryable, id: number, done: number, now: Date): Promise<boolean> =>
  (
    await q.query(
      `UPDATE letter_batches SET done = $2, heartbeat_at = $3 WHERE id = $1 AND status = 'issuing' RETURNING id`,
      [id, done, now],
    )
  ).length > 0;

/** Batches left issuing with no heartbeat since `cutoff` (their process died, or froze). */
export const listStuckBatchIds = async (q: Queryable, cutoff: Date): Promise<number[]> =>
  (
    await q.query<{ id: number }>(
      `SELECT id FROM letter_batches WHERE status = 'issuing' AND (heartbeat_at IS NULL OR heartbeat_at < $1)
        ORDER BY id`,
      [cutoff],
    )
  ).map((r) => r.id);

/**
 * Fails a stuck batch (still issuing, heartbeat before `cutoff`); false when it is not stuck
 * (any more). A live issue renews its heartbeat under the row lock, so it never loses to this.
 */
export const failStuckBatch = async (
  q: Queryable,
  id: number,
  cutoff: Date,
  error: { zh: string; en: string },
): Promise<{ done: number } | undefined> => {
  // Locks the row first: an issue's chunk that holds it commits its heartbeat before we look.
  const [row] = await q.query<{ done: number }>(
    `SELECT done FROM letter_batches
      WHERE id = $1 AND status = 'issuing' AND (heartbeat_at IS NULL OR heartbeat_at < $2) FOR UPDATE`,
    [id, cutoff],
  );
  if (!row) return undefined;
  const failed = await q.query(
    `UPDATE letter_batches SET status = 'failed', done = 0, error_zh = $3, error_en = $4
      WHERE id = $1 AND status = 'issuing' AND (heartbeat_at IS NULL OR heartbeat_at < $2) RETURNING id`,
    [id, cutoff, error.zh, error.en],
  );
  return failed.length > 0 ? row : undefined;
};

// ---------------------------------------------------------------------------------------------
// Letters

export type NewSignatory = {
  party: 'issuer' | 'recipient';
  personId: number;
  personName: string;
  postKind: PostKind;
  postTitle: string | null;
  role: string;
};

export type NewLetterVersion = {
  title: string;
  preamble: string;
  responsibilities: string[];
  targets: LetterTarget[];
  reason: string | null;
  hash: string;
  now: Date;
  by: string;
  signatories: NewSignatory[];
};

export const insertLetter = async (
  q: Queryable,
  l: {
    batchId: number | null;
    year: number;
    relationshipId: string;
    issuerUnitId: number;
    recipientUnitId: number;
    parentLetterId: number | null;
    issueDate: string;
    live: boolean;
    now: Date;
  },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO letters (batch_id, year, relationship_id, issuer_unit_id, recipient_unit_id, parent_letter_id,
                          issue_date, current_version, live, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9) RETURNING id`,
    [
      l.batchId,
      l.year,
      l.relationshipId,
      l.issuerUnitId,
      l.recipientUnitId,
      l.parentLetterId,
      l.issueDate,
      l.live,
      l.now,
    ],
  );
  return row!.id;
};

/** Writes a version with its targets and its (pending) signatories. */
export const insertLetterVersion = async (
  q: Queryable,
  letterId: number,
  version: number,
  v: NewLetterVersion,
): Promise<void> => {
  await q.query(
    `INSERT INTO letter_versions (letter_id, version, title, preamble, responsibilities, reason, created_at, created_by, hash)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
    [
      letterId,
      version,
      v.title,
      v.preamble,
      JSON.stringify(v.responsibilities),
      v.reason,
      v.now,
      v.by,
      v.hash,
    ],
  );
  await insertTargets(q, letterId, version, v.targets);
  if (v.signatories.length === 0) return;
  // One statement for all signatories (a batch writes thousands).
  await q.query(
    `INSERT INTO letter_signatures (letter_id, version, party, person_id, person_name, post_kind, post_title, role, position)
     SELECT $1, $2, s.party, s.person_id, s.person_name, s.post_kind, s.post_title, s.role, s.ord - 1
       FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[])
            WITH ORDINALITY AS s(party, person_id, person_name, post_kind, post_title, role, ord)`,
    [
      letterId,
      version,
      v.signatories.map((x) => x.party),
      v.signatories.map((x) => x.personId),
      v.signatories.map((x) => x.personName),
      v.signatories.map((x) => x.postKind),
      v.signatories.map((x) => x.postTitle),
      v.signatories.map((x) => x.role),
    ],
  );
};

const insertTargets = async (
  q: Queryable,
  letterId: number,
  version: number,
  targets: readonly LetterTarget[],
) => {
  if (targets.length === 0) return;
  await q.query(
    `INSERT INTO letter_targets (letter_id, version, position, key, target)
     SELECT $1, $2, t.ord - 1, t.value->>'key', t.value
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(value, ord)`,
    [letterId, version, JSON.stringify(targets)],
  );
};

/** Rewrites an unsigned version in place (the triggers refuse it once the version is locked). */
export const replaceLetterVersionContent = async (
  q: Queryable,
  letterId: number,
  version: number,
  v: { title: string; preamble: string; responsibilities: string[]; targets: LetterTarget[]; hash: string },
): Promise<void> => {
  await q.query(
    'UPDATE letter_versions SET title = $3, preamble = $4, responsibilities = $5::jsonb, hash = $6 WHERE letter_id = $1 AND version = $2',
    [letterId, version, v.title, v.preamble, JSON.stringify(v.responsibilities), v.hash],
  );
  await q.query('DELETE FROM letter_targets WHERE letter_id = $1 AND version = $2', [letterId, version]);
  await insertTargets(q, letterId, version, v.targets);
};

export const setCurrentVersion = async (q: Queryable, letterId: number, version: number): Promise<void> => {
  await q.query('UPDATE letters SET current_version = $2 WHERE id = $1', [letterId, version]);
};

export const makeBatchLettersLive = async (q: Queryable, batchId: number): Promise<void> => {
  await q.query('UPDATE letters SET live = true WHERE batch_id = $1', [batchId]);
};

/** Removes the letters of a batch that never went live (a failed issue). */
export const deleteUnissuedBatchLetters = async (q: Queryable, batchId: number): Promise<void> => {
  await q.query('DELETE FROM letters WHERE batch_id = $1 AND NOT live', [batchId]);
};

export type LetterRow = {
  id: number;
  batchId: number | null;
  year: number;
  relationshipId: string;
  issuerUnitId: number;
  issuerUnitName: string;
  issuerUnitKind: UnitKind;
  issuerPath: string;
  issuerDepth: number;
  recipientUnitId: number;
  recipientUnitName: string;
  recipientUnitKind: UnitKind;
  recipientPath: string;
  recipientDepth: number;
  parentLetterId: number | null;
  issueDate: string;
  currentVersion: number;
  title: string;
  signatoryCount: number;
  signedCount: number;
  awaitingMe: boolean;
};

type RawLetter = {
  id: number;
  batch_id: number | null;
  year: number;
  relationship_id: string;
  issuer_unit_id: number;
  issuer_name: string;
  issuer_kind: UnitKind;
  issuer_path: string;
  issuer_depth: number;
  recipient_unit_id: number;
  recipient_name: string;
  recipient_kind: UnitKind;
  recipient_path: string;
  recipient_depth: number;
  parent_letter_id: number | null;
  issue_date: string;
  current_version: number;
  title: string;
  signatory_count: number;
  signed_count: number;
  awaiting_me: boolean;
};

const letterColumns = (personParam: string) => `l.id, l.batch_id, l.year, l.relationship_id,
  l.issuer_unit_id, iu.name AS issuer_name, iu.kind AS issuer_kind, iu.path AS issuer_path, iu.depth AS issuer_depth,
  l.recipient_unit_id, ru.name AS recipient_name, ru.kind AS recipient_kind, ru.path AS recipient_path,
  ru.depth AS recipient_depth, l.parent_letter_id, l.issue_date, l.current_version, v.title,
  (SELECT count(*) FROM letter_signatures s WHERE s.letter_id = l.id AND s.version = l.current_version)::int AS signatory_count,
  (SELECT count(*) FROM letter_signatures s WHERE s.letter_id = l.id AND s.version = l.current_version
     AND s.signed_at IS NOT NULL)::int AS signed_count,
  EXISTS (SELECT 1 FROM letter_signatures s WHERE s.letter_id = l.id AND s.version = l.current_version
     AND s.signed_at IS NULL AND s.person_id = ${personParam}) AS awaiting_me`;

const LETTER_FROM = `FROM letters l JOIN units iu ON iu.id = l.issuer_unit_id JOIN units ru ON ru.id = l.recipient_unit_id
  JOIN letter_versions v ON v.letter_id = l.id AND v.version = l.current_version`;

const toLetter = (r: RawLetter): LetterRow => ({
  id: r.id,
  batchId: r.batch_id,
  year: r.year,
  relationshipId: r.relationship_id,
  issuerUnitId: r.issuer_unit_id,
  issuerUnitName: r.issuer_name,
  issuerUnitKind: r.issuer_kind,
  issuerPath: r.issuer_path,
  issuerDepth: r.issuer_depth,
  recipientUnitId: r.recipient_unit_id,
  recipientUnitName: r.recipient_name,
  recipientUnitKind: r.recipient_kind,
  recipientPath: r.recipient_path,
  recipientDepth: r.recipient_depth,
  parentLetterId: r.parent_letter_id,
  issueDate: r.issue_date,
  currentVersion: r.current_version,
  title: r.title,
  signatoryCount: r.signatory_count,
  signedCount: r.signed_count,
  awaitingMe: r.awaiting_me,
});

/** A live letter (letters of a batch still being issued are not found). */
export const findLetter = async (
  q: Queryable,
  id: number,
  personId: number | null,
): Promise<LetterRow | undefined> =>
  (
    await q.query<RawLetter>(`SELECT ${letterColumns('$2')} ${LETTER_FROM} WHERE l.id = $1 AND l.live`, [
      id,
      personId ?? -1,
    ])
  ).map(toLetter)[0];

export type LetterFilter = {
  scope: string[];
  personId: number | null;
  year?: number | undefined;
  batchId?: number | undefined;
  issuerUnitId?: number | undefined;
  recipientUnitId?: number | undefined;
  status?: 'pending' | 'partially_signed' | 'signed' | undefined;
  awaitingMe?: boolean | undefined;
};

const letterWhere = `l.live AND (iu.path LIKE ANY($1::text[]) OR ru.path LIKE ANY($1::text[]))
  AND ($3::int IS NULL OR l.year = $3) AND ($4::bigint IS NULL OR l.batch_id = $4)
  AND ($5::bigint IS NULL OR l.issuer_unit_id = $5) AND ($6::bigint IS NULL OR l.recipient_unit_id = $6)`;

export const listLetters = async (
  q: Queryable,
  f: LetterFilter & { limit: number; offset: number },
): Promise<{ items: LetterRow[]; total: number }> => {
  const params = [
    f.scope,
    f.personId ?? -1,
    f.year ?? null,
    f.batchId ?? null,
    f.issuerUnitId ?? null,
    f.recipientUnitId ?? null,
    f.status ?? null,
    f.awaitingMe ?? false,
  ];
  const inner = `SELECT ${letterColumns('$2')} ${LETTER_FROM} WHERE ${letterWhere}`;
  const outer = `FROM (${inner}) x WHERE ($7::text IS NULL OR $7 = CASE
      WHEN x.signatory_count > 0 AND x.signed_count >= x.signatory_count THEN 'signed'
      WHEN x.signed_count > 0 THEN 'partially_signed' ELSE 'pending' END)
    AND (NOT $8::boolean OR x.awaiting_me)`;
  const rows = await q.query<RawLetter>(
    `SELECT x.* ${outer} ORDER BY x.year DESC, x.issuer_path, x.recipient_path, x.id LIMIT $9 OFFSET $10`,
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${outer}`, params);
  return { items: rows.map(toLetter), total: count?.n ?? 0 };
};

/** Live letters of a year issued by units within the scope (for the signing rate). */
export const listLettersOfYear = async (q: Queryable, scope: string[], year: number): Promise<LetterRow[]> =>
  (
    await q.query<RawLetter>(
      `SELECT ${letterColumns('$3')} ${LETTER_FROM} WHERE l.live AND l.year = $2 AND iu.path LIKE ANY($1::text[])
        ORDER BY iu.path, ru.path`,
      [scope, year, -1],
    )
  ).map(toLetter);

/** The live letter a unit received in a year from its issuer (the parent of the letters it issues). */
export const findLetterReceived = async (
  q: Queryable,
  recipientUnitId: number,
  year: number,
): Promise<LetterRow | undefined> =>
  (
    await q.query<RawLetter>(
      `SELECT ${letterColumns('$3')} ${LETTER_FROM} WHERE l.live AND l.recipient_unit_id = $1 AND l.year = $2
        ORDER BY iu.depth DESC, l.id LIMIT 1`,
      [recipientUnitId, year, -1],
    )
  ).map(toLetter)[0];

/** Recipients (among these) already holding a letter from the issuer for the year, live or being issued. */
export const findRecipientsWithLetter = async (
  q: Queryable,
  issuerUnitId: number,
  year: number,
  recipientIds: readonly number[],
): Promise<Set<number>> =>
  new Set(
    (
      await q.query<{ recipient_unit_id: number }>(
        `SELECT recipient_unit_id FROM letters WHERE issuer_unit_id = $1 AND year = $2 AND recipient_unit_id = ANY($3::bigint[])`,
        [issuerUnitId, year, recipientIds],
      )
    ).map((r) => r.recipient_unit_id),
  );

export const listChildLetters = async (q: Queryable, letter: { recipientUnitId: number; year: number }) =>
  (
    await q.query<RawLetter>(
      `SELECT ${letterColumns('$3')} ${LETTER_FROM} WHERE l.live AND l.issuer_unit_id = $1 AND l.year = $2 ORDER BY ru.path`,
      [letter.recipientUnitId, letter.year, -1],
    )
  ).map(toLetter);

export type VersionRow = {
  version: number;
  title: string;
  preamble: string;
  responsibilities: string[];
  targets: LetterTarget[];
  reason: string | null;
  createdAt: string;
  createdBy: string;
  hash: string;
  locked: boolean;
};

export const findVersion = async (
  q: Queryable,
  letterId: number,
  version: number,
): Promise<VersionRow | undefined> => {
  const [v] = await q.query<{
    version: number;
    title: string;
    preamble: string;
    responsibilities: string[];
    reason: string | null;
    created_at: Date;
    created_by: string;
    hash: string;
    locked: boolean;
  }>(
    `SELECT version, title, preamble, responsibilities, reason, created_at, created_by, hash, locked
       FROM letter_versions WHERE letter_id = $1 AND version = $2`,
    [letterId, version],
  );
  if (!v) return undefined;
  const targets = await q.query<{ target: LetterTarget }>(
    'SELECT target FROM letter_targets WHERE letter_id = $1 AND version = $2 ORDER BY position',
    [letterId, version],
  );
  return {
    version: v.version,
    title: v.title,
    preamble: v.preamble,
    responsibilities: v.responsibilities,
    targets: targets.map((t) => t.target),
    reason: v.reason,
    createdAt: v.created_at.toISOString(),
    createdBy: v.created_by,
    hash: v.hash,
    locked: v.locked,
  };
};

/** Targets of the current versions of many letters at once (cascade checks over a batch). */
export const listCurrentTargets = async (
  q: Queryable,
  letterIds: readonly number[],
): Promise<Map<number, LetterTarget[]>> => {
  const rows = await q.query<{ letter_id: number; target: LetterTarget }>(
    `SELECT t.letter_id, t.target FROM letter_targets t JOIN letters l ON l.id = t.letter_id AND l.current_version = t.version
      WHERE t.letter_id = ANY($1::bigint[]) ORDER BY t.letter_id, t.position`,
    [letterIds],
  );
  const result = new Map<number, LetterTarget[]>();
  for (const r of rows) result.set(r.letter_id, [...(result.get(r.letter_id) ?? []), r.target]);
  return result;
};

export const listVersions = async (q: Queryable, letterId: number) =>
  (
    await q.query<{ version: number; reason: string | null; created_at: Date; locked: boolean }>(
      'SELECT version, reason, created_at, locked FROM letter_versions WHERE letter_id = $1 ORDER BY version',
      [letterId],
    )
  ).map((r) => ({
    version: r.version,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    locked: r.locked,
  }));

export type SignatureRow = {
  party: 'issuer' | 'recipient';
  personId: number;
  name: string;
  postKind: PostKind;
  postTitle: string | null;
  role: string;
  signedAt: string | null;
  hash: string | null;
  signedBy: string | null;
};

export const listSignatures = async (
  q: Queryable,
  letterId: number,
  version: number,
): Promise<SignatureRow[]> =>
  (
    await q.query<{
      party: 'issuer' | 'recipient';
      person_id: number;
      person_name: string;
      post_kind: PostKind;
      post_title: string | null;
      role: string;
      signed_at: Date | null;
      hash: string | null;
      signed_by: string | null;
    }>(
      `SELECT party, person_id, person_name, post_kind, post_title, role, signed_at, hash, signed_by
         FROM letter_signatures WHERE letter_id = $1 AND version = $2
        ORDER BY CASE party WHEN 'issuer' THEN 0 ELSE 1 END, position`,
      [letterId, version],
    )
  ).map((r) => ({
    party: r.party,
    personId: r.person_id,
    name: r.person_name,
    postKind: r.post_kind,
    postTitle: r.post_title,
    role: r.role,
    signedAt: r.signed_at?.toISOString() ?? null,
    hash: r.hash,
    signedBy: r.signed_by,
  }));

/** Records a pending signature; false when there was none pending for the person (signed meanwhile). */
export const recordSignature = async (
  q: Queryable,
  s: {
    letterId: number;
    version: number;
    personId: number;
    now: Date;
    by: string;
    accountId: number;
    hash: string;
  },
): Promise<boolean> => {
  const rows = await q.query<{ person_id: number }>(
    `UPDATE letter_signatures SET signed_at = $4, signed_by = $5, signed_by_account_id = $6, hash = $7
      WHERE letter_id = $1 AND version = $2 AND person_id = $3 AND signed_at IS NULL RETURNING person_id`,
    [s.letterId, s.version, s.personId, s.now, s.by, s.accountId, s.hash],
  );
  if (rows.length === 0) return false;
  await q.query(
    'UPDATE letter_versions SET locked = true WHERE letter_id = $1 AND version = $2 AND NOT locked',
    [s.letterId, s.version],
  );
  return true;
};

/** The unsigned signatures of current versions of live letters issued within scope in a year. */
export const listUnsigned = async (q: Queryable, scope: string[], year: number) =>
  (
    await q.query<{
      letter_id: number;
      issuer_name: string;
      party: 'issuer' | 'recipient';
      unit_id: number;
      unit_name: string;
      person_id: number;
      person_name: string;
      issue_date: string;
    }>(
      `SELECT l.id AS letter_id, iu.name AS issuer_name, s.party,
              CASE s.party WHEN 'issuer' THEN iu.id ELSE ru.id END AS unit_id,
              CASE s.party WHEN 'issuer' THEN iu.name ELSE ru.name END AS unit_name,
              s.person_id, s.person_name, l.issue_date
         FROM letters l JOIN units iu ON iu.id = l.issuer_unit_id JOIN units ru ON ru.id = l.recipient_unit_id
         JOIN letter_signatures s ON s.letter_id = l.id AND s.version = l.current_version AND s.signed_at IS NULL
        WHERE l.live AND l.year = $2 AND iu.path LIKE ANY($1::text[])
        ORDER BY l.issue_date, iu.path, ru.path, s.party, s.position`,
      [scope, year],
    )
  ).map((r) => ({
    letterId: r.letter_id,
    issuerUnitName: r.issuer_name,
    party: r.party,
    unitId: r.unit_id,
    unitName: r.unit_name,
    personId: r.person_id,
    personName: r.person_name,
    issueDate: r.issue_date,
  }));

// ---------------------------------------------------------------------------------------------
// TOTP of the signing account

export const findAccountTotp = async (q: Queryable, accountId: number) =>
  (
    await q.query<{ totp_enabled: boolean; totp_secret_enc: string | null; totp_last_step: number | null }>(
      'SELECT totp_enabled, totp_secret_enc, totp_last_step FROM accounts WHERE id = $1',
      [accountId],
    )
  ).map((r) => ({ enabled: r.totp_enabled, secretEnc: r.totp_secret_enc, lastStep: r.totp_last_step }))[0];

/** Spends a TOTP step so that the same code cannot sign (or log in) twice. */
export const useTotpStep = async (q: Queryable, accountId: number, step: number): Promise<boolean> =>
  (
    await q.query<{ id: number }>(
      'UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
      [accountId, step],
    )
  ).length > 0;

// ---------------------------------------------------------------------------------------------
// Progress values

export type StoredValue = {
  key: string;
  periodKey: string;
  value: number;
  note: string | null;
  source: 'entered' | 'imported';
  enteredBy: string;
  enteredAt: string;
};

export const listIndicatorValues = async (
  q: Queryable,
  unitId: number,
  indicatorIds: readonly string[],
  periodKeys: readonly string[],
): Promise<StoredValue[]> =>
  (
    await q.query<{
      indicator_id: string;
      period_key: string;
      value: number;
      note: string | null;
      source: 'entered' | 'imported';
      entered_by: string;
      entered_at: Date;
    }>(
      `SELECT indicator_id, period_key, value, note, source, entered_by, entered_at FROM indicator_values
        WHERE unit_id = $1 AND indicator_id = ANY($2::text[]) AND period_key = ANY($3::text[])`,
      [unitId, indicatorIds, periodKeys],
    )
  ).map((r) => ({
    key: r.indicator_id,
    periodKey: r.period_key,
    value: r.value,
    note: r.note,
    source: r.source,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at.toISOString(),
  }));

export const listTargetValues = async (q: Queryable, letterId: number): Promise<StoredValue[]> =>
  (
    await q.query<{
      target_key: string;
      period_key: string;
      value: number;
      note: string | null;
      source: 'entered' | 'imported';
      entered_by: string;
      entered_at: Date;
    }>(
      'SELECT target_key, period_key, value, note, source, entered_by, entered_at FROM letter_target_values WHERE letter_id = $1',
      [letterId],
    )
  ).map((r) => ({
    key: r.target_key,
    periodKey: r.period_key,
    value: r.value,
    note: r.note,
    source: r.source,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at.toISOString(),
  }));

export type ValueWrite = {
  value: number | null;
  note: string | null;
  source: 'entered' | 'imported';
  by: string;
  accountId: number | null;
  now: Date;
};

/** A value table keyed by three columns (the shared indicator values, or a letter's own targets). */
type ValueTable = {
  table: 'indicator_values' | 'letter_target_values';
  key: readonly [string, string, string];
};

/** Writes (or, for null, deletes) one entered value of a period in a value table. */
const saveValue = async (
  q: Queryable,
  { table, key }: ValueTable,
  keyValues: readonly [unknown, unknown, unknown],
  w: ValueWrite,
): Promise<void> => {
  const [k1, k2, k3] = key;
  if (w.value === null) {
    await q.query(`DELETE FROM ${table} WHERE ${k1} = $1 AND ${k2} = $2 AND ${k3} = $3`, [...keyValues]);
    return;
  }
  await q.query(
    `INSERT INTO ${table} (${k1}, ${k2}, ${k3}, value, note, source, entered_by, entered_by_account_id, entered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (${k1}, ${k2}, ${k3}) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note,
       source = EXCLUDED.source, entered_by = EXCLUDED.entered_by, entered_by_account_id = EXCLUDED.entered_by_account_id,
       entered_at = EXCLUDED.entered_at`,
    [...keyValues, w.value, w.note, w.source, w.by, w.accountId, w.now],
  );
};

export const saveIndicatorValue = (
  q: Queryable,
  key: { unitId: number; indicatorId: string; periodKey: string },
  w: ValueWrite,
): Promise<void> =>
  saveValue(
    q,
    { table: 'indicator_values', key: ['unit_id', 'indicator_id', 'period_key'] },
    [key.unitId, key.indicatorId, key.periodKey],
    w,
  );

export const saveTargetValue = (
  q: Queryable,
  key: { letterId: number; targetKey: string; periodKey: string },
  w: ValueWrite,
): Promise<void> =>
  saveValue(
    q,
    { table: 'letter_target_values', key: ['letter_id', 'target_key', 'period_key'] },
    [key.letterId, key.targetKey, key.periodKey],
    w,
  );

// ---------------------------------------------------------------------------------------------
// Facts the system already holds (computed indicators)

/** Letters the unit issued in the year: how many, how many fully signed (current versions). */
export const countLettersIssuedBy = async (q: Queryable, unitId: number, year: number) => {
  const [row] = await q.query<{ total: number; signed: number }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM letter_signatures s WHERE s.letter_id = l.id
                 AND s.version = l.current_version AND s.signed_at IS NULL)
               AND EXISTS (SELECT 1 FROM letter_signatures s WHERE s.letter_id = l.id AND s.version = l.current_version))::int AS signed
       FROM letters l WHERE l.live AND l.issuer_unit_id = $1 AND l.year = $2`,
    [unitId, year],
  );
  return { total: row?.total ?? 0, signed: row?.signed ?? 0 };
};

/** Duty occurrences of the unit due within [from, to] and before `today`: how many, how many done on time. */
export const countDutiesOnTime = async (
  q: Queryable,
  unitId: number,
  from: string,
  to: string,
  today: string,
) => {
  const [row] = await q.query<{ total: number; on_time: number }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE waived_at IS NOT NULL OR fulfilled_on <= deadline)::int AS on_time
       FROM duty_occurrences WHERE unit_id = $1 AND deadline BETWEEN $2 AND $3 AND deadline < $4`,
    [unitId, from, to, today],
  );
  return { total: row?.total ?? 0, onTime: row?.on_time ?? 0 };
};

/** Incidents of the unit that happened within [from, to] (China days) and were assessed: how many on time. */
export const countIncidentReportsOnTime = async (q: Queryable, unitId: number, from: string, to: string) => {
  const [row] = await q.query<{ total: number; on_time: number }>(
    `SELECT count(*) FILTER (WHERE timeliness IN ('on_time','late','unreported'))::int AS total,
            count(*) FILTER (WHERE timeliness = 'on_time')::int AS on_time
       FROM incidents WHERE unit_id = $1 AND occurred_at >= $2 AND occurred_at < $3`,
    [unitId, new Date(`${from}T00:00:00+08:00`), new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000)],
  );
  return { total: row?.total ?? 0, onTime: row?.on_time ?? 0 };
};
