import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { accountsErrors } from './accounts.errors';
import { deleteRoleAssignment, findRoleAssignmentInScope } from './accounts.repository';
import { adminAccess, getVisibleAccount, refuse } from './admin-access';

/** The security administrator withdraws a role held inside its scope; never one of its own. */
export const revokeRole = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  assignmentId: number,
) => {
  const { principal, scope } = adminAccess(request);
  if (id === principal.accountId)
    throw await refuse(
      ctx,
      request,
      { action: 'role.revoked', targetType: 'account', targetId: id, reason: 'own_roles' },
      accountsErrors.fail('accounts.own_roles'),
    );
  const account = await getVisibleAccount(ctx, ctx.db, id, scope);
  const assignment = await findRoleAssignmentInScope(ctx.db, id, assignmentId, scope);
  if (!assignment) throw notFound();
  await ctx.db.transaction(async (tx) => {
    await deleteRoleAssignment(tx, assignment.id);
    await ctx.audit(tx, request, {
      action: 'role.revoked',
      outcome: 'ok',
      targetType: 'account',
      targetId: id,
      details: {
        username: account.username,
        assignmentId: assignment.id,
        role: assignment.role,
        unitId: assignment.unitId,
        unitName: assignment.unitName,
      },
    });
  });
  return getVisibleAccount(ctx, ctx.db, id, scope);
};
