import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { adminAccess } from './admin-access';
import { listApiKeysInScope } from './api-keys.repository';

export const listApiKeys = (ctx: AppContext, request: FastifyRequest) =>
  listApiKeysInScope(ctx.db, adminAccess(request).scope);
