import type { LetterBatch } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit/audit-ledger';
import { getAccess } from '../../platform/auth/authenticate';
import { backgroundSettings } from '../../platform/config';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { assertMayIssueFor, assertUnitInScope } from './letters-access';
import { lettersErrors } from './letters.errors';
import {
  deleteUnissuedBatchLetters,
  failStuckBatch,
  findBatch,
  listStuckBatchIds,
} from './letters.repository';
import { presentBatch } from './present-batch';

/** Why a stuck batch was failed: shown on the batch like any other failure. */
export const STUCK_BATCH_REASON = {
  zh: '发放中断（服务重启或进程退出），本批次已写入的责任书已全部撤回，没有发放任何责任书，请重新创建批次发放',
  en: 'Issuing was interrupted (the server restarted or its process died); the letters written so far were removed and none of the batch was issued. Create the batch again',
};

const cutoffOf = (ctx: Pick<AppContext, 'clock' | 'config'>) =>
  new Date(ctx.clock.now().getTime() - backgroundSettings(ctx.config).leaseSeconds * 1000);

/**
 * 重新处理: the operator recovers a batch left 'issuing' by a process that died. The issue is not
 * resumed but failed cleanly, like any failed issue (ADR 0009): its letters, never live, are
 * removed, the batch is marked failed with the reason, and the units are free for a new batch.
 * Only a stuck batch (no heartbeat for longer than the lease) is recovered; a live issue gets 409.
 */
export const recoverLetterBatch = async (
  ctx: AppContext,
  request: FastifyRequest,
  batchId: number,
): Promise<LetterBatch> => {
  const { grants } = getAccess(request);
  const batch = await findBatch(ctx.db, batchId);
  if (!batch) throw notFound();
  assertUnitInScope(grants, { path: batch.issuerPath });
  assertMayIssueFor(grants, { id: batch.issuerUnitId, path: batch.issuerPath });
  const recovered = await ctx.db.transaction(async (tx) => {
    const stuck = await failStuckBatch(tx, batch.id, cutoffOf(ctx), STUCK_BATCH_REASON);
    if (!stuck) return false;
    await deleteUnissuedBatchLetters(tx, batch.id);
    await ctx.audit(tx, request, {
      action: 'letter_batch.recovered',
      outcome: 'ok',
      targetType: 'letter_batch',
      targetId: batch.id,
      details: {
        trigger: 'operator',
        lettersRemoved: stuck.done,
        total: batch.total,
        reason: STUCK_BATCH_REASON.en,
      },
    });
    return true;
  });
  if (!recovered) throw lettersErrors.fail('letters.batch_not_stuck');
  return presentBatch((await findBatch(ctx.db, batch.id))!);
};

/**
 * The same recovery without an operator, for every stuck batch: run by the background worker at
 * start and on each of its polls. At the start of a process on the embedded database every batch
 * still issuing is stuck whatever its heartbeat (one process holds the data directory: ADR 0005),
 * so `atStartup` recovers them at once; on PostgreSQL another server may be issuing, so the lease
 * always applies there.
 */
export const recoverStuckBatches = async (
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'chainer'>,
  options: { atStartup?: boolean } = {},
): Promise<number[]> => {
  const now = ctx.clock.now();
  const cutoff = options.atStartup && ctx.db.kind === 'pglite' ? new Date(now.getTime() + 1) : cutoffOf(ctx);
  const recovered: number[] = [];
  for (const id of await listStuckBatchIds(ctx.db, cutoff)) {
    const ok = await ctx.db.transaction(async (tx) => {
      const stuck = await failStuckBatch(tx, id, cutoff, STUCK_BATCH_REASON);
      if (!stuck) return false;
      await deleteUnissuedBatchLetters(tx, id);
      await appendAudit(tx, {
        occurredAt: now,
        actor: { id: null, name: 'system', role: 'system' },
        action: 'letter_batch.recovered',
        outcome: 'ok',
        targetType: 'letter_batch',
        targetId: id,
        details: {
          trigger: options.atStartup ? 'startup' : 'lease_expired',
          lettersRemoved: stuck.done,
          reason: STUCK_BATCH_REASON.en,
        },
      });
      return true;
    });
    if (ok) recovered.push(id);
  }
  if (recovered.length > 0) ctx.chainer.kick();
  return recovered;
};
