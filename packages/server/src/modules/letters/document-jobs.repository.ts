import type { Queryable } from '../../db/client';

// Background document jobs (table document_jobs, ADR 0009). A job is claimed by one worker at a
// time: the claim sets a random token and a lease; progress renews the lease; every write after
// the claim names the token, so a worker whose lease was taken over can no longer change the job.

export type DocumentJobKind = 'letter_batch_pdf';
export type DocumentJobState = 'queued' | 'running' | 'done' | 'failed';

export type DocumentJobRow = {
  id: number;
  kind: DocumentJobKind;
  targetId: number;
  state: DocumentJobState;
  total: number;
  done: number;
  scopePatterns: string[];
  attempts: number;
  error: { zh: string; en: string } | null;
  fileName: string | null;
  fileBytes: number | null;
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
};

type RawJob = {
  id: number;
  kind: DocumentJobKind;
  target_id: number;
  state: DocumentJobState;
  total: number;
  done: number;
  scope_patterns: string[];
  attempts: number;
  error_zh: string | null;
  error_en: string | null;
  file_name: string | null;
  file_bytes: number | null;
  created_at: Date;
  created_by: string;
  finished_at: Date | null;
};

const JOB_COLUMNS = `id, kind, target_id, state, total, done, scope_patterns, attempts, error_zh, error_en,
  file_name, file_bytes, created_at, created_by, finished_at`;

const toJob = (r: RawJob): DocumentJobRow => ({
  id: r.id,
  kind: r.kind,
  targetId: r.target_id,
  state: r.state,
  total: r.total,
  done: r.done,
  scopePatterns: r.scope_patterns,
  attempts: r.attempts,
  error: r.error_zh !== null && r.error_en !== null ? { zh: r.error_zh, en: r.error_en } : null,
  fileName: r.file_name,
  fileBytes: r.file_bytes,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  finishedAt: r.finished_at?.toISOString() ?? null,
});

export const insertDocumentJob = async (
  q: Queryable,
  j: {
    kind: DocumentJobKind;
    targetId: number;
    total: number;
    scopePatterns: string[];
    now: Date;
    by: string;
    accountId: number | null;
  },
): Promise<DocumentJobRow> =>
  (
    await q.query<RawJob>(
      `INSERT INTO document_jobs (kind, target_id, state, total, scope_patterns, created_at, created_by, created_by_account_id)
       VALUES ($1, $2, 'queued', $3, $4::jsonb, $5, $6, $7) RETURNING ${JOB_COLUMNS}`,
      [j.kind, j.targetId, j.total, JSON.stringify(j.scopePatterns), j.now, j.by, j.accountId],
    )
  ).map(toJob)[0]!;

export const findDocumentJob = async (q: Queryable, id: number): Promise<DocumentJobRow | undefined> =>
  (await q.query<RawJob>(`SELECT ${JOB_COLUMNS} FROM document_jobs WHERE id = $1`, [id])).map(toJob)[0];

/** The latest jobs of one record, newest first. */
export const listDocumentJobs = async (
  q: Queryable,
  kind: DocumentJobKind,
  targetId: number,
  limit: number,
): Promise<DocumentJobRow[]> =>
  (
    await q.query<RawJob>(
      `SELECT ${JOB_COLUMNS} FROM document_jobs WHERE kind = $1 AND target_id = $2 ORDER BY id DESC LIMIT $3`,
      [kind, targetId, limit],
    )
  ).map(toJob);

// The file crosses the driver as base64 text, not as a bytea parameter: PGlite encodes a bytea
// parameter through an array of one string per byte (a 3.5 MiB PDF grew the heap by ~300 MiB);
// text costs one string of 4/3 the size, on both drivers.

export const findDocumentJobFile = async (q: Queryable, id: number): Promise<Buffer | undefined> => {
  const [row] = await q.query<{ file: string | null }>(
    "SELECT encode(file, 'base64') AS file FROM document_jobs WHERE id = $1 AND state = 'done'",
    [id],
  );
  return row?.file ? Buffer.from(row.file, 'base64') : undefined;
};

export type ClaimedJob = DocumentJobRow & { token: string };

/**
 * Claims the oldest job that is queued, or running under a lease that expired (its worker died).
 * `FOR UPDATE SKIP LOCKED`: two server processes on one PostgreSQL never claim the same job (PGlite
 * has one process and accepts the same statement). Before that, a job whose lease expired after
 * `maxAttempts` claims is failed: a job that kills its process must not loop forever.
 */
export const claimDocumentJob = async (
  q: Queryable,
  c: {
    token: string;
    now: Date;
    leaseExpiresAt: Date;
    maxAttempts: number;
    exhausted: { zh: string; en: string };
  },
): Promise<{ claimed: ClaimedJob | undefined; exhausted: DocumentJobRow[] }> => {
  const exhausted = (
    await q.query<RawJob>(
      `UPDATE document_jobs SET state = 'failed', claim_token = NULL, lease_expires_at = NULL,
              error_zh = $3, error_en = $4, finished_at = $1
        WHERE state = 'running' AND lease_expires_at < $1 AND attempts >= $2
        RETURNING ${JOB_COLUMNS}`,
      [c.now, c.maxAttempts, c.exhausted.zh, c.exhausted.en],
    )
  ).map(toJob);
  const claimed = (
    await q.query<RawJob>(
      `UPDATE document_jobs SET state = 'running', claim_token = $1, lease_expires_at = $2,
              attempts = attempts + 1, started_at = COALESCE(started_at, $3)
        WHERE id = (SELECT id FROM document_jobs
                     WHERE state = 'queued' OR (state = 'running' AND lease_expires_at < $3)
                     ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${JOB_COLUMNS}`,
      [c.token, c.leaseExpiresAt, c.now],
    )
  ).map(toJob)[0];
  return { claimed: claimed && { ...claimed, token: c.token }, exhausted };
};

/** Progress of a claimed job, renewing its lease; false when the claim was lost. */
export const reportDocumentJobProgress = async (
  q: Queryable,
  p: { id: number; token: string; done: number; leaseExpiresAt: Date },
): Promise<boolean> =>
  (
    await q.query(
      `UPDATE document_jobs SET done = $3, lease_expires_at = $4
        WHERE id = $1 AND claim_token = $2 AND state = 'running' RETURNING id`,
      [p.id, p.token, p.done, p.leaseExpiresAt],
    )
  ).length > 0;

export const completeDocumentJob = async (
  q: Queryable,
  c: { id: number; token: string; file: Buffer; fileName: string; now: Date },
): Promise<boolean> =>
  (
    await q.query(
      `UPDATE document_jobs SET state = 'done', done = total, file = decode($3, 'base64'), file_name = $4,
              file_bytes = $5, finished_at = $6, claim_token = NULL, lease_expires_at = NULL
        WHERE id = $1 AND claim_token = $2 AND state = 'running' RETURNING id`,
      [c.id, c.token, c.file.toString('base64'), c.fileName, c.file.length, c.now],
    )
  ).length > 0;

export const failDocumentJob = async (
  q: Queryable,
  f: { id: number; token: string; error: { zh: string; en: string }; now: Date },
): Promise<boolean> =>
  (
    await q.query(
      `UPDATE document_jobs SET state = 'failed', error_zh = $3, error_en = $4, finished_at = $5,
              claim_token = NULL, lease_expires_at = NULL
        WHERE id = $1 AND claim_token = $2 AND state = 'running' RETURNING id`,
      [f.id, f.token, f.error.zh, f.error.en, f.now],
    )
  ).length > 0;
