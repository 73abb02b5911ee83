import type { Queryable } from '../../db/client';
import {
  type AuditContent,
  type AuditOutcome,
  GENESIS_HASH,
  calculateChainHash,
  calculateContentHash,
} from './audit-ledger';

/**
 * Why a chained record fails verification:
 * - missing_record: chain_seq does not follow on from the record before it (records were deleted
 *   or un-chained);
 * - content_altered: the stored columns no longer give the record's content hash;
 * - hash_mismatch: hash ≠ SM3(prev_hash ‖ content_hash) (a chain column was edited);
 * - reordered: prev_hash names a record that sits elsewhere in the chain (chain positions swapped);
 * - link_broken: prev_hash is not the hash of the record before it, and names no other record
 *   (the predecessor was rewritten, or removed and the rest renumbered).
 */
export type AuditBreakReason =
  | 'missing_record'
  | 'content_altered'
  | 'hash_mismatch'
  | 'reordered'
  | 'link_broken';

export type AuditBreak = {
  chainSeq: number;
  id: number;
  reason: AuditBreakReason;
  message: { zh: string; en: string };
};

export type AuditVerifyResult = {
  ok: boolean;
  /** Chained records checked, in chain order, up to the first broken one. */
  checked: number;
  /** Committed records the chainer has not linked yet. */
  pending: number;
  firstBroken: AuditBreak | null;
};

export type AuditVerifyProgress = { checked: number; total: number };

export type VerifyAuditOptions = {
  onProgress?: (p: AuditVerifyProgress) => void;
  /** Rows read per query; the chain is never loaded whole. */
  batchSize?: number;
};

type ChainRow = {
  id: number;
  chain_seq: number;
  occurred_us: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  content_hash: string;
  prev_hash: string | null;
  hash: string | null;
};

// occurred_at as integer microseconds since the epoch: appendAudit stores millisecond instants,
// so any sub-millisecond part can only come from an edit (a Date would silently drop it).
const CHAIN_BATCH_SQL = `
  SELECT id, chain_seq, (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS occurred_us,
         actor_id, actor_name, actor_role, action, target_type, target_id, outcome, ip, request_id,
         details, content_hash, prev_hash, hash
    FROM audit_log
   WHERE chain_seq > $1
   ORDER BY chain_seq
   LIMIT $2`;

/** The content as appendAudit hashed it, rebuilt from the stored columns; null if it cannot be. */
export const contentFromRow = (row: ChainRow): AuditContent | null => {
  const micros = BigInt(row.occurred_us);
  if (micros % 1000n !== 0n) return null;
  const occurredAt = new Date(Number(micros / 1000n));
  if (Number.isNaN(occurredAt.getTime())) return null;
  return {
    occurredAt: occurredAt.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
  };
};

const breakAt = (
  row: ChainRow,
  reason: AuditBreakReason,
  extra: { expectedSeq?: number; otherSeq?: number } = {},
): AuditBreak => {
  const where = {
    zh: `第 ${row.chain_seq} 条（记录编号 ${row.id}）`,
    en: `chain_seq ${row.chain_seq} (id ${row.id})`,
  };
  const messages: Record<AuditBreakReason, { zh: string; en: string }> = {
    missing_record: {
      zh: `${where.zh}之前的第 ${extra.expectedSeq} 至 ${row.chain_seq - 1} 条记录缺失`,
      en: `records chain_seq ${extra.expectedSeq}–${row.chain_seq - 1} before ${where.en} are missing`,
    },
    content_altered: {
      zh: `${where.zh}的内容已被篡改，与其内容哈希不符`,
      en: `the content of ${where.en} was altered; it no longer matches its content hash`,
    },
    hash_mismatch: {
      zh: `${where.zh}的链哈希已被修改`,
      en: `the chain hash of ${where.en} was edited`,
    },
    reordered: {
      zh: `${where.zh}的前序记录位于第 ${extra.otherSeq} 条，链顺序已被调换`,
      en: `${where.en} follows the record now at chain_seq ${extra.otherSeq}; chain positions were swapped`,
    },
    link_broken: {
      zh: `${where.zh}与前一条记录的链接断开（前一条被改写或删除）`,
      en: `${where.en} does not link to the record before it (that record was rewritten or removed)`,
    },
  };
  return { chainSeq: row.chain_seq, id: row.id, reason, message: messages[reason] };
};

