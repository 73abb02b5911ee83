import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { accountsErrors } from './accounts.errors';
import { clearLockout } from './accounts.repository';
import { adminAccess, getVisibleAccount, refuse } from './admin-access';

/** The security administrator lifts a lockout before it expires and clears the failure count. */
export const unlockAccount = async (ctx: AppContext, request: FastifyRequest, id: number) => {
  const { principal, scope } = adminAccess(request);
  if (id === principal.accountId)
    throw await refuse(
      ctx,
      request,
      { action: 'account.unlocked', targetType: 'account', targetId: id, reason: 'own_account' },
      accountsErrors.fail('accounts.own_account'),
    );
  const account = await getVisibleAccount(ctx, ctx.db, id, scope);
  await ctx.db.transaction(async (tx) => {
    const wasLocked = await clearLockout(tx, id, ctx.clock.now());
    await ctx.audit(tx, request, {
      action: 'account.unlocked',
      outcome: 'ok',
      targetType: 'account',
      targetId: id,
      details: { username: account.username, wasLocked },
    });
  });
  return getVisibleAccount(ctx, ctx.db, id, scope);
};
