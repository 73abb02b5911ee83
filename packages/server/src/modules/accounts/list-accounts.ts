import type { AccountListQuery } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { listAccountsInScope } from './accounts.repository';
import { adminAccess } from './admin-access';

export const listAccounts = (ctx: AppContext, request: FastifyRequest, query: AccountListQuery) => {
  const { scope } = adminAccess(request);
  return listAccountsInScope(ctx.db, {
    scope,
    now: ctx.clock.now(),
    q: query.q || undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
};
