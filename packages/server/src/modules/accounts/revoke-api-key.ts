import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { adminAccess } from './admin-access';
import { findApiKeyInScope, markApiKeyRevoked } from './api-keys.repository';

/** Revokes a key at once (the next request with it answers 401). Revoking twice changes nothing. */
export const revokeApiKey = async (ctx: AppContext, request: FastifyRequest, id: number) => {
  const { principal, scope } = adminAccess(request);
  const key = await findApiKeyInScope(ctx.db, id, scope);
  if (!key) throw notFound();
  if (key.revokedAt) return;
  await ctx.db.transaction(async (tx) => {
    await markApiKeyRevoked(tx, id, principal.accountId, ctx.clock.now());
    await ctx.audit(tx, request, {
      action: 'apikey.revoked',
      outcome: 'ok',
      targetType: 'api_key',
      targetId: id,
      details: { name: key.name, prefix: key.prefix, role: key.role, unitId: key.unitId },
    });
  });
};
