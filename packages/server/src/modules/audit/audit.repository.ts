import type { AuditFilter, AuditOutcome, AuditRecord } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { sqlConditions } from '../../db/sql-conditions';

type AuditRow = {
  id: number;
  chain_seq: number | null;
  occurred_at: Date;
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
  hash: string | null;
};

const toRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  chainSeq: r.chain_seq,
  occurredAt: r.occurred_at.toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorRole: r.actor_role,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  outcome: r.outcome,
  ip: r.ip,
  requestId: r.request_id,
  details: r.details,
  hash: r.hash,
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A bare date means a whole calendar day where the product is used (China Standard Time, no DST).
const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE clause and parameters for a filter; `from` inclusive, `to` exclusive (a date: its whole day). */
const whereOf = (f: AuditFilter) => {
  const w = sqlConditions();
  if (f.from) w.add((p) => `occurred_at >= ${p}`, DAY.test(f.from) ? startOfDay(f.from) : new Date(f.from));
  if (f.to)
    w.add(
      (p) => `occurred_at < ${p}`,
      DAY.test(f.to) ? new Date(startOfDay(f.to).getTime() + 86_400_000) : new Date(f.to),
    );
  if (f.actor) w.add((p) => `actor_name ILIKE ${p} ESCAPE '\\'`, `%${escapeLike(f.actor)}%`);
  if (f.action?.endsWith('*'))
    w.add((p) => `action LIKE ${p} ESCAPE '\\'`, `${escapeLike(f.action.slice(0, -1))}%`);
  else if (f.action) w.add((p) => `action = ${p}`, f.action);
  if (f.outcome) w.add((p) => `outcome = ${p}`, f.outcome);
  return { where: w.where(), params: w.params };
};

const COLUMNS = `id, chain_seq, occurred_at, actor_id, actor_name, actor_role, action, target_type, target_id,
  outcome, ip, request_id, details, hash`;

export const countAuditRecords = async (q: Queryable, filter: AuditFilter): Promise<number> => {
  const { where, params } = whereOf(filter);
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM audit_log ${where}`, params);
  return row?.n ?? 0;
};

/** A page of records matching the filter, newest first. */
export const findAuditRecords = async (
  q: Queryable,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<AuditRecord[]> => {
  const { where, params } = whereOf(filter);
  const rows = await q.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log ${where}
      ORDER BY occurred_at DESC, id DESC
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return rows.map(toRecord);
};
