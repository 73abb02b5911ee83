import type { RectificationDetail } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { changeRectification } from './change-rectification';
import { insertEvent } from './inspections.repository';

/** The owner unit reports progress (整改进展) while rectifying; the deadline does not move. */
export const reportRectificationProgress = (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: { note: string },
): Promise<RectificationDetail> =>
  changeRectification(ctx, request, id, {
    side: 'owner',
    allowed: (task) => task.state === 'open' || task.state === 'rejected',
    apply: async ({ tx, task, username, now, today }) => {
      const eventId = await insertEvent(tx, {
        taskId: task.id,
        kind: 'progress',
        onDate: today,
        at: now,
        by: username,
        note: input.note,
        newDeadline: null,
      });
      await ctx.audit(tx, request, {
        action: 'rectification.progress_reported',
        outcome: 'ok',
        targetType: 'rectification_task',
        targetId: task.id,
        details: { eventId, onDate: today },
      });
    },
  });
