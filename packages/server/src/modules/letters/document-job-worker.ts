import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../platform/audit/audit-ledger';
import { backgroundSettings } from '../../platform/config';
import type { AppContext } from '../../platform/context';
import {
  type ClaimedJob,
  claimDocumentJob,
  completeDocumentJob,
  failDocumentJob,
  reportDocumentJobProgress,
} from './document-jobs.repository';
import { recoverStuckBatches } from './recover-letter-batch';
import { renderBatchPdf } from './render-batch-pdf';

const RENDER_FAILED = {
  zh: '生成 PDF 时出错，未生成文件，请重新导出；如仍失败请联系管理员',
  en: 'Rendering the PDF failed and no file was made; export again, and contact an administrator if it fails again',
};
const ATTEMPTS_EXHAUSTED = {
  zh: '导出多次中断（服务重启或进程退出），已停止重试，请重新导出',
  en: 'The export was interrupted too many times (the server restarted or its process died); export again',
};

const SYSTEM = { id: null, name: 'system', role: 'system' };

export type DocumentJobWorker = {
  /** Starts polling: recovers stuck batches, then works through the queue, then waits. */
  start: () => void;
  /** Stops polling; a job being rendered stops after its chunk and goes back to the queue. */
  stop: () => Promise<void>;
  /** Wakes the worker at once (a job was just queued); a no-op unless started. */
  kick: () => void;
  /**
   * Claims and renders one job, if there is one (tests drive this with the fake clock).
   * Answers the job's id, or null when nothing was waiting.
   */
  runOnce: () => Promise<number | null>;
};

/**
 * The one background worker of a process (ADR 0009). Jobs are claimed with `FOR UPDATE SKIP
 * LOCKED` under a lease (BackgroundSettings.leaseSeconds) that every rendered chunk renews, so
 * several server processes on one PostgreSQL share the queue without rendering a job twice, and a
 * job whose process died is claimed again once its lease has expired.
 */
export const createDocumentJobWorker = (
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'chainer'>,
  options: { onError?: (error: unknown) => void } = {},
): DocumentJobWorker => {
  const settings = backgroundSettings(ctx.config);
  const leaseUntil = () => new Date(ctx.clock.now().getTime() + settings.leaseSeconds * 1000);
  const onError = options.onError ?? (() => undefined);
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const release = async (job: ClaimedJob) => {
    // Back to the queue for the next start (or another process), without counting an attempt.
    await ctx.db.query(
      `UPDATE document_jobs SET state = 'queued', claim_token = NULL, lease_expires_at = NULL,
              attempts = greatest(attempts - 1, 0)
        WHERE id = $1 AND claim_token = $2 AND state = 'running'`,
      [job.id, job.token],
    );
  };

  const render = async (job: ClaimedJob) => {
    try {
      const rendered = await renderBatchPdf(ctx, job, async (done) => {
        if (stopping) return false;
        return reportDocumentJobProgress(ctx.db, {
          id: job.id,
          token: job.token,
          done,
          leaseExpiresAt: leaseUntil(),
        });
      });
      if (!rendered) {
        if (stopping) await release(job);
        return;
      }
      await ctx.db.transaction(async (tx) => {
        if (
          !(await completeDocumentJob(tx, {
            id: job.id,
            token: job.token,
            ...rendered,
            now: ctx.clock.now(),
          }))
        )
          return;
        await appendAudit(tx, {
          occurredAt: ctx.clock.now(),
          actor: SYSTEM,
          action: 'letter_batch.export_rendered',
          outcome: 'ok',
          targetType: 'letter_batch',
          targetId: job.targetId,
          details: { jobId: job.id, letters: job.total, bytes: rendered.file.length, attempt: job.attempts },
        });
      });
    } catch (error) {
      onError(error);
      await ctx.db.transaction(async (tx) => {
        if (
          !(await failDocumentJob(tx, {
            id: job.id,
            token: job.token,
            error: RENDER_FAILED,
            now: ctx.clock.now(),
          }))
        )
          return;
        await appendAudit(tx, {
          occurredAt: ctx.clock.now(),
          actor: SYSTEM,
          action: 'letter_batch.export_rendered',
          outcome: 'failed',
          targetType: 'letter_batch',
          targetId: job.targetId,
          details: { jobId: job.id, error: error instanceof Error ? error.message : String(error) },
        });
      });
    }
    ctx.chainer.kick();
  };

  const runOnce = async (): Promise<number | null> => {
    const { claimed, exhausted } = await ctx.db.transaction((tx) =>
      claimDocumentJob(tx, {
        token: randomUUID(),
        now: ctx.clock.now(),
        leaseExpiresAt: leaseUntil(),
        maxAttempts: settings.maxAttempts,
        exhausted: ATTEMPTS_EXHAUSTED,
      }),
    );
    for (const job of exhausted)
      await appendAudit(ctx.db, {
        occurredAt: ctx.clock.now(),
        actor: SYSTEM,
        action: 'letter_batch.export_rendered',
        outcome: 'failed',
        targetType: 'letter_batch',
        targetId: job.targetId,
        details: { jobId: job.id, error: ATTEMPTS_EXHAUSTED.en, attempts: job.attempts },
      });
    if (!claimed) return null;
    await render(claimed);
    return claimed.id;
  };

  const schedule = (ms: number) => {
    if (!started || stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(false), ms);
    timer.unref?.();
  };

  const tick = async (atStartup: boolean) => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        await recoverStuckBatches(ctx, { atStartup });
        while (!stopping && (await runOnce()) !== null) {}
      } catch (error) {
        onError(error);
      }
    })();
    await running;
    running = undefined;
    if (again) {
      again = false;
      schedule(0);
    } else schedule(settings.pollSeconds * 1000);
  };

  return {
    start: () => {
      if (started) return;
      started = true;
      void tick(true);
    },
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
    kick: () => {
      if (started && !stopping) schedule(0);
    },
    runOnce,
  };
};
