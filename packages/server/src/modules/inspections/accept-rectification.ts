import type { RectificationDetail } from '@zongzhi/contracts';
import { isSubmittedOnTime } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { changeRectification } from './change-rectification';
import { insertEvent, updateTask } from './inspections.repository';

/** The inspecting side accepts (验收合格) a submitted rectification; whether it came in time is kept. */
export const acceptRectification = (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: { note?: string | undefined },
): Promise<RectificationDetail> =>
  changeRectification(ctx, request, id, {
    side: 'inspecting',
    allowed: (task) => task.state === 'submitted',
    apply: async ({ tx, task, username, now, today }) => {
      const onTime = isSubmittedOnTime({ submittedOn: task.submittedOn!, deadline: task.deadline });
      await updateTask(tx, task.id, { state: 'accepted', acceptedOn: today, acceptedOnTime: onTime });
      await insertEvent(tx, {
        taskId: task.id,
        kind: 'accepted',
        onDate: today,
        at: now,
        by: username,
        note: input.note ?? null,
        newDeadline: null,
      });
      await ctx.audit(tx, request, {
        action: 'rectification.accepted',
        outcome: 'ok',
        targetType: 'rectification_task',
        targetId: task.id,
        details: { acceptedOn: today, submittedOn: task.submittedOn, deadline: task.deadline, onTime },
      });
    },
  });
