import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { adminAccess, getVisibleAccount } from './admin-access';

export const getAccount = (ctx: AppContext, request: FastifyRequest, id: number) =>
  getVisibleAccount(ctx, ctx.db, id, adminAccess(request).scope);
