import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  isCalendarDate,
  isoDayOfWeek,
  isoWeekOf,
  isoWeeksInYear,
  toChinaDate,
} from './calendar-date';
import { isCalendarError } from './calendar-error';

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2028-02-29', true],
    ['2000-02-29', true], // divisible by 400
    ['2026-02-29', false],
    ['2100-02-29', false], // divisible by 100, not by 400
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-9-1', false],
    ['2026-09-01T00:00:00Z', false],
    [20260901, false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('addMonths clamps to the end of a shorter month', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-08-31', 2, '2026-10-31'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addCalendarDays and calendarDaysBetween', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-01-01', 364, '2026-12-31'],
    ['2024-01-01', 365, '2024-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
    expect(calendarDaysBetween(date, expected)).toBe(days);
  });

  it('rejects a malformed date with a typed error', () => {
    expect.assertions(1);
    try {
      addCalendarDays('2026-02-30', 1);
    } catch (error) {
      expect(isCalendarError(error, 'invalid_date')).toBe(true);
    }
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', 2026, 1], // a Thursday: week 1 of its own year
    ['2025-12-29', 2026, 1], // Monday of 2026-W01
    ['2024-12-30', 2025, 1],
    ['2021-01-03', 2020, 53],
    ['2026-12-31', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2026-01-26', 2026, 5],
  ])('%s is %i-W%i', (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });

  it.each([
    [2020, 53],
    [2024, 52],
    [2025, 52],
    [2026, 53],
  ])('%i has %i ISO weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it.each([
    ['2026-10-05', 1],
    ['2026-10-10', 6],
    ['2026-10-11', 7],
  ])('%s is ISO day %i', (date, day) => {
    expect(isoDayOfWeek(date)).toBe(day);
  });
});

describe('toChinaDate reads an instant in UTC+8', () => {
  it.each([
    ['2026-09-30T15:59:59.999Z', '2026-09-30'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
  ])('%s → %s', (instant, expected) => {
    expect(toChinaDate(new Date(instant))).toBe(expected);
  });
});