/**
 * Walks the audit chain in chain_seq order, in batches, and checks for every record: its position
 * follows on from the previous one (from 1), its content still gives its content hash, its hash is
 * SM3(prev_hash ‖ content_hash), and prev_hash is the previous record's hash. Stops at the first
 * broken record. Read-only; records chained while it runs are checked too.
 *
 * Pass a REPEATABLE READ transaction to verify one consistent snapshot.
 *
 * Limitation of any hash chain: removing the newest records leaves a shorter chain that still
 * verifies; compare `checked` with a chain head noted elsewhere (e.g. in a backup report) to see it.
 */
export const verifyAuditChain = async (
  db: Queryable,
  options: VerifyAuditOptions = {},
): Promise<AuditVerifyResult> => {
  const batchSize = options.batchSize ?? 5000;
  const [counts] = await db.query<{ chained: number }>(
    'SELECT count(*)::bigint AS chained FROM audit_log WHERE chain_seq IS NOT NULL',
  );
  const total = counts?.chained ?? 0;
  let checked = 0;
  let lastSeq = 0;
  let prevHash = GENESIS_HASH;
  let firstBroken: AuditBreak | null = null;

  const check = async (row: ChainRow): Promise<AuditBreak | null> => {
    if (row.chain_seq !== lastSeq + 1) return breakAt(row, 'missing_record', { expectedSeq: lastSeq + 1 });
    const content = contentFromRow(row);
    if (!content || calculateContentHash(content) !== row.content_hash)
      return breakAt(row, 'content_altered');
    if (!row.prev_hash || !row.hash || calculateChainHash(row.prev_hash, row.content_hash) !== row.hash)
      return breakAt(row, 'hash_mismatch');
    if (row.prev_hash !== prevHash) {
      // Once, at the break: is the predecessor this record names elsewhere in the chain?
      const [named] = await db.query<{ chain_seq: number }>(
        'SELECT chain_seq FROM audit_log WHERE hash = $1 AND chain_seq IS NOT NULL LIMIT 1',
        [row.prev_hash],
      );
      return named ? breakAt(row, 'reordered', { otherSeq: named.chain_seq }) : breakAt(row, 'link_broken');
    }
    return null;
  };

  outer: for (;;) {
    const rows = await db.query<ChainRow>(CHAIN_BATCH_SQL, [lastSeq, batchSize]);
    for (const row of rows) {
      firstBroken = await check(row);
      if (firstBroken) break outer;
      checked += 1;
      lastSeq = row.chain_seq;
      prevHash = row.hash ?? '';
    }
    options.onProgress?.({ checked, total: Math.max(total, checked) });
    if (rows.length < batchSize) break;
  }
  const [p] = await db.query<{ pending: number }>(
    'SELECT count(*)::bigint AS pending FROM audit_log WHERE chain_seq IS NULL',
  );
  return { ok: firstBroken === null, checked, pending: p?.pending ?? 0, firstBroken };
};

export type TextOutput = { write: (text: string) => unknown };

/**
 * `zongzhi audit verify`: verifies the chain, printing progress and the result in Chinese and
 * English. Exit code 0 when intact, 1 when a record is broken (named by chain_seq and id).
 */
export const runAuditVerify = async (db: Queryable, out: TextOutput): Promise<number> => {
  out.write('正在校验审计日志哈希链 / Verifying the audit log hash chain…\n');
  const started = Date.now();
  let lastReport = 0;
  const result = await verifyAuditChain(db, {
    onProgress: ({ checked, total }) => {
      const now = Date.now();
      if (now - lastReport < 1000 && checked < total) return;
      lastReport = now;
      const pct = total > 0 ? Math.floor((checked / total) * 100) : 100;
      out.write(`  已校验 / checked ${checked} / ${total} (${pct}%)\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.pending > 0)
    out.write(
      `  另有 ${result.pending} 条记录尚未入链（服务运行时会自动入链）/ ${result.pending} records not chained yet (the running server chains them)\n`,
    );
  if (result.ok) {
    out.write(
      `校验通过：${result.checked} 条记录完整，用时 ${seconds} 秒 / Intact: ${result.checked} records verified in ${seconds}s\n`,
    );
    return 0;
  }
  const b = result.firstBroken;
  out.write(
    `校验失败：第一条异常记录 chain_seq=${b?.chainSeq} id=${b?.id}（${b?.reason}）/ Broken: first broken record chain_seq=${b?.chainSeq} id=${b?.id} (${b?.reason})\n`,
  );
  if (b) out.write(`  ${b.message.zh}\n  ${b.message.en}\n`);
  out.write(`  此前 ${result.checked} 条记录完整 / ${result.checked} records before it are intact\n`);
  return 1;
};
