import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { markNotificationRead } from './duties.repository';

/** Marks one of the caller's notifications read; someone else's is a 404, as if absent. */
export const readNotification = async (ctx: AppContext, request: FastifyRequest, id: number) => {
  const { principal } = getAccess(request);
  if (principal.accountId === null) throw notFound();
  const accountId = principal.accountId;
  return ctx.db.transaction(async (tx) => {
    const read = await markNotificationRead(tx, { id, accountId, now: ctx.clock.now() });
    if (!read) throw notFound();
    if (read.wasUnread)
      await ctx.audit(tx, request, {
        action: 'notification.read',
        outcome: 'ok',
        targetType: 'notification',
        targetId: id,
        details: {},
      });
    return { id: read.id, readAt: read.readAt };
  });
};
