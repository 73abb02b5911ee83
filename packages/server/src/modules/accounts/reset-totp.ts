import type { TotpSecret } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { generateTotpSecret, totpUri } from '../../platform/auth/totp';
import type { AppContext } from '../../platform/context';
import { sm4Encrypt } from '../../platform/crypto';
import { accountsErrors } from './accounts.errors';
import { revokeSessionsOf, setActiveTotp } from './accounts.repository';
import { adminAccess, getVisibleAccount, refuse } from './admin-access';

/**
 * The security administrator replaces an account's second factor (a lost phone, or a new
 * administrator's first enrolment) and hands the new secret over in person. The old secret stops
 * working and the account's sessions end. Nobody resets their own.
 */
export const resetTotp = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
): Promise<TotpSecret> => {
  const { principal, scope } = adminAccess(request);
  if (id === principal.accountId)
    throw await refuse(
      ctx,
      request,
      { action: 'totp.reset', targetType: 'account', targetId: id, reason: 'own_account' },
      accountsErrors.fail('accounts.own_account'),
    );
  const account = await getVisibleAccount(ctx, ctx.db, id, scope);
  const secret = generateTotpSecret();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await setActiveTotp(tx, id, { secretEnc: sm4Encrypt(ctx.config.secretKey, secret), lastStep: null, now });
    await revokeSessionsOf(tx, id, now);
    await ctx.audit(tx, request, {
      action: 'totp.reset',
      outcome: 'ok',
      targetType: 'account',
      targetId: id,
      details: { username: account.username },
    });
  });
  return { secret, uri: totpUri(secret, account.username) };
};
