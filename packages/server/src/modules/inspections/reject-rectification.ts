import type { RectificationDetail } from '@zongzhi/contracts';
import { CalendarError, calculateRectificationDeadline } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { loadWorkCalendar } from '../calendar/load-work-calendar';
import { changeRectification } from './change-rectification';
import { inspectionErrors } from './inspections.errors';
import { insertEvent, updateTask } from './inspections.repository';
import { loadSupervisionRules } from './load-supervision-rules';

/**
 * The inspecting side rejects a submission (验收不合格): the task goes back to the owner with the
 * reason and a new deadline — the rulebook's re-work period counted from today.
 */
export const rejectRectification = (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: { reason: string },
): Promise<RectificationDetail> =>
  changeRectification(ctx, request, id, {
    side: 'inspecting',
    allowed: (task) => task.state === 'submitted',
    apply: async ({ tx, task, username, now, today }) => {
      const rules = await loadSupervisionRules(
        tx,
        { id: task.inspectingUnitId, unitPath: task.inspectingUnitPath },
        now,
      );
      const period = rules.supervision.rectification.reworkPeriod;
      let deadline: string;
      try {
        deadline = calculateRectificationDeadline({
          issuedOn: today,
          period,
          calendar: await loadWorkCalendar(tx),
        });
      } catch (error) {
        if (error instanceof CalendarError && error.code === 'calendar_year_missing')
          throw inspectionErrors.fail('inspections.calendar_year_missing');
        throw error;
      }
      await updateTask(tx, task.id, {
        state: 'rejected',
        submittedOn: null,
        deadline,
        rejections: task.rejections + 1,
      });
      await insertEvent(tx, {
        taskId: task.id,
        kind: 'rejected',
        onDate: today,
        at: now,
        by: username,
        note: input.reason,
        newDeadline: deadline,
      });
      await ctx.audit(tx, request, {
        action: 'rectification.rejected',
        outcome: 'ok',
        targetType: 'rectification_task',
        targetId: task.id,
        details: {
          previousDeadline: task.deadline,
          deadline,
          period: { amount: period.amount, unit: period.unit },
          rulebookId: rules.rulebookId,
          rulebookVersion: rules.rulebookVersion,
        },
      });
    },
  });
