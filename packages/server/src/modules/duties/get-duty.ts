import type { DutyOccurrenceDetail } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope } from './duties-access';
import { findFulfilment, findOccurrence } from './duties.repository';
import { loadDueSoonDaysInForce } from './load-reminders';
import { presentDuty } from './present-duty';

/** One occurrence with its meeting record or report; 404 outside the caller's scope. */
export const getDuty = async (
  q: Queryable,
  { grants, today }: { grants: readonly RoleGrant[]; today: string },
  id: number,
): Promise<DutyOccurrenceDetail> => {
  const row = assertInScope(grants, await findOccurrence(q, id));
  const dueSoonDays = await loadDueSoonDaysInForce(q, today);
  return {
    ...presentDuty(row, { today, dueSoonDays }),
    unitPath: row.unitPath,
    fulfilment: await findFulfilment(q, id),
  };
};
