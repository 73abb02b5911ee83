import type { RectificationDetail } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertEitherInScope, canInspect, canReport } from './inspections-access';
import { findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { type TaskRow, findTask, listEvents } from './inspections.repository';
import { presentTask } from './present-rectification';

/** A task seen by the owner unit's or the inspecting unit's jurisdiction; 404 otherwise. */
export const findVisibleTask = async (q: Queryable, grants: readonly RoleGrant[], id: number) =>
  assertEitherInScope(grants, await findTask(q, id), (t) => [t.ownerUnitPath, t.inspectingUnitPath]);

/** The task with its history and what the caller may do with it now. */
export const presentRectificationDetail = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  row: TaskRow,
  asOf: string,
  now: Date,
): Promise<RectificationDetail> => {
  const rules = (await findRulebookInForce(q, row.rulebookId, now))?.rulebook.supervision.rectification;
  const inspects = canInspect(grants, row.inspectingUnitPath, row.inspectingBody);
  const reports = canReport(grants, row.ownerUnitPath);
  const rectifying = row.state === 'open' || row.state === 'rejected';
  return {
    ...presentTask(row, asOf, rules?.dueSoonDays ?? 0),
    events: await listEvents(q, row.id),
    can: {
      report: reports && rectifying,
      submit: reports && rectifying,
      accept: inspects && row.state === 'submitted',
      close:
        inspects &&
        (row.state === 'accepted' || (rules?.acceptanceRequired === false && row.state !== 'closed')),
    },
  };
};

/** 整改任务: one rectification task, its progress reports and decisions, status at `asOf` (today by default). */
export const getRectification = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
  query: { asOf?: string | undefined },
  now: Date,
): Promise<RectificationDetail> =>
  presentRectificationDetail(
    q,
    grants,
    await findVisibleTask(q, grants, id),
    query.asOf ?? toChinaDate(now),
    now,
  );
