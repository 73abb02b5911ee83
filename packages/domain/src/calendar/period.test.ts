import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar-date';
import { isCalendarError } from './calendar-error';
import { endOfPeriod, listPeriods, type PeriodCadence, type PeriodUnit, periodOf } from './period';

describe('periodOf', () => {
  it.each<[string, PeriodUnit | PeriodCadence, string, number, number, string, string]>([
    ['2026-08-14', 'quarter', '2026-Q3', 2026, 3, '2026-07-01', '2026-09-30'],
    ['2026-01-01', 'quarter', '2026-Q1', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-12-31', 'quarter', '2026-Q4', 2026, 4, '2026-10-01', '2026-12-31'],
    ['2026-06-30', 'half_year', '2026-H1', 2026, 1, '2026-01-01', '2026-06-30'],
    ['2026-07-01', 'half_year', '2026-H2', 2026, 2, '2026-07-01', '2026-12-31'],
    ['2026-07-15', 'month', '2026-M07', 2026, 7, '2026-07-01', '2026-07-31'],
    ['2024-02-10', 'month', '2024-M02', 2024, 2, '2024-02-01', '2024-02-29'],
    ['2026-01-28', 'week', '2026-W05', 2026, 5, '2026-01-26', '2026-02-01'],
    ['2026-01-01', 'week', '2026-W01', 2026, 1, '2025-12-29', '2026-01-04'],
    ['2026-05-20', 'year', '2026', 2026, 1, '2026-01-01', '2026-12-31'],
    // 至少每两个月: bimonthly periods anchored on January
    ['2026-01-10', { every: 2, unit: 'month' }, '2026-M01-M02', 2026, 1, '2026-01-01', '2026-02-28'],
    ['2026-04-30', { every: 2, unit: 'month' }, '2026-M03-M04', 2026, 2, '2026-03-01', '2026-04-30'],
    ['2028-02-15', { every: 2, unit: 'month' }, '2028-M01-M02', 2028, 1, '2028-01-01', '2028-02-29'],
    ['2026-12-01', { every: 2, unit: 'month' }, '2026-M11-M12', 2026, 6, '2026-11-01', '2026-12-31'],
    // a cadence that does not divide the year: the last period is shorter
    ['2026-12-01', { every: 5, unit: 'month' }, '2026-M11-M12', 2026, 3, '2026-11-01', '2026-12-31'],
    ['2026-01-11', { every: 2, unit: 'week' }, '2026-W01-W02', 2026, 1, '2025-12-29', '2026-01-11'],
    ['2027-01-02', { every: 2, unit: 'week' }, '2026-W53-W53', 2026, 27, '2026-12-28', '2027-01-03'],
    ['2027-06-01', { every: 2, unit: 'year' }, '2026-2027', 2026, 1, '2026-01-01', '2027-12-31'],
    ['2026-05-01', { every: 2, unit: 'quarter' }, '2026-Q1-Q2', 2026, 1, '2026-01-01', '2026-06-30'],
  ])('%s, %j → %s', (date, cadence, key, year, index, start, end) => {
    expect(periodOf(date, cadence)).toMatchObject({ key, year, index, start, end });
  });

  it.each<[string, PeriodUnit | PeriodCadence]>([
    ['every 0 months', { every: 0, unit: 'month' }],
    ['every 1.5 weeks', { every: 1.5, unit: 'week' }],
    ['an unknown unit', 'decade' as PeriodUnit],
  ])('rejects %s with a typed error', (_, cadence) => {
    let error: unknown;
    try {
      periodOf('2026-01-01', cadence);
    } catch (e) {
      error = e;
    }
    expect(isCalendarError(error, 'invalid_cadence')).toBe(true);
  });
});

describe('endOfPeriod', () => {
  it.each<[string, PeriodUnit, string]>([
    ['2026-01-31', 'month', '2026-01-31'],
    ['2026-02-01', 'month', '2026-02-28'],
    ['2024-02-01', 'month', '2024-02-29'],
    ['2028-02-29', 'month', '2028-02-29'],
    ['2026-08-14', 'quarter', '2026-09-30'],
    ['2026-11-30', 'quarter', '2026-12-31'],
    ['2026-04-01', 'quarter', '2026-06-30'],
    ['2026-03-15', 'half_year', '2026-06-30'],
    ['2026-09-15', 'half_year', '2026-12-31'],
    ['2026-02-14', 'year', '2026-12-31'],
    ['2026-10-01', 'week', '2026-10-04'],
  ])('%s, %s → %s', (date, unit, expected) => {
    expect(endOfPeriod(date, unit)).toBe(expected);
  });
});

describe('listPeriods over 2026', () => {
  it.each<[string, PeriodUnit | PeriodCadence, number, string, string]>([
    ['weekly', 'week', 53, '2026-W01', '2026-W53'],
    ['fortnightly', { every: 2, unit: 'week' }, 27, '2026-W01-W02', '2026-W53-W53'],
    ['monthly', 'month', 12, '2026-M01', '2026-M12'],
    ['bimonthly', { every: 2, unit: 'month' }, 6, '2026-M01-M02', '2026-M11-M12'],
    ['quarterly', 'quarter', 4, '2026-Q1', '2026-Q4'],
    ['half-yearly', 'half_year', 2, '2026-H1', '2026-H2'],
    ['yearly', 'year', 1, '2026', '2026'],
  ])('%s: %#', (_, cadence, count, first, last) => {
    const periods = listPeriods({ cadence, from: '2026-01-01', to: '2026-12-31' });
    expect(periods).toHaveLength(count);
    expect(periods[0]?.key).toBe(first);
    expect(periods.at(-1)?.key).toBe(last);
    // contiguous: each period starts the day after the previous one ends
    for (let i = 1; i < periods.length; i++) {
      expect(periods[i]?.start).toBe(addCalendarDays(periods[i - 1]?.end ?? '', 1));
    }
  });
});
