import type { CreateAccountRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { conflict, field, invalid } from '../../platform/errors';
import { insertAccountRow, isUsernameTaken, personExists } from './accounts.repository';
import { adminAccess, getVisibleAccount } from './admin-access';
import { preparePassword } from './password-policy';

/**
 * The system administrator opens an account with a first password, which its holder must change
 * at first login. The account has no role until the security administrator grants one.
 */
export const createAccount = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreateAccountRequest,
) => {
  const { scope } = adminAccess(request);
  if (input.personId && !(await personExists(ctx.db, input.personId)))
    throw invalid([field('body.personId', '人员不存在', 'No such person')]);
  if (await isUsernameTaken(ctx.db, input.username))
    throw conflict([field('body.username', '用户名已被使用', 'Username already taken')]);
  const hash = await preparePassword(ctx.db, {
    password: input.password,
    username: input.username,
    settings: ctx.security(),
    path: 'body.password',
  });
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const accountId = await insertAccountRow(tx, {
      username: input.username,
      displayName: input.displayName,
      personId: input.personId ?? null,
      passwordHash: hash,
      mustChangePassword: true,
      totpSecretEnc: null,
      now,
    });
    await ctx.audit(tx, request, {
      action: 'account.created',
      outcome: 'ok',
      targetType: 'account',
      targetId: accountId,
      details: { username: input.username, displayName: input.displayName, personId: input.personId ?? null },
    });
    return accountId;
  });
  return getVisibleAccount(ctx, ctx.db, id, scope);
};
