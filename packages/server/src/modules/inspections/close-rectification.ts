import type { RectificationDetail } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { changeRectification } from './change-rectification';
import { insertEvent, updateTask } from './inspections.repository';
import { loadSupervisionRules } from './load-supervision-rules';

/**
 * The inspecting side closes the task (销号): after acceptance, or — where the rulebook requires
 * no acceptance — at any point before.
 */
export const closeRectification = (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: { note?: string | undefined },
): Promise<RectificationDetail> =>
  changeRectification(ctx, request, id, {
    side: 'inspecting',
    allowed: async (task, { tx, now }) => {
      if (task.state === 'accepted') return true;
      if (task.state === 'closed') return false;
      const rules = await loadSupervisionRules(
        tx,
        { id: task.inspectingUnitId, unitPath: task.inspectingUnitPath },
        now,
      );
      return !rules.supervision.rectification.acceptanceRequired;
    },
    apply: async ({ tx, task, username, now, today }) => {
      await updateTask(tx, task.id, { state: 'closed', closedOn: today });
      await insertEvent(tx, {
        taskId: task.id,
        kind: 'closed',
        onDate: today,
        at: now,
        by: username,
        note: input.note ?? null,
        newDeadline: null,
      });
      await ctx.audit(tx, request, {
        action: 'rectification.closed',
        outcome: 'ok',
        targetType: 'rectification_task',
        targetId: task.id,
        details: { closedOn: today, previousState: task.state },
      });
    },
  });
