import { calculatePostKindsForRoles } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { insertDueNotifications } from './duties.repository';
import { DUE_SOON_DAYS, NOTIFIED_ROLES } from './duty-dates';

/** Creates the due-soon and overdue notifications that are due today and not sent yet. */
export const notifyDueDuties = async (q: Queryable, { today, now }: { today: string; now: Date }) =>
  insertDueNotifications(q, {
    today,
    dueSoonDays: DUE_SOON_DAYS,
    postKinds: calculatePostKindsForRoles([...NOTIFIED_ROLES]),
    now,
  });
