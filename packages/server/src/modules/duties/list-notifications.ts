import type { ListNotificationsQuery, NotificationPage } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { Principal } from '../../platform/auth/principal';
import { pageToLimit } from './duties-access';
import { listNotifications as listNotificationRows } from './duties.repository';

/** The caller's own notifications, newest first. An API key belongs to no account and has none. */
export const listNotifications = async (
  q: Queryable,
  principal: Principal,
  query: ListNotificationsQuery,
): Promise<NotificationPage> => {
  if (principal.accountId === null) return { items: [], total: 0, unread: 0 };
  return listNotificationRows(q, {
    accountId: principal.accountId,
    unreadOnly: query.unread ?? false,
    ...pageToLimit(query),
  });
};
