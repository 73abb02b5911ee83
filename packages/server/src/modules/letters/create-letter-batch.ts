import type { BatchRequest, LetterBatch } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { lettersErrors } from './letters.errors';
import { findBatch, insertBatch } from './letters.repository';
import { planLetterBatch } from './plan-letter-batch';
import { presentBatch } from './present-batch';

/**
 * Creates a batch (status draft) from a plan: the recipients that can receive a letter are frozen
 * into it; those without a principal on the issue date, or already holding a letter from this
 * issuer for the year, are recorded in `skipped` with the reason and are not issued. An issuer
 * without a principal cannot issue at all (409).
 */
export const createLetterBatch = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: BatchRequest,
): Promise<LetterBatch> => {
  const { principal, grants } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const plan = await planLetterBatch(tx, grants, input, ctx.clock.now());
    if (plan.issuerSignatories.length === 0) throw lettersErrors.fail('letters.issuer_without_principal');
    const issuable = plan.recipients.filter((r) => r.problems.length === 0);
    if (issuable.length === 0) throw lettersErrors.fail('letters.nothing_to_issue');
    const skipped = plan.recipients
      .filter((r) => r.problems.length > 0)
      .map((r) => ({ unitId: r.unit.id, unitName: r.unit.name, ...r.problems[0]! }));
    const id = await insertBatch(tx, {
      templateId: plan.template.id,
      templateName: plan.template.name,
      relationshipId: plan.template.relationshipId,
      issuerUnitId: plan.issuer.id,
      year: plan.year,
      issueDate: plan.issueDate,
      recipientUnitIds: issuable.map((r) => r.unit.id),
      skipped,
      now: ctx.clock.now(),
      by: principal.username,
      accountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: 'letter_batch.created',
      outcome: 'ok',
      targetType: 'letter_batch',
      targetId: id,
      details: {
        templateId: plan.template.id,
        issuerUnitId: plan.issuer.id,
        year: plan.year,
        issueDate: plan.issueDate,
        total: issuable.length,
        skipped: skipped.map((s) => ({ unitId: s.unitId, code: s.code })),
      },
    });
    return presentBatch((await findBatch(tx, id))!);
  });
};
