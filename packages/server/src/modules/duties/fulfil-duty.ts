import type { DutyOccurrenceDetail, FulfilDutyRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type FieldError, field, invalid } from '../../platform/errors';
import { assertInScope } from './duties-access';
import { dutyErrors } from './duties.errors';
import {
  type OccurrenceRow,
  findOccurrence,
  findPostHolderName,
  insertFulfilment,
} from './duties.repository';
import { calculateToday } from './duty-dates';
import { getDuty } from './get-duty';

/** What is wrong with this fulfilment of this occurrence; empty when it may be recorded. */
const checkFulfilment = (
  occurrence: OccurrenceRow,
  input: FulfilDutyRequest,
  today: string,
): FieldError[] => {
  const errors: FieldError[] = [];
  // A meeting duty is met by a meeting; every other kind (report, check, survey…) by a report.
  const expected = occurrence.dutyKind === 'meeting' ? 'meeting' : 'report';
  if (input.kind !== expected)
    errors.push(
      expected === 'meeting'
        ? field('body.kind', '该事项须登记会议记录', 'this duty is fulfilled by a meeting record')
        : field('body.kind', '该事项须提交报告', 'this duty is fulfilled by a report'),
    );
  if (input.kind === 'meeting') {
    if (input.meeting.date > today)
      errors.push(
        field('body.meeting.date', '会议日期不能晚于今天', 'the meeting date cannot be in the future'),
      );
    if (input.meeting.date < occurrence.periodStart)
      errors.push(
        field(
          'body.meeting.date',
          `会议日期早于本期开始（${occurrence.periodStart}）`,
          `the meeting date is before the period began (${occurrence.periodStart})`,
        ),
      );
  }
  // Burden reduction (RULES §9): evidence is asked for only where the rule requires it.
  if (occurrence.evidenceRequired && input.attachments.length === 0)
    errors.push(
      field('body.attachments', '该事项的制度要求附上佐证材料', 'the rule requires evidence for this duty'),
    );
  return errors;
};

/**
 * Records a meeting or a report against an occurrence. The day that counts is the meeting's date,
 * or today for a report; after the deadline the occurrence becomes done late — the next period
 * keeps its own dates, as periods follow the rule's calendar, not the last completion.
 */
export const fulfilDuty = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: FulfilDutyRequest,
): Promise<DutyOccurrenceDetail> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = calculateToday(now);
  return ctx.db.transaction(async (tx) => {
    const occurrence = assertInScope(grants, await findOccurrence(tx, id, { forUpdate: true }));
    if (occurrence.waiver) throw dutyErrors.fail('duties.already_waived');
    if (occurrence.fulfilledOn) throw dutyErrors.fail('duties.already_fulfilled');
    const errors = checkFulfilment(occurrence, input, today);
    if (errors.length > 0) throw invalid(errors);
    // The chair is a person of the unit on the meeting date; their name is stored with the record.
    const chair =
      input.kind === 'meeting'
        ? await findPostHolderName(tx, occurrence.unitId, input.meeting.chairPersonId, input.meeting.date)
        : undefined;
    if (input.kind === 'meeting' && chair === undefined)
      throw dutyErrors.fail('duties.chair_not_in_unit', [
        field(
          'body.meeting.chairPersonId',
          `会议主持人须为${input.meeting.date}在${occurrence.unitName}任职的人员`,
          `the chair must hold a post in ${occurrence.unitName} on ${input.meeting.date}`,
        ),
      ]);
    const fulfilledOn = input.kind === 'meeting' ? input.meeting.date : today;
    await insertFulfilment(tx, {
      occurrenceId: id,
      kind: input.kind,
      fulfilledOn,
      meeting: input.kind === 'meeting' ? { ...input.meeting, chair: chair! } : null,
      report: input.kind === 'report' ? input.report : null,
      attachments: input.attachments,
      recordedAt: now,
      recordedBy: principal.username,
      recordedByAccountId: principal.accountId,
    });
    const detail = await getDuty(tx, { grants, today }, id);
    await ctx.audit(tx, request, {
      action: 'duty.fulfilled',
      outcome: 'ok',
      targetType: 'duty_occurrence',
      targetId: id,
      details: {
        dutyId: occurrence.dutyId,
        unitId: occurrence.unitId,
        periodKey: occurrence.periodKey,
        deadline: occurrence.deadline,
        kind: input.kind,
        fulfilledOn,
        ...(input.kind === 'meeting' && { chairPersonId: input.meeting.chairPersonId }),
        state: detail.state,
        attachments: input.attachments.length,
      },
    });
    return detail;
  });
};
