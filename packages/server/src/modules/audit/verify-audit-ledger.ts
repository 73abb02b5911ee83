import type { FastifyRequest } from 'fastify';
import { type AuditVerifyResult, verifyAuditChain } from '../../platform/audit/verify-audit';
import type { AppContext } from '../../platform/context';

/**
 * Chains what has been committed, then verifies the whole chain. The check is itself recorded
 * ('audit.verified', with its verdict), so that a broken chain seen by the audit admin is on file.
 */
export const verifyAuditLedger = async (
  ctx: AppContext,
  request: FastifyRequest,
): Promise<AuditVerifyResult> => {
  await ctx.chainer.flush();
  const result = await verifyAuditChain(ctx.db);
  await ctx.db.transaction((tx) =>
    ctx.audit(tx, request, {
      action: 'audit.verified',
      outcome: 'ok',
      targetType: 'audit_log',
      details: {
        ok: result.ok,
        checked: result.checked,
        pending: result.pending,
        firstBroken: result.firstBroken
          ? {
              chainSeq: result.firstBroken.chainSeq,
              id: result.firstBroken.id,
              reason: result.firstBroken.reason,
            }
          : null,
      },
    }),
  );
  return result;
};
