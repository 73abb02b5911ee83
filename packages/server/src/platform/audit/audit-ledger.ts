import type { Database, Queryable } from '../../db/client';
import { canonicalJson, sm3 } from '../crypto';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export type AuditActor = { id: number | null; name: string | null; role: string | null };

export type AuditEntry = {
  occurredAt: Date;
  actor: AuditActor | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  outcome: AuditOutcome;
  ip?: string | null;
  requestId?: string | null;
  /** What changed (field names, before/after of non-secret fields), or why it was refused. */
  details?: Record<string, unknown>;
};

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a record's content hash covers, in a fixed form that survives a database round trip. */
export type AuditContent = {
  occurredAt: string;
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

export const calculateContentHash = (c: AuditContent) => sm3(canonicalJson(c));
export const calculateChainHash = (prevHash: string, contentHash: string) => sm3(prevHash + contentHash);

// PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses lone UTF-16 surrogates (the
// text driver silently turns them into U+FFFD). Both become U+FFFD before hashing, so what is
// hashed is exactly what the database gives back and a clean ledger always verifies.
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what must be replaced.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableText = (s: string) => s.replace(UNSTORABLE, '\uFFFD');
const nullableText = (s: string | null | undefined) =>
  s === undefined || s === null ? null : storableText(s);

const storableJson = (v: unknown): unknown => {
  if (typeof v === 'string') return storableText(v);
  if (Array.isArray(v)) return v.map(storableJson);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableText(k), storableJson(x)]));
  return v;
};

/** The hashed form of an entry, exactly as appendAudit stores it (bulk loaders reuse it). */
export const toAuditContent = (e: AuditEntry): AuditContent => ({
  occurredAt: e.occurredAt.toISOString(),
  actorId: e.actor?.id ?? null,
  actorName: nullableText(e.actor?.name),
  actorRole: nullableText(e.actor?.role),
  action: storableText(e.action),
  targetType: nullableText(e.targetType),
  targetId: e.targetId === undefined || e.targetId === null ? null : storableText(String(e.targetId)),
  outcome: e.outcome,
  ip: nullableText(e.ip),
  requestId: nullableText(e.requestId),
  // jsonb cannot hold undefined; JSON round trip drops it the way the database will.
  details: storableJson(JSON.parse(JSON.stringify(e.details ?? {}))) as Record<string, unknown>,
});

/**
 * Appends an audit record inside the caller's transaction (or on its own). It touches no shared
 * row: concurrent writers never wait on each other here. The chainer links it after commit.
 */
export const appendAudit = async (q: Queryable, entry: AuditEntry): Promise<void> => {
  const c = toAuditContent(entry);
  await q.query(
    `INSERT INTO audit_log (occurred_at, actor_id, actor_name, actor_role, action, target_type, target_id,
       outcome, ip, request_id, details, content_hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      c.occurredAt,
      c.actorId,
      c.actorName,
      c.actorRole,
      c.action,
      c.targetType,
      c.targetId,
      c.outcome,
      c.ip,
      c.requestId,
      JSON.stringify(c.details),
      calculateContentHash(c),
    ],
  );
};

const CHAIN_LOCK = 7_140_002;
const CHAIN_BATCH = 5000;

/**
 * Gives committed, unchained records the next chain positions, in id order, and links them.
 * Runs in one short transaction; on PostgreSQL an advisory lock lets only one process chain at
 * a time (others return at once, the holder picks their rows up). Returns how many were chained.
 */
export const chainPendingAudit = async (db: Database): Promise<number> => {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') {
        const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
          CHAIN_LOCK,
        ]);
        if (!lock?.ok) return 0;
      }
      const [head] = await tx.query<{ chain_seq: number; hash: string }>(
        'SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
      );
      const pending = await tx.query<{ id: number; content_hash: string }>(
        'SELECT id, content_hash FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT $1',
        [CHAIN_BATCH],
      );
      if (pending.length === 0) return 0;
      let seq = head?.chain_seq ?? 0;
      let prev = head?.hash ?? GENESIS_HASH;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of pending) {
        seq += 1;
        const hash = calculateChainHash(prev, row.content_hash);
        ids.push(row.id);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx.query(
        `UPDATE audit_log a SET chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev, hash)
          WHERE a.id = v.id`,
        [ids, seqs, prevs, hashes],
      );
      return pending.length;
    });
    total += n;
    if (n < CHAIN_BATCH) return total;
  }
};

/**
 * Coalesces chain requests: a kick waits `delayMs` so that a burst of writes is chained in one
 * short transaction (on PGlite, with its single connection, chaining after every commit would
 * make each writer wait for it); at most one run at a time, and one more if asked meanwhile.
 */
export const createAuditChainer = (
  db: Database,
  onError: (e: unknown) => void = () => undefined,
  delayMs = 50,
) => {
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await chainPendingAudit(db).catch(onError);
    } while (again);
  };
  const start = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = null;
    });
  };
  return {
    /** Ask for a chaining run soon (after a response is sent). */
    kick: () => {
      if (timer) return;
      timer = setTimeout(start, delayMs);
      timer.unref();
    },
    /** Wait until everything committed so far is chained. */
    flush: async () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      while (running) await running;
      await chainPendingAudit(db);
    },
  };
};
export type AuditChainer = ReturnType<typeof createAuditChainer>;
