import type { ListRectificationsQuery, RectificationTask } from '@zongzhi/contracts';
import { compareRectificationUrgency, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { type RoleGrant, scopePatterns } from '../../platform/auth/principal';
import { assertInScope } from './inspections-access';
import { findUnitRef, listTasks } from './inspections.repository';
import { presentTask, loadDueSoonDays } from './present-rectification';

/**
 * The rectification tracker (整改跟踪): tasks owned or inspected in the caller's jurisdiction,
 * issued by `asOf`, with status and countdown at `asOf`, overdue first.
 */
export const listRectifications = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListRectificationsQuery,
  now: Date,
): Promise<{ items: RectificationTask[]; total: number }> => {
  const asOf = query.asOf ?? toChinaDate(now);
  const unit =
    query.unitId === undefined ? undefined : assertInScope(grants, await findUnitRef(q, query.unitId));
  const rows = await listTasks(q, {
    patterns: scopePatterns(grants),
    ownerPath: unit?.unitPath,
    inspectionId: query.inspectionId,
    issuedBy: asOf,
  });
  const dueSoon = await loadDueSoonDays(q, rows, now);
  const tasks = rows
    .map((row) => presentTask(row, asOf, dueSoon(row)))
    .filter((t) => query.status === undefined || t.status === query.status)
    .sort(compareRectificationUrgency);
  const offset = (query.page - 1) * query.pageSize;
  return { items: tasks.slice(offset, offset + query.pageSize), total: tasks.length };
};
