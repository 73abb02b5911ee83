import { CalendarError } from './calendar-error';

/**
 * A calendar date 'YYYY-MM-DD': a day in the jurisdiction's own calendar, with no time and no time
 * zone. String order is date order. All arithmetic goes through day numbers (days since
 * 1970-01-01, computed in UTC so that no local offset or daylight saving can shift a day).
 */
export type CalendarDate = string;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month, month 1–12. */
export const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

export const isCalendarDate = (value: unknown): value is CalendarDate => {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
};

export const assertCalendarDate = (value: unknown): CalendarDate => {
  if (!isCalendarDate(value)) {
    throw new CalendarError('invalid_date', `Not a calendar date 'YYYY-MM-DD': ${String(value)}`, { value });
  }
  return value;
};

export const yearOf = (date: CalendarDate) => Number(date.slice(0, 4));
export const monthOf = (date: CalendarDate) => Number(date.slice(5, 7));
export const dayOfMonthOf = (date: CalendarDate) => Number(date.slice(8, 10));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Builds a date from its parts; `day` beyond the month's end is clamped to the last day. */
export const makeDate = (year: number, month: number, day: number): CalendarDate =>
  `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;

export const toDayNumber = (date: CalendarDate): number => {
  assertCalendarDate(date);
  return Date.UTC(yearOf(date), monthOf(date) - 1, dayOfMonthOf(date)) / DAY_MS;
};

export const fromDayNumber = (dayNumber: number): CalendarDate => {
  const d = new Date(dayNumber * DAY_MS);
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** ISO day of week: 1 Monday … 7 Sunday. */
export const isoDayOfWeek = (date: CalendarDate) => {
  const sundayZero = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
};

export const isWeekend = (date: CalendarDate) => isoDayOfWeek(date) >= 6;

export const addCalendarDays = (date: CalendarDate, days: number): CalendarDate =>
  fromDayNumber(toDayNumber(date) + days);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const calendarDaysBetween = (from: CalendarDate, to: CalendarDate) =>
  toDayNumber(to) - toDayNumber(from);

/**
 * Adds whole months. A day that does not exist in the target month is clamped to its last day:
 * Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year); Feb 29 + 12 months = Feb 28.
 */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  assertCalendarDate(date);
  const zeroBased = yearOf(date) * 12 + (monthOf(date) - 1) + months;
  const year = Math.floor(zeroBased / 12);
  return makeDate(year, zeroBased - year * 12 + 1, dayOfMonthOf(date));
};

/** ISO 8601 week: the week-year (which may differ from the calendar year near 1 January) and week. */
export const isoWeekOf = (date: CalendarDate): { year: number; week: number } => {
  const dayNumber = toDayNumber(date);
  const thursday = dayNumber - isoDayOfWeek(date) + 4;
  const year = yearOf(fromDayNumber(thursday));
  return { year, week: Math.floor((thursday - toDayNumber(makeDate(year, 1, 1))) / 7) + 1 };
};

/** Monday of ISO week 1 of a week-year (the week holding 4 January). */
export const isoWeekYearStart = (year: number): CalendarDate => {
  const january4 = makeDate(year, 1, 4);
  return addCalendarDays(january4, 1 - isoDayOfWeek(january4));
};

/** 52 or 53: the week of 28 December is always the year's last ISO week. */
export const isoWeeksInYear = (year: number) => isoWeekOf(makeDate(year, 12, 28)).week;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar date in China (UTC+8, no daylight saving since 1991) at an instant. The domain
 * reads no clock: the server passes its `now` here to get "today" for deadline comparisons.
 */
export const toChinaDate = (instant: Date): CalendarDate =>
  new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
