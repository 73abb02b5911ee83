import type { CalendarDate } from '../calendar/calendar-date';
import { CalendarError } from '../calendar/calendar-error';
import type { WorkCalendar } from '../calendar/create-work-calendar';
import type { FINDING_SEVERITIES, RECTIFICATION_UNITS } from '../rulebook/rulebook.schema';

export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** A rulebook period: `{ amount: 15, unit: 'working_day' }`, `{ amount: 1, unit: 'month' }`. */
export type RectificationPeriodRule = { amount: number; unit: (typeof RECTIFICATION_UNITS)[number] };

/**
 * The deadline of a rectification issued on `issuedOn` with `period`:
 * - `working_day`: the Nth working day after the issue day (holidays skipped, make-up working days
 *   counted), so it is a working day already;
 * - `day`: N calendar days after, moved to the next working day when it falls on a rest day;
 * - `month`: the same day N months later (the month's last day when it has no such day: 31 January
 *   + 1 month is 28/29 February), moved to the next working day when it falls on a rest day.
 * Throws `CalendarError('calendar_year_missing')` when the calendar lacks a year it touches.
 */
export const calculateRectificationDeadline = ({
  issuedOn,
  period,
  calendar,
}: {
  issuedOn: CalendarDate;
  period: RectificationPeriodRule;
  calendar: WorkCalendar;
}): CalendarDate => {
  if (!Number.isInteger(period.amount) || period.amount <= 0) {
    throw new CalendarError('invalid_cadence', `A rectification period must be a whole number > 0`, {
      value: period.amount,
    });
  }
  switch (period.unit) {
    case 'working_day':
      return calendar.addWorkingDays(issuedOn, period.amount);
    case 'day':
      return calendar.adjustDeadline(calendar.addCalendarDays(issuedOn, period.amount));
    case 'month':
      return calendar.adjustDeadline(calendar.addMonths(issuedOn, period.amount));
  }
};

/** The period for a finding of `severity`: its own entry in the rulebook, else the general one. */
export const selectRectificationPeriod = ({
  rectification,
  severity,
}: {
  rectification: {
    period: RectificationPeriodRule;
    bySeverity: readonly { id: FindingSeverity; period: RectificationPeriodRule }[];
  };
  severity: FindingSeverity;
}): { period: RectificationPeriodRule; basis: 'severity' | 'general' } => {
  const own = rectification.bySeverity.find((s) => s.id === severity);
  return own
    ? { period: { amount: own.period.amount, unit: own.period.unit }, basis: 'severity' }
    : { period: { amount: rectification.period.amount, unit: rectification.period.unit }, basis: 'general' };
};
