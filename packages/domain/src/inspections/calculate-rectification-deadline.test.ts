import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR_DATA } from '../calendar/china-calendar-data';
import { createWorkCalendar } from '../calendar/create-work-calendar';
import {
  type RectificationPeriodRule,
  calculateRectificationDeadline,
  selectRectificationPeriod,
} from './calculate-rectification-deadline';

const calendar = createWorkCalendar(CHINA_CALENDAR_DATA);

// 2026 (国办发明电〔2025〕7号): 春节 02-15…02-23 off, Sat 02-14 and Sat 02-28 worked; 国庆/中秋
// 10-01…10-07 off, Sun 09-20 and Sat 10-10 worked.
describe('calculateRectificationDeadline', () => {
  it.each<[string, string, RectificationPeriodRule, string]>([
    [
      'working days: a make-up Saturday counts',
      '2026-02-12',
      { amount: 2, unit: 'working_day' },
      '2026-02-14',
    ],
    [
      'working days: the Spring Festival is skipped',
      '2026-02-13',
      { amount: 2, unit: 'working_day' },
      '2026-02-24',
    ],
    ['working days: National Day is skipped', '2026-09-30', { amount: 1, unit: 'working_day' }, '2026-10-08'],
    [
      'working days: …and Sat 10-10 is worked',
      '2026-09-30',
      { amount: 3, unit: 'working_day' },
      '2026-10-10',
    ],
    ['working days: a make-up Sunday', '2026-09-18', { amount: 1, unit: 'working_day' }, '2026-09-20'],
    ['working days: three ordinary weeks', '2026-03-02', { amount: 15, unit: 'working_day' }, '2026-03-23'],
    [
      'days: ends in the Spring Festival, moves to 02-24',
      '2026-02-10',
      { amount: 7, unit: 'day' },
      '2026-02-24',
    ],
    ['days: ends on National Day, moves to 10-08', '2026-09-24', { amount: 7, unit: 'day' }, '2026-10-08'],
    ['days: ends on a Saturday, moves to Monday', '2026-03-02', { amount: 5, unit: 'day' }, '2026-03-09'],
    [
      'month: 31 Jan → 28 Feb, a make-up Saturday, stays',
      '2026-01-31',
      { amount: 1, unit: 'month' },
      '2026-02-28',
    ],
    ['month: lands in the Spring Festival', '2026-01-15', { amount: 1, unit: 'month' }, '2026-02-24'],
    [
      'months: 31 Mar + 2 → 31 May, a Sunday → 1 Jun',
      '2026-03-31',
      { amount: 2, unit: 'month' },
      '2026-06-01',
    ],
    ['month: 31 Aug → 30 Sep, a Wednesday', '2026-08-31', { amount: 1, unit: 'month' }, '2026-09-30'],
    ['month: 1 Sep → 1 Oct, National Day → 10-08', '2026-09-01', { amount: 1, unit: 'month' }, '2026-10-08'],
    ['month: 10 Sep → 10 Oct, a make-up Saturday', '2026-09-10', { amount: 1, unit: 'month' }, '2026-10-10'],
    ['months across the year end', '2025-12-31', { amount: 2, unit: 'month' }, '2026-02-28'],
    ['month: leap year 31 Jan 2024 → 29 Feb', '2024-01-31', { amount: 1, unit: 'month' }, '2024-02-29'],
  ])('%s: %s + %j → %s', (_, issuedOn, period, expected) => {
    const deadline = calculateRectificationDeadline({ issuedOn, period, calendar });
    expect(deadline).toBe(expected);
    expect(calendar.isWorkingDay(deadline)).toBe(true);
  });

  it('refuses to guess in a year whose holidays are not loaded', () => {
    expect(() =>
      calculateRectificationDeadline({
        issuedOn: '2026-12-20',
        period: { amount: 1, unit: 'month' },
        calendar,
      }),
    ).toThrow(expect.objectContaining({ code: 'calendar_year_missing' }));
  });

  it.each([0, -1, 1.5])('refuses a period of %s', (amount) => {
    expect(() =>
      calculateRectificationDeadline({ issuedOn: '2026-03-02', period: { amount, unit: 'day' }, calendar }),
    ).toThrow();
  });
});

describe('selectRectificationPeriod', () => {
  const rectification = {
    period: { amount: 1, unit: 'month' as const },
    bySeverity: [{ id: 'serious' as const, period: { amount: 15, unit: 'working_day' as const } }],
  };
  it.each([
    ['serious', { amount: 15, unit: 'working_day' }, 'severity'],
    ['general', { amount: 1, unit: 'month' }, 'general'],
    ['minor', { amount: 1, unit: 'month' }, 'general'],
  ] as const)('%s → %j (%s)', (severity, period, basis) => {
    expect(selectRectificationPeriod({ rectification, severity })).toEqual({ period, basis });
  });
});
