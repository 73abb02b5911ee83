import type { CreateApiKeyRequest, CreatedApiKey } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { API_KEY_PREFIX_LENGTH } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { randomToken, sha256 } from '../../platform/crypto';
import { field, invalid, notFound } from '../../platform/errors';
import { findCurrentUnitInScope } from './accounts.repository';
import { adminAccess } from './admin-access';
import { insertApiKey } from './api-keys.repository';

/**
 * The security administrator issues a key for another system: one role over one unit's subtree.
 * Only its SHA-256 is stored; the key is in this answer and never again.
 */
export const createApiKey = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreateApiKeyRequest,
): Promise<CreatedApiKey> => {
  const { principal, scope } = adminAccess(request);
  const unit = await findCurrentUnitInScope(ctx.db, input.unitId, scope);
  if (!unit) throw notFound();
  const now = ctx.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now)
    throw invalid([field('body.expiresAt', '到期时间须晚于当前时间', 'Expiry must be in the future')]);
  const key = `zzk_${randomToken(32)}`;
  const prefix = key.slice(0, API_KEY_PREFIX_LENGTH);
  const id = await ctx.db.transaction(async (tx) => {
    const keyId = await insertApiKey(tx, {
      name: input.name,
      prefix,
      keyHash: sha256(key),
      role: input.role,
      unitId: unit.id,
      createdBy: principal.accountId,
      expiresAt,
      now,
    });
    await ctx.audit(tx, request, {
      action: 'apikey.created',
      outcome: 'ok',
      targetType: 'api_key',
      targetId: keyId,
      details: {
        name: input.name,
        prefix,
        role: input.role,
        unitId: unit.id,
        unitName: unit.name,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return keyId;
  });
  return { id, key, prefix };
};
