import { describe, expect, it } from 'vitest';
import { CalendarError, isCalendarError } from './calendar-error';
import { parseCalendarYear } from './calendar-year';
import { CHINA_CALENDAR_DATA, SHIPPED_CALENDAR_DATA } from './china-calendar-data';
import { createWorkCalendar, type DayKind } from './create-work-calendar';

const calendar = createWorkCalendar(SHIPPED_CALENDAR_DATA);
const official = createWorkCalendar(CHINA_CALENDAR_DATA);

const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('isWorkingDay and dayKind', () => {
  it.each<[string, string, DayKind]>([
    // 2026 Mid-Autumn (9/25–27) and National Day (10/1–7), 9/20 (Sun) and 10/10 (Sat) worked
    ['2026-09-20', 'make-up Sunday before National Day', 'make_up_workday'],
    ['2026-09-25', 'Mid-Autumn, a Friday', 'holiday'],
    ['2026-09-26', 'Mid-Autumn span, a Saturday', 'holiday'],
    ['2026-09-28', 'ordinary Monday', 'workday'],
    ['2026-10-01', 'National Day', 'holiday'],
    ['2026-10-07', 'last day of National Day, a Wednesday', 'holiday'],
    ['2026-10-08', 'first working day after', 'workday'],
    ['2026-10-10', 'make-up Saturday', 'make_up_workday'],
    ['2026-10-11', 'ordinary Sunday', 'weekend'],
    // 2026 Spring Festival 2/15–23, 2/14 and 2/28 (Saturdays) worked
    ['2026-02-14', 'make-up Saturday before Spring Festival', 'make_up_workday'],
    ['2026-02-15', 'Spring Festival eve', 'holiday'],
    ['2026-02-17', 'first day of the lunar year', 'holiday'],
    ['2026-02-23', 'last day, a Monday', 'holiday'],
    ['2026-02-24', 'back to work', 'workday'],
    ['2026-02-28', 'make-up Saturday after Spring Festival', 'make_up_workday'],
    ['2026-01-02', 'New Year, a Friday', 'holiday'],
    ['2026-01-04', 'make-up Sunday after New Year', 'make_up_workday'],
    ['2026-03-07', 'ordinary Saturday', 'weekend'],
    ['2024-02-29', 'leap day, a Thursday', 'workday'],
    // arrangements that cross a year or were changed by a later notice
    ['2018-12-29', 'Saturday worked under the 2019 notice', 'make_up_workday'],
    ['2018-12-31', 'New Year 2019 span, a Monday', 'holiday'],
    ['2022-12-31', 'New Year 2023 span, a Saturday', 'holiday'],
    ['2019-05-02', 'Labour Day as extended in March 2019', 'holiday'],
    ['2019-05-05', 'Sunday worked after the 2019 change', 'make_up_workday'],
    ['2020-01-31', 'Spring Festival extended in January 2020', 'holiday'],
    ['2020-02-01', 'Saturday no longer worked after the extension', 'holiday'],
    ['2020-02-03', 'back to work after the extension', 'workday'],
    ['2025-10-08', 'National Day and Mid-Autumn 2025, 8 days', 'holiday'],
    ['2025-10-11', 'make-up Saturday 2025', 'make_up_workday'],
  ])('%s (%s) is %s', (date, _, kind) => {
    expect(calendar.dayKind(date)).toBe(kind);
    expect(calendar.isWorkingDay(date)).toBe(kind === 'workday' || kind === 'make_up_workday');
  });

  it('names the festival of a rest day', () => {
    expect(calendar.findHoliday('2026-10-03')?.name).toBe('国庆节');
    expect(calendar.findHoliday('2026-10-08')).toBeUndefined();
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-09-28', 10, '2026-10-16', '"10 working days after" across National Day and a make-up Saturday'],
    ['2026-09-30', 1, '2026-10-08', 'the day after the holiday'],
    ['2026-09-18', 1, '2026-09-20', 'a make-up Sunday counts'],
    ['2026-02-13', 1, '2026-02-14', 'the make-up Saturday before Spring Festival'],
    ['2026-02-13', 2, '2026-02-24', 'across the nine-day Spring Festival'],
    ['2026-02-13', 6, '2026-02-28', 'the make-up Saturday after it'],
    ['2026-02-13', 7, '2026-03-02', ''],
    ['2026-10-03', 0, '2026-10-03', 'zero keeps the date, even a holiday'],
    ['2026-10-08', -1, '2026-09-30', 'backwards across the holiday'],
    ['2024-02-28', 1, '2024-02-29', 'leap day'],
    ['2025-12-31', 1, '2026-01-04', 'into the next year: New Year 1/1–3, then the Sunday worked'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });
});

describe('nextWorkingDay and adjustDeadline', () => {
  it.each([
    ['2026-10-01', '2026-10-08', 'deadline on National Day moves to the first working day'],
    ['2026-02-15', '2026-02-24', 'deadline on Spring Festival'],
    ['2026-01-31', '2026-02-02', 'month end on a Saturday'],
    ['2026-05-31', '2026-06-01', 'month end on a Sunday'],
    ['2026-10-10', '2026-10-10', 'a make-up Saturday is a working day and stays'],
    ['2026-09-30', '2026-09-30', 'end of Q3 on a Wednesday stays'],
    ['2025-10-01', '2025-10-09', '2025 National Day and Mid-Autumn'],
    ['2026-12-31', '2026-12-31', 'end of year on a Thursday stays'],
  ])('adjustDeadline(%s) = %s (%s)', (date, expected) => {
    expect(calendar.adjustDeadline(date)).toBe(expected);
  });

  it.each([
    ['2026-09-30', '2026-10-08'],
    ['2026-02-13', '2026-02-14'],
    ['2026-10-09', '2026-10-10'],
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    expect(calendar.nextWorkingDay(date)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-09-28', '2026-10-16', 10],
    ['2026-10-16', '2026-09-28', -10],
    ['2026-10-01', '2026-10-01', 0],
    // whole years: weekdays, minus festival weekdays, plus make-up weekend days
    ['2023-12-31', '2024-12-31', 251],
    ['2024-12-31', '2025-12-31', 248],
    ['2025-12-31', '2026-12-31', 248],
  ])('(%s, %s] holds %i working days', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addWorkingDays for a working-day target', () => {
    const from = '2026-02-10';
    for (const n of [1, 5, 20, 60]) {
      expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n))).toBe(n);
    }
  });
});

