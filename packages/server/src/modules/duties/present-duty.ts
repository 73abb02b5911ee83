import type { DutyOccurrenceItem } from '@zongzhi/contracts';
import { decideDutyState } from '@zongzhi/domain';
import type { OccurrenceRow } from './duties.repository';
import { DUE_SOON_DAYS } from './duty-dates';

/** An occurrence as the API shows it, with its state on `today` decided by the domain. */
export const presentDuty = (row: OccurrenceRow, today: string): DutyOccurrenceItem => {
  const decision = decideDutyState({
    occurrence: row,
    fulfilledAt: row.fulfilledOn,
    waived: row.waiver !== null,
    now: today,
    dueSoonDays: DUE_SOON_DAYS,
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
