import { ADMIN_ROLES, type Role } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import { scopePatterns } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import type { AppError } from '../../platform/errors';
import { notFound } from '../../platform/errors';
import { findAccountInScope } from './accounts.repository';

/** The caller of an administration route and the units it may act on (its allowed grants' subtrees). */
export const adminAccess = (request: FastifyRequest) => {
  const access = getAccess(request);
  return { principal: access.principal, scope: scopePatterns(access.grants) };
};

/** An account the caller may see, or 404 as if it did not exist. */
export const getVisibleAccount = async (ctx: AppContext, q: Queryable, id: number, scope: string[]) => {
  const account = await findAccountInScope(q, id, scope, ctx.clock.now());
  if (!account) throw notFound();
  return account;
};

/** Audits a refused security action (outside any transaction, so the record survives) and returns the error. */
export const refuse = async (
  ctx: AppContext,
  request: FastifyRequest,
  attempt: { action: string; targetType: string; targetId: number; reason: string },
  error: AppError,
) => {
  await ctx.audit(ctx.db, request, {
    action: attempt.action,
    outcome: 'denied',
    targetType: attempt.targetType,
    targetId: attempt.targetId,
    details: { reason: attempt.reason },
  });
  return error;
};

/** One of the three separated administrator roles (三员). */
export const isAdminRole = (role: Role) => (ADMIN_ROLES as readonly Role[]).includes(role);
