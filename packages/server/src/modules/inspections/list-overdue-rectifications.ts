import { type FindingSeverity, decideRectificationStatus } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { listTasks } from './inspections.repository';

export type OverdueRectification = {
  taskId: number;
  findingId: number;
  inspectionId: number;
  severity: FindingSeverity;
  description: string;
  ownerUnitId: number;
  ownerUnitName: string;
  inspectingUnitId: number;
  responsiblePersonId: number | null;
  responsibleName: string | null;
  issuedOn: string;
  /** The deadline in force (a rejection resets it). */
  deadline: string;
  /** Calendar days past the deadline at `asOf` (≥ 1). */
  daysOverdue: number;
  rulebookId: string;
  rulebookVersion: number;
};

/**
 * Fact source for accountability ("a rectification overdue" opens or escalates a case): every
 * rectification task overdue at `asOf` (a China date) — its deadline passed before `asOf` and it
 * had not been submitted for acceptance by then (a task sent back after a failed acceptance counts
 * against its new deadline). `unitIds` narrows to tasks owned by exactly those units. No caller
 * scope: the caller (a use case or the scheduler) decides what to do with the facts.
 */
export const listOverdueRectifications = async (
  q: Queryable,
  { asOf, unitIds }: { asOf: string; unitIds?: readonly number[] },
): Promise<OverdueRectification[]> => {
  const rows = await listTasks(q, { patterns: ['%'], issuedBy: asOf, overdueCandidatesAt: asOf });
  return rows
    .filter((row) => unitIds === undefined || unitIds.includes(row.ownerUnitId))
    .map((row) => ({
      row,
      decision: decideRectificationStatus({
        task: {
          state: row.state,
          deadline: row.deadline,
          issuedOn: row.issuedOn,
          submittedOn: row.submittedOn,
          acceptedOn: row.acceptedOn,
          closedOn: row.closedOn,
        },
        asOf,
        dueSoonDays: 0,
      }),
    }))
    .filter(({ decision }) => decision.overdue)
    .map(({ row, decision }) => ({
      taskId: row.id,
      findingId: row.findingId,
      inspectionId: row.inspectionId,
      severity: row.severity,
      description: row.description,
      ownerUnitId: row.ownerUnitId,
      ownerUnitName: row.ownerUnitName,
      inspectingUnitId: row.inspectingUnitId,
      responsiblePersonId: row.responsiblePersonId,
      responsibleName: row.responsibleName,
      issuedOn: row.issuedOn,
      deadline: row.deadline,
      daysOverdue: -decision.daysLeft,
      rulebookId: row.rulebookId,
      rulebookVersion: row.rulebookVersion,
    }));
};
