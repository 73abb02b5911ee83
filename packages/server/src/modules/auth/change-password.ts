import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { verifyPassword } from '../../platform/auth/passwords';
import type { AppContext } from '../../platform/context';
import { commonErrors } from '../../platform/errors';
import { preparePassword, retirePassword } from '../accounts/password-policy';
import { authErrors } from './auth.errors';

export const changePassword = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: { currentPassword: string; newPassword: string },
) => {
  const { principal } = getAccess(request);
  const accountId = principal.accountId;
  if (accountId === null) throw commonErrors.fail('common.forbidden');
  const [a] = await ctx.db.query<{ username: string; password_hash: string }>(
    'SELECT username, password_hash FROM accounts WHERE id = $1',
    [accountId],
  );
  if (!a) throw commonErrors.fail('common.not_found');
  if (!(await verifyPassword(a.password_hash, input.currentPassword)))
    throw authErrors.fail('auth.wrong_current_password', [
      { path: 'body.currentPassword', message: { zh: '当前密码不正确', en: 'Current password is wrong' } },
    ]);
  const hash = await preparePassword(ctx.db, {
    password: input.newPassword,
    username: a.username,
    settings: ctx.security(),
    path: 'body.newPassword',
    account: { id: accountId, currentHash: a.password_hash },
  });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      'UPDATE accounts SET password_hash = $2, password_changed_at = $3, must_change_password = false, updated_at = $3 WHERE id = $1',
      [accountId, hash, now],
    );
    await retirePassword(tx, accountId, a.password_hash, now);
    await ctx.audit(tx, request, {
      action: 'account.password_changed',
      outcome: 'ok',
      targetType: 'account',
      targetId: accountId,
    });
  });
};
