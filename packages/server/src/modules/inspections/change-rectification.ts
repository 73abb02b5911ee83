import type { RectificationDetail } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import type { RoleGrant } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { findVisibleTask, presentRectificationDetail } from './get-rectification';
import { assertCanInspect, canReport } from './inspections-access';
import { inspectionErrors } from './inspections.errors';
import { type TaskRow, findTask, lockTask } from './inspections.repository';

export type ChangeContext = {
  tx: Queryable;
  task: TaskRow;
  username: string;
  now: Date;
  today: string;
};

export type Side = 'owner' | 'inspecting';

const assertSide = (grants: readonly RoleGrant[], task: TaskRow, side: Side) => {
  if (side === 'inspecting') assertCanInspect(grants, task.inspectingUnitPath, task.inspectingBody);
  else if (!canReport(grants, task.ownerUnitPath)) throw inspectionErrors.fail('inspections.not_owner_side');
};

/**
 * The frame every change of a task shares: one transaction; the task in scope (404) and locked;
 * the caller on the right side (403: the owner unit reports, the inspecting side decides); the
 * state allowing it (409); then `apply` writes and audits; the task is answered as it now stands.
 */
export const changeRectification = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  step: {
    side: Side;
    allowed: (task: TaskRow, c: ChangeContext) => boolean | Promise<boolean>;
    apply: (c: ChangeContext) => Promise<void>;
  },
): Promise<RectificationDetail> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = toChinaDate(now);
  return ctx.db.transaction(async (tx) => {
    await findVisibleTask(tx, grants, id);
    await lockTask(tx, id);
    const task = (await findTask(tx, id))!;
    assertSide(grants, task, step.side);
    const c = { tx, task, username: principal.username, now, today };
    if (!(await step.allowed(task, c))) throw inspectionErrors.fail('inspections.wrong_state');
    await step.apply(c);
    return presentRectificationDetail(tx, grants, (await findTask(tx, id))!, today, now);
  });
};
