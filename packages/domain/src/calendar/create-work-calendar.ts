import {
  addCalendarDays,
  addMonths,
  type CalendarDate,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  yearOf,
} from './calendar-date';
import { CalendarError } from './calendar-error';
import type { CalendarData, HolidaySpan } from './calendar-year';
import { endOfPeriod, type Period, type PeriodCadence, type PeriodUnit, periodOf } from './period';

/** What a day is: a festival rest day, a weekend day worked (调休上班), or an ordinary day. */
export type DayKind = 'holiday' | 'make_up_workday' | 'weekend' | 'workday';

export type WorkCalendar = {
  /** Years whose arrangement is loaded, ascending. */
  years: readonly number[];
  /** Loaded years whose arrangement is provisional (暂定: statutory holidays only, no 调休), ascending. */
  provisionalYears: readonly number[];
  hasYear: (year: number) => boolean;
  /**
   * The provisional years among the years of `from`…`to` (either order), ascending: a deadline
   * computed across them may move by a day or two once the year's notice is entered. Empty when
   * every year involved is official (or missing).
   */
  provisionalYearsBetween: (from: CalendarDate, to: CalendarDate) => number[];
  dayKind: (date: CalendarDate) => DayKind;
  /** The festival span a rest day belongs to, if any. */
  findHoliday: (date: CalendarDate) => HolidaySpan | undefined;
  /** Monday–Friday, unless a festival rest day; Saturday/Sunday only when a make-up working day. */
  isWorkingDay: (date: CalendarDate) => boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay: (date: CalendarDate) => CalendarDate;
  /**
   * "N working days after": counting starts the day after `date`, so the result is the Nth
   * working day after it; 0 returns `date` itself; a negative N counts backwards.
   */
  addWorkingDays: (date: CalendarDate, workingDays: number) => CalendarDate;
  /**
   * Working days d with from < d ≤ to (negative when `to` is before `from`), so that
   * addWorkingDays(from, workingDaysBetween(from, to)) === to whenever `to` is a working day.
   */
  workingDaysBetween: (from: CalendarDate, to: CalendarDate) => number;
  /** A deadline that falls on a rest day moves to the next working day; a working day stays. */
  adjustDeadline: (date: CalendarDate) => CalendarDate;
  addCalendarDays: (date: CalendarDate, days: number) => CalendarDate;
  addMonths: (date: CalendarDate, months: number) => CalendarDate;
  endOfPeriod: (date: CalendarDate, cadence: PeriodUnit | PeriodCadence) => CalendarDate;
  periodOf: (date: CalendarDate, cadence: PeriodUnit | PeriodCadence) => Period;
};

/**
 * Builds the working calendar from one or more years of arrangements.
 *
 * A date in a year without data makes every working-day operation throw
 * `CalendarError('calendar_year_missing', { year })` rather than fall back to "weekends only".
 * Deadlines here are legal facts (overdue duties feed accountability), and a weekends-only guess
 * would silently put a deadline on, say, the Spring Festival; a refusal is visible, the UI names
 * the missing year (`missingYears`) and the caller can retry once the notice is added. Calendar-day
 * and month arithmetic and periods need no data and never throw for that reason.
 *
 * A provisional year (statutory holidays only, `status: 'provisional'`) is loaded like any other:
 * working-day arithmetic answers, and `provisionalYearsBetween` tells the caller that the answer
 * may move once the official notice (with its make-up working days) replaces it.
 *
 * Late-December days can be changed by the next year's notice (2018-12-29 was worked under the
 * 2019 notice); they are right once that next year is loaded, which normally happens before the
 * year ends, since the notice is published in October–December.
 */
export const createWorkCalendar = (data: CalendarData): WorkCalendar => {
  const years = [...new Set(data.map((y) => y.year))].sort((a, b) => a - b);
  if (years.length !== data.length) {
    throw new CalendarError('invalid_calendar_data', 'A year is given more than once', {
      value: data.map((y) => y.year),
    });
  }
  const covered = new Set(years);
  const provisional = data
    .filter((y) => y.status === 'provisional')
    .map((y) => y.year)
    .sort((a, b) => a - b);
  const holidayByDay = new Map<number, HolidaySpan>();
  const makeUpDays = new Set<number>();

  for (const year of data) {
    for (const span of year.holidays) {
      for (let d = toDayNumber(span.from); d <= toDayNumber(span.to); d++) holidayByDay.set(d, span);
    }
  }
  for (const year of data) {
    for (const { date } of year.makeUpWorkdays) {
      if (holidayByDay.has(toDayNumber(date))) {
        throw new CalendarError(
          'invalid_calendar_data',
          `${date} is both a holiday and a make-up working day`,
          {
            value: date,
            year: year.year,
          },
        );
      }
      makeUpDays.add(toDayNumber(date));
    }
  }

  const requireYear = (date: CalendarDate) => {
    const year = yearOf(date);
    if (!covered.has(year)) {
      throw new CalendarError(
        'calendar_year_missing',
        `No public-holiday arrangement is loaded for ${year}; add the State Council notice for ${year}`,
        { year },
      );
    }
  };

  const dayKind = (date: CalendarDate): DayKind => {
    requireYear(date);
    const dayNumber = toDayNumber(date);
    if (holidayByDay.has(dayNumber)) return 'holiday';
    if (makeUpDays.has(dayNumber)) return 'make_up_workday';
    return isWeekend(date) ? 'weekend' : 'workday';
  };

  const isWorkingDay = (date: CalendarDate) => {
    const kind = dayKind(date);
    return kind === 'workday' || kind === 'make_up_workday';
  };

  const nextWorkingDay = (date: CalendarDate) => {
    let d = addCalendarDays(date, 1);
    while (!isWorkingDay(d)) d = addCalendarDays(d, 1);
    return d;
  };

  const addWorkingDays = (date: CalendarDate, workingDays: number) => {
    if (!Number.isInteger(workingDays)) {
      throw new CalendarError('invalid_date', `Working days must be a whole number: ${workingDays}`, {
        value: workingDays,
      });
    }
    const step = workingDays < 0 ? -1 : 1;
    let dayNumber = toDayNumber(date);
    for (let left = Math.abs(workingDays); left > 0; ) {
      dayNumber += step;
      if (isWorkingDay(fromDayNumber(dayNumber))) left--;
    }
    return fromDayNumber(dayNumber);
  };

  const workingDaysBetween = (from: CalendarDate, to: CalendarDate) => {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let d = low + 1; d <= high; d++) if (isWorkingDay(fromDayNumber(d))) count++;
    return sign * count;
  };

  return {
    years,
    provisionalYears: provisional,
    hasYear: (year) => covered.has(year),
    provisionalYearsBetween: (from, to) => {
      const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
      return provisional.filter((y) => a <= y && y <= b);
    },
    dayKind,
    findHoliday: (date) => {
      requireYear(date);
      return holidayByDay.get(toDayNumber(date));
    },
    isWorkingDay,
    nextWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    adjustDeadline: (date) => (isWorkingDay(date) ? date : nextWorkingDay(date)),
    addCalendarDays,
    addMonths,
    endOfPeriod,
    periodOf,
  };
};
