import type { UpdateAccountRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { accountsErrors } from './accounts.errors';
import {
  countOtherEnabledHolders,
  listRolesOf,
  revokeSessionsOf,
  updateAccountRow,
} from './accounts.repository';
import { adminAccess, getVisibleAccount, isAdminRole, refuse } from './admin-access';

/**
 * Renames, disables or re-enables an account, or sets its notification email (system administrator). Nobody disables their own
 * account, and the last enabled holder of an administrator role cannot be disabled: the
 * separated duties would have nobody left to perform them.
 */
export const updateAccount = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: UpdateAccountRequest,
) => {
  const { principal, scope } = adminAccess(request);
  const before = await getVisibleAccount(ctx, ctx.db, id, scope);
  const disabling = input.disabled === true && !before.disabled;
  if (disabling && id === principal.accountId)
    throw await refuse(
      ctx,
      request,
      { action: 'account.disabled', targetType: 'account', targetId: id, reason: 'own_account' },
      accountsErrors.fail('accounts.own_account'),
    );
  if (disabling)
    for (const { role } of await listRolesOf(ctx.db, id))
      if (isAdminRole(role) && (await countOtherEnabledHolders(ctx.db, role, id)) === 0)
        throw accountsErrors.fail('accounts.last_admin');

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.displayName !== undefined && input.displayName !== before.displayName)
    changes.displayName = { from: before.displayName, to: input.displayName };
  if (input.disabled !== undefined && input.disabled !== before.disabled)
    changes.disabled = { from: before.disabled, to: input.disabled };
  if (input.email !== undefined && input.email !== before.email)
    changes.email = { from: before.email, to: input.email };
  if (Object.keys(changes).length === 0) return before;

  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateAccountRow(tx, id, {
      displayName: input.displayName,
      disabled: input.disabled,
      email: changes.email ? input.email : undefined,
      now,
    });
    if (disabling) await revokeSessionsOf(tx, id, now);
    await ctx.audit(tx, request, {
      action: changes.disabled
        ? input.disabled
          ? 'account.disabled'
          : 'account.enabled'
        : 'account.updated',
      outcome: 'ok',
      targetType: 'account',
      targetId: id,
      details: { username: before.username, changes },
    });
  });
  return getVisibleAccount(ctx, ctx.db, id, scope);
};