describe('a year without data', () => {
  it.each([
    ['isWorkingDay', () => calendar.isWorkingDay('2028-01-04')],
    ['adjustDeadline', () => calendar.adjustDeadline('2028-03-31')],
    ['addWorkingDays into 2028', () => calendar.addWorkingDays('2027-12-30', 5)],
    ['2027 without the provisional year', () => official.isWorkingDay('2027-01-04')],
    ['before the first shipped year', () => calendar.isWorkingDay('2015-10-01')],
  ])('%s throws calendar_year_missing naming the year', (_, fn) => {
    const error = caught(fn);
    expect(isCalendarError(error, 'calendar_year_missing')).toBe(true);
    expect((error as CalendarError).details.year).toBeTypeOf('number');
  });

  it('needs no data for calendar-day, month and period arithmetic', () => {
    expect(calendar.addCalendarDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(calendar.addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(calendar.endOfPeriod('2027-05-05', 'quarter')).toBe('2027-06-30');
    expect(calendar.periodOf('2030-11-11', 'half_year').key).toBe('2030-H2');
  });
});

describe('building a calendar from edited data', () => {
  const year2026 = SHIPPED_CALENDAR_DATA.find((y) => y.year === 2026)!;

  it('refuses a year given twice', () => {
    expect(
      isCalendarError(
        caught(() => createWorkCalendar([year2026, year2026])),
        'invalid_calendar_data',
      ),
    ).toBe(true);
  });

  it.each([
    [
      'a make-up day on a weekday',
      { makeUpWorkdays: [{ date: '2026-10-09', for: '国庆节' }] },
      'calendar.makeUpWorkdays[0].date',
    ],
    [
      'a malformed date',
      { holidays: [{ name: '国庆节', from: '2026-10-1', to: '2026-10-07' }] },
      'calendar.holidays[0].from',
    ],
    [
      'a span ending before it starts',
      { holidays: [{ name: '国庆节', from: '2026-10-07', to: '2026-10-01' }] },
      'calendar.holidays[0].to',
    ],
    [
      'a date two years off',
      { holidays: [{ name: '元旦', from: '2024-01-01', to: '2024-01-01' }] },
      'calendar.holidays[0].from',
    ],
    [
      'a make-up day inside a holiday',
      { makeUpWorkdays: [{ date: '2026-10-03', for: '国庆节' }] },
      'calendar.makeUpWorkdays[0].date',
    ],
    ['a missing source', { source: undefined }, 'calendar.source'],
  ])('rejects %s, naming the path', (_, change, path) => {
    const error = caught(() => parseCalendarYear({ ...year2026, ...change }));
    expect(isCalendarError(error, 'invalid_calendar_data')).toBe(true);
    expect((error as CalendarError).details.path).toBe(path);
  });

  it('accepts a year an administrator adds', () => {
    const year2028 = parseCalendarYear({
      ...year2026,
      year: 2028,
      holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03' }],
      makeUpWorkdays: [],
    });
    const extended = createWorkCalendar([...SHIPPED_CALENDAR_DATA, year2028]);
    expect(extended.isWorkingDay('2028-01-03')).toBe(false);
    expect(extended.isWorkingDay('2028-01-04')).toBe(true);
  });
});

describe('a provisional year (2027: statutory holidays only, no make-up working days)', () => {
  it.each<[string, string, DayKind]>([
    ['2027-01-01', 'New Year, a Friday', 'holiday'],
    ['2027-01-02', 'Saturday after it: no bridging, an ordinary weekend', 'weekend'],
    ['2027-01-04', 'first Monday', 'workday'],
    ['2027-02-04', 'Thursday before the Spring Festival', 'workday'],
    ['2027-02-05', 'Spring Festival eve (除夕), a Friday', 'holiday'],
    ['2027-02-06', 'first day of the lunar year, a Saturday', 'holiday'],
    ['2027-02-07', '初二, a Sunday', 'holiday'],
    ['2027-02-08', '初三, a Monday', 'holiday'],
    ['2027-02-09', 'back to work: no extension the notice has not ordered', 'workday'],
    ['2027-02-20', 'a Saturday: no make-up working day without the notice', 'weekend'],
    ['2027-04-05', 'Qingming (清明 solar term), a Monday', 'holiday'],
    ['2027-05-03', 'Monday after Labour Day 1–2 May', 'workday'],
    ['2027-06-09', 'Dragon Boat (五月初五), a Wednesday', 'holiday'],
    ['2027-09-15', 'Mid-Autumn (八月十五), a Wednesday', 'holiday'],
    ['2027-10-01', 'National Day, a Friday', 'holiday'],
    ['2027-10-04', 'Monday after National Day 1–3 October', 'workday'],
  ])('%s (%s) is %s', (date, _, kind) => {
    expect(calendar.dayKind(date)).toBe(kind);
  });

  it('"10 working days after" 2027-01-29 skips the Spring Festival', () => {
    // 1–4 Feb (4), 5 and 8 Feb are rest days, 9–12 Feb (8), 15–16 Feb (10).
    expect(calendar.addWorkingDays('2027-01-29', 10)).toBe('2027-02-16');
    expect(calendar.workingDaysBetween('2027-01-29', '2027-02-16')).toBe(10);
  });

  it.each([
    ['2026-11-22', '2027-02-22', 'a three-month rectification decided today: a Monday, stays'],
    ['2026-11-06', '2027-02-09', 'three months land on the Spring Festival (6 Feb): moved past it'],
    ['2026-12-30', '2027-03-30', 'a Tuesday, stays'],
  ])('three months from %s end on %s (%s)', (from, expected) => {
    const deadline = calendar.adjustDeadline(calendar.addMonths(from, 3));
    expect(deadline).toBe(expected);
    expect(calendar.isWorkingDay(deadline)).toBe(true);
    expect(calendar.provisionalYearsBetween(from, deadline)).toEqual([2027]);
  });

  it('counts the year: 261 weekdays less the 7 statutory holidays on weekdays', () => {
    // Weekday holidays: 1 Jan, 5 and 8 Feb, 5 Apr, 9 Jun, 15 Sep, 1 Oct; 1–2 May and 2–3 Oct are weekends.
    expect(calendar.workingDaysBetween('2026-12-31', '2027-12-31')).toBe(254);
  });

  it('crosses from the official 2026 into it', () => {
    // 31 Dec 2026 (Thu) is worked; 1 Jan 2027 is New Year; no make-up days around it.
    expect(calendar.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
  });

  it('is reported as provisional, and official years are not', () => {
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(calendar.provisionalYearsBetween('2027-03-01', '2026-12-01')).toEqual([2027]);
    expect(calendar.provisionalYearsBetween('2026-01-01', '2026-12-31')).toEqual([]);
    expect(official.provisionalYears).toEqual([]);
  });
});

describe('validating a provisional year', () => {
  const provisional = SHIPPED_CALENDAR_DATA.find((y) => y.year === 2027)!;
  const year2026 = SHIPPED_CALENDAR_DATA.find((y) => y.year === 2026)!;

  it('reads the status; a year without one is official', () => {
    expect(provisional.status).toBe('provisional');
    expect(provisional.source.url).toBeUndefined();
    const { status: _, ...withoutStatus } = year2026;
    expect(parseCalendarYear(withoutStatus).status).toBe('official');
  });

  it.each([
    [
      'a make-up working day in a provisional year',
      { ...provisional, makeUpWorkdays: [{ date: '2027-02-20', for: '春节' }] },
      'calendar.makeUpWorkdays',
    ],
    [
      'an official year without the notice link',
      { ...provisional, status: 'official' },
      'calendar.source.url',
    ],
    ['an unknown status', { ...provisional, status: 'draft' }, 'calendar.status'],
  ])('rejects %s, naming the path', (_, raw, path) => {
    const error = caught(() => parseCalendarYear(raw));
    expect(isCalendarError(error, 'invalid_calendar_data')).toBe(true);
    expect((error as CalendarError).details.path).toBe(path);
  });
});
