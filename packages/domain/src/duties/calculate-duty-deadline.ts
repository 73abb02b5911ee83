import { addCalendarDays, makeDate } from '../calendar/calendar-date';
import { CalendarError } from '../calendar/calendar-error';
import type { WorkCalendar } from '../calendar/create-work-calendar';
import type { Period } from '../calendar/period';
import type { DutyDeadlineRule } from './duty-definition';

const requireCount = (n: number, what: string) => {
  if (!Number.isInteger(n) || n < 0) {
    throw new CalendarError('invalid_cadence', `${what} must be a whole number ≥ 0: ${n}`, { value: n });
  }
  return n;
};

/**
 * The deadline of one period under a rule, moved off rest days. Throws
 * `CalendarError('calendar_year_missing')` when the calendar lacks a year the computation touches.
 */
export const calculateDutyDeadline = ({
  period,
  rule,
  calendar,
}: {
  period: Period;
  rule: DutyDeadlineRule;
  calendar: WorkCalendar;
}) => {
  if (rule === 'period_end') return calendar.adjustDeadline(period.end);
  if ('workingDaysAfterPeriodEnd' in rule) {
    // The nth working day after the period is a working day already; n = 0 means the period end.
    const n = requireCount(rule.workingDaysAfterPeriodEnd, 'workingDaysAfterPeriodEnd');
    return calendar.adjustDeadline(calendar.addWorkingDays(period.end, n));
  }
  if ('daysAfterPeriodStart' in rule) {
    const n = requireCount(rule.daysAfterPeriodStart, 'daysAfterPeriodStart');
    return calendar.adjustDeadline(addCalendarDays(period.start, n));
  }
  if (
    !Number.isInteger(rule.month) ||
    rule.month < 1 ||
    rule.month > 12 ||
    !Number.isInteger(rule.day) ||
    rule.day < 1
  ) {
    throw new CalendarError('invalid_cadence', `Invalid fixed deadline ${rule.month}/${rule.day}`, {
      value: rule,
    });
  }
  return calendar.adjustDeadline(makeDate(period.year + (rule.yearOffset ?? 0), rule.month, rule.day));
};
