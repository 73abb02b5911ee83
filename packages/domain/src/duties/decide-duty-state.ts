import {
  assertCalendarDate,
  type CalendarDate,
  calendarDaysBetween,
  toChinaDate,
} from '../calendar/calendar-date';
import type { DutyOccurrence } from './duty-definition';

export const DUTY_STATES = ['upcoming', 'due_soon', 'overdue', 'done', 'done_late', 'waived'] as const;
export type DutyState = (typeof DUTY_STATES)[number];
export type TimeStatus = 'green' | 'yellow' | 'red';

export type DecideDutyStateInput = {
  occurrence: Pick<DutyOccurrence, 'deadline'>;
  /** When the fulfilling meeting or report happened: a date, or an instant read in China time. */
  fulfilledAt?: CalendarDate | Date | null;
  /** Waived by an authorised role (the reason is kept with the waiver, not needed here). */
  waived?: boolean;
  /** The server's clock; an instant is read as the calendar date in China (UTC+8). */
  now: CalendarDate | Date;
  /** "Due soon" from this many calendar days before the deadline; 0 = on the deadline day only. */
  dueSoonDays: number;
};

export type DutyStateDecision = {
  state: DutyState;
  timeStatus: TimeStatus;
  /** Calendar days past the deadline: of today while open, of the fulfilment when done late; else 0. */
  daysLate: number;
};

const TIME_STATUS: Record<DutyState, TimeStatus> = {
  upcoming: 'green',
  due_soon: 'yellow',
  overdue: 'red',
  done: 'green',
  // Done, but after the deadline: the record keeps the lateness visible (超期办结).
  done_late: 'red',
  waived: 'green',
};

const toDate = (value: CalendarDate | Date) =>
  value instanceof Date ? toChinaDate(value) : assertCalendarDate(value);

/**
 * The state of one occurrence at `now`. The deadline day counts in full: due 2026-09-30 is met by
 * anything on that day up to 24:00 Beijing time and is overdue from 2026-10-01 00:00. A waiver wins
 * over everything; a fulfilment on or before the deadline is done, after it done late.
 */
export const decideDutyState = ({
  occurrence,
  fulfilledAt,
  waived,
  now,
  dueSoonDays,
}: DecideDutyStateInput): DutyStateDecision => {
  const deadline = assertCalendarDate(occurrence.deadline);
  const decide = (state: DutyState, daysLate = 0): DutyStateDecision => ({
    state,
    timeStatus: TIME_STATUS[state],
    daysLate,
  });

  if (waived) return decide('waived');
  if (fulfilledAt != null) {
    const late = calendarDaysBetween(deadline, toDate(fulfilledAt));
    return late > 0 ? decide('done_late', late) : decide('done');
  }
  const daysToDeadline = calendarDaysBetween(toDate(now), deadline);
  if (daysToDeadline < 0) return decide('overdue', -daysToDeadline);
  return daysToDeadline <= dueSoonDays ? decide('due_soon') : decide('upcoming');
};
