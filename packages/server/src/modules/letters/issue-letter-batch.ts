import type { LetterBatch } from '@zongzhi/contracts';
import type { LetterTarget } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { bindSignatories, hasSignatory } from './bind-signatories';
import { hashLetterVersion } from './letter-content';
import { loadLetterRules } from './letter-rules';
import { assertMayIssueFor, assertUnitInScope } from './letters-access';
import { lettersErrors } from './letters.errors';
import {
  type BatchRow,
  type NewSignatory,
  deleteUnissuedBatchLetters,
  findBatch,
  findLetterReceived,
  findTemplate,
  insertLetter,
  insertLetterVersion,
  listUnitsByIds,
  makeBatchLettersLive,
  setBatchDone,
  setBatchStatus,
} from './letters.repository';
import { presentBatch } from './present-batch';

/** Letters written per transaction: the progress the web polls advances by this much. */
export const ISSUE_CHUNK = 50;

/** The batch stopped being 'issuing' under this issue: a recovery failed it as stuck. */
class BatchRecoveredError extends Error {}

const letterTitle = (year: number, title: string) => `${year}年度${title}`;

/**
 * Issues a draft batch. The letters are written in chunks, each in its own transaction, with the
 * batch's `done` counter, so that `GET /letter-batches/:id` shows progress; they stay invisible
 * (`live = false`) until the last chunk is written, when one transaction makes them all live and
 * marks the batch issued. Any failure deletes the batch's letters and marks it failed with the
 * reason: never a live half-set. A second click finds the batch no longer a draft (409).
 * Every chunk renews the batch's heartbeat; a batch whose process died while issuing is failed
 * the same way by `recoverStuckBatches` once the heartbeat is older than the lease.
 */
export const issueLetterBatch = async (
  ctx: AppContext,
  request: FastifyRequest,
  batchId: number,
): Promise<LetterBatch> => {
  const { principal, grants } = getAccess(request);
  const batch = await findBatch(ctx.db, batchId);
  if (!batch) throw notFound();
  assertUnitInScope(grants, { path: batch.issuerPath });
  assertMayIssueFor(grants, { id: batch.issuerUnitId, path: batch.issuerPath });
  const started = await ctx.db.transaction(async (tx) => {
    if (!(await setBatchStatus(tx, batch.id, 'draft', 'issuing', { heartbeatAt: ctx.clock.now() })))
      return false;
    await ctx.audit(tx, request, {
      action: 'letter_batch.issue_started',
      outcome: 'ok',
      targetType: 'letter_batch',
      targetId: batch.id,
      details: { total: batch.total },
    });
    return true;
  });
  if (!started) throw lettersErrors.fail('letters.batch_not_draft');

  try {
    await writeLetters(ctx, batch, principal.username);
    await ctx.db.transaction(async (tx) => {
      if (!(await setBatchStatus(tx, batch.id, 'issuing', 'issued', { issuedAt: ctx.clock.now() })))
        throw new BatchRecoveredError();
      await makeBatchLettersLive(tx, batch.id);
      await ctx.audit(tx, request, {
        action: 'letter_batch.issued',
        outcome: 'ok',
        targetType: 'letter_batch',
        targetId: batch.id,
        details: { issuerUnitId: batch.issuerUnitId, year: batch.year, letters: batch.total },
      });
    });
  } catch (error) {
    // Recovered as stuck while this issue was frozen: the recovery already removed its letters.
    if (error instanceof BatchRecoveredError) throw lettersErrors.fail('letters.batch_failed');
    const reason =
      error instanceof AppError
        ? error.bilingual
        : {
            zh: '写入责任书时出错，本批次未发放任何责任书',
            en: 'Writing the letters failed; none of the batch was issued',
          };
    await ctx.db.transaction(async (tx) => {
      await deleteUnissuedBatchLetters(tx, batch.id);
      await setBatchStatus(tx, batch.id, 'issuing', 'failed', { error: reason });
      await ctx.audit(tx, request, {
        action: 'letter_batch.issued',
        outcome: 'failed',
        targetType: 'letter_batch',
        targetId: batch.id,
        details: { reason: reason.en, error: error instanceof Error ? error.message : String(error) },
      });
    });
    throw lettersErrors.fail('letters.batch_failed');
  }
  return presentBatch((await findBatch(ctx.db, batch.id))!);
};

const writeLetters = async (ctx: AppContext, batch: BatchRow, by: string) => {
  const q: Queryable = ctx.db;
  const template = await findTemplate(q, batch.templateId);
  if (!template) throw new Error(`template ${batch.templateId} vanished`);
  const issuer = (await listUnitsByIds(q, [batch.issuerUnitId]))[0]!;
  const { rules } = await loadLetterRules(q, issuer, ctx.clock.now());
  const issuerSigners = (
    await bindSignatories(q, [issuer.id], batch.issueDate, rules.signatories.issuer)
  ).get(issuer.id);
  if (!hasSignatory(issuerSigners)) throw lettersErrors.fail('letters.issuer_without_principal');
  const parent = await findLetterReceived(q, issuer.id, batch.year);
  const units = new Map((await listUnitsByIds(q, batch.recipientUnitIds)).map((u) => [u.id, u]));
  const targets = template.targets as LetterTarget[];
  const title = letterTitle(batch.year, template.title);

  for (let start = 0; start < batch.recipientUnitIds.length; start += ISSUE_CHUNK) {
    const chunk = batch.recipientUnitIds.slice(start, start + ISSUE_CHUNK);
    await ctx.db.transaction(async (tx) => {
      // First, under the batch's row lock: the heartbeat, and proof that no recovery took it over.
      if (!(await setBatchDone(tx, batch.id, Math.min(start + chunk.length, batch.total), ctx.clock.now())))
        throw new BatchRecoveredError();
      const bound = await bindSignatories(tx, chunk, batch.issueDate, rules.signatories.recipient);
      for (const unitId of chunk) {
        const unit = units.get(unitId)!;
        const recipientSigners = bound.get(unitId);
        // The registry changed after the batch was created: fail the whole batch, never half of it.
        if (!hasSignatory(recipientSigners)) throw lettersErrors.fail('letters.nothing_to_issue');
        const now = ctx.clock.now();
        const letterId = await insertLetter(tx, {
          batchId: batch.id,
          year: batch.year,
          relationshipId: batch.relationshipId,
          issuerUnitId: issuer.id,
          recipientUnitId: unitId,
          parentLetterId: parent?.id ?? null,
          issueDate: batch.issueDate,
          live: false,
          now,
        });
        const signatories: NewSignatory[] = [
          ...issuerSigners!.map((p) => ({ ...p, party: 'issuer' as const, personName: p.name })),
          ...recipientSigners!.map((p) => ({ ...p, party: 'recipient' as const, personName: p.name })),
        ];
        await insertLetterVersion(tx, letterId, 1, {
          title,
          preamble: template.preamble,
          responsibilities: template.responsibilities,
          targets,
          reason: null,
          hash: hashLetterVersion({
            letterId,
            version: 1,
            year: batch.year,
            issuer: { unitId: issuer.id, name: issuer.name },
            recipient: { unitId, name: unit.name },
            issueDate: batch.issueDate,
            title,
            preamble: template.preamble,
            responsibilities: template.responsibilities,
            targets,
          }),
          now,
          by,
          signatories,
        });
      }
    });
  }
};
