import type { Finding, RectificationTask } from '@zongzhi/contracts';
import { decideRectificationStatus } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import type { TaskRow } from './inspections.repository';

/** Due-soon days of each rulebook the tasks were issued under, as those rulebooks stand now. */
export const loadDueSoonDays = async (q: Queryable, rows: readonly TaskRow[], now: Date) => {
  const days = new Map<string, number>();
  for (const id of new Set(rows.map((r) => r.rulebookId))) {
    const inForce = await findRulebookInForce(q, id, now);
    if (inForce) days.set(id, inForce.rulebook.supervision.rectification.dueSoonDays);
  }
  return (row: TaskRow) => days.get(row.rulebookId) ?? 0;
};

export const decideTaskStatus = (row: TaskRow, asOf: string, dueSoonDays: number) =>
  decideRectificationStatus({
    task: {
      state: row.state,
      deadline: row.deadline,
      issuedOn: row.issuedOn,
      submittedOn: row.submittedOn,
      acceptedOn: row.acceptedOn,
      closedOn: row.closedOn,
    },
    asOf,
    dueSoonDays,
  });

export const presentTask = (row: TaskRow, asOf: string, dueSoonDays: number): RectificationTask => {
  const decision = decideTaskStatus(row, asOf, dueSoonDays);
  return {
    id: row.id,
    findingId: row.findingId,
    findingNumber: row.findingNumber,
    severity: row.severity,
    description: row.description,
    inspectionId: row.inspectionId,
    inspectionKind: row.inspectionKind,
    inspectingUnitId: row.inspectingUnitId,
    inspectingUnitName: row.inspectingUnitName,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    responsiblePersonId: row.responsiblePersonId,
    responsibleName: row.responsibleName,
    responsibleRole: row.responsibleRole,
    issuedOn: row.issuedOn,
    deadline: row.deadline,
    deadlineBasis: row.deadlineBasis,
    deadlineReason: row.deadlineReason,
    period: row.period,
    rulebookId: row.rulebookId,
    rulebookVersion: row.rulebookVersion,
    state: row.state,
    submittedOn: row.submittedOn,
    acceptedOn: row.acceptedOn,
    acceptedOnTime: row.acceptedOnTime,
    closedOn: row.closedOn,
    rejections: row.rejections,
    asOf,
    status: decision.status,
    daysLeft: decision.daysLeft,
    colour: decision.colour,
  };
};

export const presentFinding = (row: TaskRow, asOf: string, dueSoonDays: number): Finding => ({
  id: row.findingId,
  inspectionId: row.inspectionId,
  number: row.findingNumber,
  unitId: row.inspectedUnitId,
  severity: row.severity,
  description: row.description,
  createdAt: row.findingCreatedAt,
  createdBy: row.findingCreatedBy,
  task: presentTask(row, asOf, dueSoonDays),
});
