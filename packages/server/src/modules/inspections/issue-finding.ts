import {
  CalendarError,
  type FindingSeverity,
  type WorkCalendar,
  calculateRectificationDeadline,
  decideResponsibleOnDate,
  type PostKind,
  selectRectificationPeriod,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { type FieldError, field } from '../../platform/errors';
import { inspectionErrors } from './inspections.errors';
import { insertFindingWithTask, listUnitPosts, nextFindingNumber } from './inspections.repository';
import type { SupervisionRules } from './load-supervision-rules';

export type FindingInput = {
  severity: FindingSeverity;
  description: string;
  ownerUnit: { id: number; unitPath: string };
  deadline?: string | undefined;
  deadlineReason?: string | undefined;
};

/** What is wrong with an override, as fields under `prefix` (`body` or a sheet row's cells). */
export const checkDeadlineOverride = (
  input: { deadline?: string | undefined; deadlineReason?: string | undefined },
  today: string,
  paths: { deadline: string; reason: string },
): FieldError[] => {
  const errors: FieldError[] = [];
  if (input.deadline !== undefined && input.deadlineReason === undefined)
    errors.push(
      field(paths.reason, '调整整改期限须说明理由', 'a deadline other than the rulebook’s needs a reason'),
    );
  if (input.deadline === undefined && input.deadlineReason !== undefined)
    errors.push(field(paths.deadline, '有调整理由时须填写整改期限', 'a reason is given but no deadline'));
  if (input.deadline !== undefined && input.deadline < today)
    errors.push(field(paths.deadline, '整改期限不能早于今天', 'the deadline cannot be in the past'));
  return errors;
};

/**
 * The owner unit's responsible person on the issue date, from the registry: the leader in charge
 * (直接责任人) if there is one, else the first principal (第一责任人); none when the posts are vacant.
 */
const findResponsible = async (q: Queryable, unitId: number, date: string) => {
  const posts = await listUnitPosts(q, unitId, date);
  const byRole = decideResponsibleOnDate({
    posts: posts.map((p) => ({ ...p, postKind: p.postKind as PostKind })),
    date,
  });
  const inCharge = byRole.in_charge[0];
  if (inCharge) return { personId: inCharge.personId, name: inCharge.name, role: 'in_charge' as const };
  const principal = byRole.principal[0];
  return principal
    ? { personId: principal.personId, name: principal.name, role: 'principal' as const }
    : null;
};

/**
 * Writes a finding of an inspection and its rectification task (inside the caller's transaction):
 * the deadline from the rulebook period of the finding's severity counted from the issue date on
 * the work calendar, or the override given with its reason. Answers the task id.
 */
export const issueFinding = async (
  q: Queryable,
  args: {
    inspectionId: number;
    input: FindingInput;
    rules: SupervisionRules;
    calendar: WorkCalendar;
    issuedOn: string;
    now: Date;
    by: string;
  },
): Promise<number> => {
  const { input, rules } = args;
  const selected = selectRectificationPeriod({
    rectification: rules.supervision.rectification,
    severity: input.severity,
  });
  let deadline = input.deadline;
  if (deadline === undefined) {
    try {
      deadline = calculateRectificationDeadline({
        issuedOn: args.issuedOn,
        period: selected.period,
        calendar: args.calendar,
      });
    } catch (error) {
      if (error instanceof CalendarError && error.code === 'calendar_year_missing')
        throw inspectionErrors.fail('inspections.calendar_year_missing');
      throw error;
    }
  }
  return insertFindingWithTask(q, {
    inspectionId: args.inspectionId,
    number: await nextFindingNumber(q, args.inspectionId),
    severity: input.severity,
    description: input.description,
    createdAt: args.now,
    createdBy: args.by,
    ownerUnitId: input.ownerUnit.id,
    responsible: await findResponsible(q, input.ownerUnit.id, args.issuedOn),
    issuedOn: args.issuedOn,
    deadline,
    deadlineBasis: input.deadline === undefined ? 'rulebook' : 'override',
    deadlineReason: input.deadline === undefined ? null : (input.deadlineReason ?? null),
    period: input.deadline === undefined ? selected.period : null,
    rulebookId: rules.rulebookId,
    rulebookVersion: rules.rulebookVersion,
  });
};
