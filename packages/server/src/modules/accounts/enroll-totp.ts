import type { TotpSecret } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { generateTotpSecret, totpUri } from '../../platform/auth/totp';
import type { AppContext } from '../../platform/context';
import { sm4Encrypt } from '../../platform/crypto';
import { notFound } from '../../platform/errors';
import { accountsErrors } from './accounts.errors';
import { getAccountSecrets, setPendingTotp } from './accounts.repository';

/**
 * A logged-in user starts enrolling a second factor: a new secret is kept pending until a code
 * from it is confirmed. An enrolled factor is replaced only by the security administrator (a
 * stolen session must not be able to move the factor to another phone).
 */
export const enrollTotp = async (ctx: AppContext, request: FastifyRequest): Promise<TotpSecret> => {
  const { principal } = getAccess(request);
  if (principal.kind !== 'session' || principal.accountId === null)
    throw accountsErrors.fail('accounts.session_only');
  const account = await getAccountSecrets(ctx.db, principal.accountId);
  if (!account) throw notFound();
  if (account.totpEnabled) throw accountsErrors.fail('accounts.totp_already_enabled');
  const secret = generateTotpSecret();
  await ctx.db.transaction(async (tx) => {
    await setPendingTotp(tx, account.id, sm4Encrypt(ctx.config.secretKey, secret), ctx.clock.now());
    await ctx.audit(tx, request, {
      action: 'totp.enrollment_started',
      outcome: 'ok',
      targetType: 'account',
      targetId: account.id,
    });
  });
  return { secret, uri: totpUri(secret, account.username) };
};
