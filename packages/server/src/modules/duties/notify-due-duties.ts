import { calculatePostKindsForRoles } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { insertDueNotifications } from './duties.repository';
import { loadRemindersInForce } from './load-reminders';

/**
 * Creates the due-soon and overdue notifications that are due today and not sent yet, each
 * rulebook's occurrences by that rulebook's reminder settings. Returns the new notifications' ids.
 */
export const notifyDueDuties = async (
  q: Queryable,
  { today, now }: { today: string; now: Date },
): Promise<number[]> => {
  const created: number[] = [];
  for (const [rulebookId, reminders] of await loadRemindersInForce(q, today)) {
    const ids = await insertDueNotifications(q, {
      today,
      rulebookId,
      dueSoonDays: reminders.dueSoonDays,
      postKinds: calculatePostKindsForRoles(reminders.notifyRoles),
      now,
    });
    created.push(...ids);
  }
  return created;
};
