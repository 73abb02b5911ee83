import type { ResetPasswordRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { accountsErrors } from './accounts.errors';
import { getAccountSecrets, revokeSessionsOf, setPasswordHash } from './accounts.repository';
import { adminAccess, getVisibleAccount, refuse } from './admin-access';
import { preparePassword, retirePassword } from './password-policy';

/**
 * The system administrator sets a temporary password; its holder must change it at next login,
 * and every open session of the account ends. One's own password is changed at /auth/password.
 */
export const resetPassword = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: ResetPasswordRequest,
) => {
  const { principal, scope } = adminAccess(request);
  await getVisibleAccount(ctx, ctx.db, id, scope);
  if (id === principal.accountId)
    throw await refuse(
      ctx,
      request,
      { action: 'account.password_reset', targetType: 'account', targetId: id, reason: 'own_account' },
      accountsErrors.fail('accounts.own_account'),
    );
  const secrets = await getAccountSecrets(ctx.db, id);
  if (!secrets) throw notFound();
  const hash = await preparePassword(ctx.db, {
    password: input.newPassword,
    username: secrets.username,
    settings: ctx.security(),
    path: 'body.newPassword',
    account: { id, currentHash: secrets.passwordHash },
  });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, id, { hash, mustChange: true, now });
    await retirePassword(tx, id, secrets.passwordHash, now);
    await revokeSessionsOf(tx, id, now);
    await ctx.audit(tx, request, {
      action: 'account.password_reset',
      outcome: 'ok',
      targetType: 'account',
      targetId: id,
      details: { username: secrets.username },
    });
  });
};
