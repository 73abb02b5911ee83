import type { DutyOccurrenceItem } from '@zongzhi/contracts';
import { decideDutyState } from '@zongzhi/domain';
import type { DueSoonDaysByRulebook, OccurrenceRow } from './duties.repository';

/**
 * An occurrence as the API shows it, with its state on `today` decided by the domain, due soon by
 * the rulebook it was generated from (0 days when that rulebook no longer resolves, as in SQL).
 */
export const presentDuty = (
  row: OccurrenceRow,
  { today, dueSoonDays }: { today: string; dueSoonDays: DueSoonDaysByRulebook },
): DutyOccurrenceItem => {
  const decision = decideDutyState({
    occurrence: row,
    fulfilledAt: row.fulfilledOn,
    waived: row.waiver !== null,
    now: today,
    dueSoonDays: dueSoonDays.get(row.rulebookId) ?? 0,
  });
  return {
    id: row.id,
    dutyId: row.dutyId,
    dutyName: row.dutyName,
    dutyKind: row.dutyKind as DutyOccurrenceItem['dutyKind'],
    unitId: row.unitId,
    unitName: row.unitName,
    periodKey: row.periodKey,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    deadline: row.deadline,
    evidenceRequired: row.evidenceRequired,
    rulebookId: row.rulebookId,
    rulebookVersion: row.rulebookVersion,
    ...decision,
    fulfilledOn: row.fulfilledOn,
    fulfilmentKind: row.fulfilmentKind,
    waiver: row.waiver,
  };
};
