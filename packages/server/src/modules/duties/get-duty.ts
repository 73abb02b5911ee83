import type { DutyOccurrenceDetail } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope } from './duties-access';
import { findFulfilment, findOccurrence } from './duties.repository';
import { presentDuty } from './present-duty';

/** One occurrence with its meeting record or report; 404 outside the caller's scope. */
export const getDuty = async (
  q: Queryable,
  { grants, today }: { grants: readonly RoleGrant[]; today: string },
  id: number,
): Promise<DutyOccurrenceDetail> => {
  const row = assertInScope(grants, await findOccurrence(q, id));
  return { ...presentDuty(row, today), unitPath: row.unitPath, fulfilment: await findFulfilment(q, id) };
};
