import type { RectificationDetail } from '@zongzhi/contracts';
import { isSubmittedOnTime } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { changeRectification } from './change-rectification';
import { insertEvent, updateTask } from './inspections.repository';

/** The owner unit reports the rectification done and asks for acceptance (验收): the clock stops. */
export const submitRectification = (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: { note: string },
): Promise<RectificationDetail> =>
  changeRectification(ctx, request, id, {
    side: 'owner',
    allowed: (task) => task.state === 'open' || task.state === 'rejected',
    apply: async ({ tx, task, username, now, today }) => {
      await updateTask(tx, task.id, { state: 'submitted', submittedOn: today });
      await insertEvent(tx, {
        taskId: task.id,
        kind: 'submitted',
        onDate: today,
        at: now,
        by: username,
        note: input.note,
        newDeadline: null,
      });
      await ctx.audit(tx, request, {
        action: 'rectification.submitted',
        outcome: 'ok',
        targetType: 'rectification_task',
        targetId: task.id,
        details: {
          submittedOn: today,
          deadline: task.deadline,
          onTime: isSubmittedOnTime({ submittedOn: today, deadline: task.deadline }),
        },
      });
    },
  });
