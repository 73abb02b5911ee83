import type { GrantRoleRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { conflict, field, notFound } from '../../platform/errors';
import { accountsErrors } from './accounts.errors';
import { findCurrentUnitInScope, insertRoleAssignment, listRolesOf } from './accounts.repository';
import { adminAccess, getVisibleAccount, isAdminRole, refuse } from './admin-access';

/**
 * The security administrator grants a role over a unit's subtree. The unit must lie inside the
 * administrator's own scope (else 404, as if absent); nobody grants themselves anything; and one
 * account holds at most one of the three administrator roles (三员分立).
 */
export const grantRole = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: GrantRoleRequest,
) => {
  const { principal, scope } = adminAccess(request);
  const attempt = { action: 'role.granted', targetType: 'account', targetId: id };
  if (id === principal.accountId)
    throw await refuse(
      ctx,
      request,
      { ...attempt, reason: 'own_roles' },
      accountsErrors.fail('accounts.own_roles'),
    );
  const account = await getVisibleAccount(ctx, ctx.db, id, scope);
  const unit = await findCurrentUnitInScope(ctx.db, input.unitId, scope);
  if (!unit) throw await refuse(ctx, request, { ...attempt, reason: 'unit_out_of_scope' }, notFound());
  const held = await listRolesOf(ctx.db, id);
  if (held.some((r) => r.role === input.role && r.unit_id === unit.id))
    throw conflict([
      field('body.role', '该账户已在此单位拥有此角色', 'The account already holds this role here'),
    ]);
  if (isAdminRole(input.role) && held.some((r) => isAdminRole(r.role) && r.role !== input.role))
    throw await refuse(
      ctx,
      request,
      { ...attempt, reason: 'admin_roles_exclusive' },
      accountsErrors.fail('accounts.admin_roles_exclusive', [
        field('body.role', '三员分立：不能兼任另一种管理员角色', 'Cannot hold a second administrator role'),
      ]),
    );
  await ctx.db.transaction(async (tx) => {
    const assignmentId = await insertRoleAssignment(tx, {
      accountId: id,
      role: input.role,
      unitId: unit.id,
      grantedBy: principal.accountId,
      now: ctx.clock.now(),
    });
    await ctx.audit(tx, request, {
      action: 'role.granted',
      outcome: 'ok',
      targetType: 'account',
      targetId: id,
      details: {
        username: account.username,
        assignmentId,
        role: input.role,
        unitId: unit.id,
        unitName: unit.name,
      },
    });
  });
  return getVisibleAccount(ctx, ctx.db, id, scope);
};
