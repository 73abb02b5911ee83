import type { BatchExport } from '@zongzhi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import { type RoleGrant, scopePatterns } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import {
  type DocumentJobRow,
  findDocumentJob,
  findDocumentJobFile,
  insertDocumentJob,
  listDocumentJobs,
} from './document-jobs.repository';
import { getLetterBatch } from './get-letter-batch';
import { PDF_MIME_TYPE } from './letter-mime-types';
import { lettersErrors } from './letters.errors';
import { listLetters } from './letters.repository';

// The batch PDF as a background job (ADR 0009): POST queues it, the worker renders it
// (render-batch-pdf.ts), GET shows its progress, GET …/file downloads it.

const presentExport = (job: DocumentJobRow): BatchExport => ({
  id: job.id,
  batchId: job.targetId,
  state: job.state,
  done: job.done,
  total: job.total,
  error: job.error,
  fileName: job.fileName,
  fileBytes: job.fileBytes,
  createdAt: job.createdAt,
  createdBy: job.createdBy,
  finishedAt: job.finishedAt,
});

/**
 * A job renders what its requester could see. Another caller may read it only when their
 * jurisdiction covers all of it: every subtree of the job lies inside one of the caller's.
 */
const coversScope = (grants: readonly RoleGrant[], jobPatterns: readonly string[]) => {
  const mine = scopePatterns(grants).map((p) => p.slice(0, -1));
  return jobPatterns.every((p) => mine.some((m) => p.slice(0, -1).startsWith(m)));
};

const findExportInScope = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  batchId: number,
  jobId: number,
): Promise<DocumentJobRow> => {
  await getLetterBatch(q, grants, batchId);
  const job = await findDocumentJob(q, jobId);
  const visible =
    job?.kind === 'letter_batch_pdf' && job.targetId === batchId && coversScope(grants, job.scopePatterns);
  if (!job || !visible) throw notFound();
  return job;
};

/** Queues the PDF of every letter of the batch within the caller's jurisdiction (202). */
export const createBatchExport = async (
  ctx: AppContext,
  request: FastifyRequest,
  batchId: number,
): Promise<BatchExport> => {
  const { principal, grants } = getAccess(request);
  const batch = await getLetterBatch(ctx.db, grants, batchId);
  const scope = scopePatterns(grants);
  const { total } = await listLetters(ctx.db, {
    scope,
    personId: null,
    batchId: batch.id,
    limit: 1,
    offset: 0,
  });
  if (total === 0) throw lettersErrors.fail('letters.export_empty');
  const job = await ctx.db.transaction(async (tx) => {
    const created = await insertDocumentJob(tx, {
      kind: 'letter_batch_pdf',
      targetId: batch.id,
      total,
      scopePatterns: scope,
      now: ctx.clock.now(),
      by: principal.username,
      accountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: 'letter_batch.export_requested',
      outcome: 'ok',
      targetType: 'letter_batch',
      targetId: batch.id,
      details: { jobId: created.id, format: 'pdf', letters: total },
    });
    return created;
  });
  ctx.documentJobs?.kick();
  return presentExport(job);
};

export const getBatchExport = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  batchId: number,
  jobId: number,
): Promise<BatchExport> => presentExport(await findExportInScope(q, grants, batchId, jobId));

/** The latest exports of a batch the caller may read, newest first (the batch page shows the first). */
export const listBatchExports = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  batchId: number,
): Promise<{ items: BatchExport[] }> => {
  await getLetterBatch(q, grants, batchId);
  const jobs = await listDocumentJobs(q, 'letter_batch_pdf', batchId, 20);
  return {
    items: jobs
      .filter((j) => coversScope(grants, j.scopePatterns))
      .slice(0, 5)
      .map(presentExport),
  };
};

/** Sends the finished PDF; audited like every document download. */
export const downloadBatchExport = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  batchId: number,
  jobId: number,
) => {
  const job = await findExportInScope(ctx.db, getAccess(request).grants, batchId, jobId);
  const file = job.state === 'done' ? await findDocumentJobFile(ctx.db, job.id) : undefined;
  if (!file) throw lettersErrors.fail('letters.export_not_ready');
  await ctx.audit(ctx.db, request, {
    action: 'letter_batch.exported',
    outcome: 'ok',
    targetType: 'letter_batch',
    targetId: batchId,
    details: { format: 'pdf', jobId: job.id, letters: job.total, bytes: file.length },
  });
  const name = job.fileName ?? `letter-batch-${batchId}.pdf`;
  return reply
    .type(PDF_MIME_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="letter-batch-${batchId}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(file);
};
