import {
  addCalendarDays,
  assertCalendarDate,
  type CalendarDate,
  daysInMonth,
  isoWeekOf,
  isoWeeksInYear,
  isoWeekYearStart,
  makeDate,
  monthOf,
  yearOf,
} from './calendar-date';
import { CalendarError } from './calendar-error';

export const PERIOD_UNITS = ['week', 'month', 'quarter', 'half_year', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** "Every N units": `{ every: 2, unit: 'month' }` is the bimonthly cadence (至少每两个月). */
export type PeriodCadence = { every: number; unit: PeriodUnit };

/**
 * One period of a cadence. `year` is the calendar year (the ISO week-year for weeks), `index` the
 * 1-based position of the period in that year (Q3 → 3, the fourth bimonth → 4). `key` is stable
 * and human-readable: 2026, 2026-H1, 2026-Q3, 2026-M07, 2026-W05; a period of several units
 * names its first and last unit: 2026-M03-M04, 2026-W01-W02, 2026-2027.
 */
export type Period = {
  unit: PeriodUnit;
  every: number;
  year: number;
  index: number;
  start: CalendarDate;
  end: CalendarDate;
  key: string;
};

const MONTHS_PER_UNIT = { month: 1, quarter: 3, half_year: 6 } as const;
const LABEL_PREFIX = { month: 'M', quarter: 'Q', half_year: 'H' } as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

const toCadence = (cadence: PeriodUnit | PeriodCadence): PeriodCadence => {
  const c = typeof cadence === 'string' ? { every: 1, unit: cadence } : cadence;
  if (!PERIOD_UNITS.includes(c.unit) || !Number.isInteger(c.every) || c.every < 1) {
    throw new CalendarError('invalid_cadence', `Invalid cadence: every ${c.every} ${c.unit}`, { value: c });
  }
  return c;
};

/**
 * The period of a cadence that contains `date`.
 *
 * Periods of several units are anchored on the start of the year and restart each year:
 * bimonthly periods are Jan–Feb, Mar–Apr, …; fortnights are ISO weeks 1–2, 3–4, …; when N does not
 * divide the year, the year's last period is shorter (every 5 months: Jan–May, Jun–Oct, Nov–Dec).
 * Multi-year periods start in years divisible by N (every 2 years: 2026–2027).
 */
export const periodOf = (date: CalendarDate, cadence: PeriodUnit | PeriodCadence): Period => {
  assertCalendarDate(date);
  const { every, unit } = toCadence(cadence);

  if (unit === 'year') {
    const first = yearOf(date) - (((yearOf(date) % every) + every) % every);
    const last = first + every - 1;
    return {
      unit,
      every,
      year: first,
      index: 1,
      start: makeDate(first, 1, 1),
      end: makeDate(last, 12, 31),
      key: every === 1 ? String(first) : `${first}-${last}`,
    };
  }

  if (unit === 'week') {
    const { year, week } = isoWeekOf(date);
    const group = Math.floor((week - 1) / every);
    const firstWeek = group * every + 1;
    const lastWeek = Math.min(firstWeek + every - 1, isoWeeksInYear(year));
    const start = addCalendarDays(isoWeekYearStart(year), (firstWeek - 1) * 7);
    return {
      unit,
      every,
      year,
      index: group + 1,
      start,
      end: addCalendarDays(isoWeekYearStart(year), lastWeek * 7 - 1),
      key: every === 1 ? `${year}-W${pad2(firstWeek)}` : `${year}-W${pad2(firstWeek)}-W${pad2(lastWeek)}`,
    };
  }

  const months = MONTHS_PER_UNIT[unit];
  const unitsPerYear = 12 / months;
  const year = yearOf(date);
  const unitIndex = Math.floor((monthOf(date) - 1) / months);
  const group = Math.floor(unitIndex / every);
  const firstUnit = group * every;
  const lastUnit = Math.min(firstUnit + every - 1, unitsPerYear - 1);
  const label = (u: number) => `${LABEL_PREFIX[unit]}${unit === 'month' ? pad2(u + 1) : u + 1}`;
  const endMonth = lastUnit * months + months;
  return {
    unit,
    every,
    year,
    index: group + 1,
    start: makeDate(year, firstUnit * months + 1, 1),
    end: makeDate(year, endMonth, daysInMonth(year, endMonth)),
    key: every === 1 ? `${year}-${label(firstUnit)}` : `${year}-${label(firstUnit)}-${label(lastUnit)}`,
  };
};

/** Last day of the period holding `date`: endOfPeriod('2026-08-14', 'quarter') = '2026-09-30'. */
export const endOfPeriod = (date: CalendarDate, cadence: PeriodUnit | PeriodCadence): CalendarDate =>
  periodOf(date, cadence).end;

/** The periods of a cadence that overlap [from, to] (both inclusive), in order. */
export const listPeriods = ({
  cadence,
  from,
  to,
}: {
  cadence: PeriodUnit | PeriodCadence;
  from: CalendarDate;
  to: CalendarDate;
}): Period[] => {
  assertCalendarDate(to);
  const periods: Period[] = [];
  for (let p = periodOf(from, cadence); p.start <= to; p = periodOf(addCalendarDays(p.end, 1), cadence)) {
    periods.push(p);
  }
  return periods;
};
