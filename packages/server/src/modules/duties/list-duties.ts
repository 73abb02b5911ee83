import type { DutyOccurrenceItem, ListDutiesQuery } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { assertInScope, pageToLimit } from './duties-access';
import { findUnitRef, listOccurrences } from './duties.repository';
import { loadDueSoonDaysInForce } from './load-reminders';
import { presentDuty } from './present-duty';

/** A page of the duty ledger of the caller's jurisdiction, optionally below one unit. */
export const listDuties = async (
  q: Queryable,
  { grants, today }: { grants: readonly RoleGrant[]; today: string },
  query: ListDutiesQuery,
): Promise<{ items: DutyOccurrenceItem[]; total: number }> => {
  const unit =
    query.unitId === undefined ? undefined : assertInScope(grants, await findUnitRef(q, query.unitId));
  const dueSoonDays = await loadDueSoonDaysInForce(q, today);
  const page = await listOccurrences(q, {
    patterns: scopePatterns(grants),
    today,
    dueSoonDays,
    unitPath: unit?.unitPath,
    dutyId: query.dutyId,
    state: query.state,
    periodKey: query.periodKey,
    from: query.from,
    to: query.to,
    ...pageToLimit(query),
  });
  return { items: page.items.map((row) => presentDuty(row, { today, dueSoonDays })), total: page.total };
};
