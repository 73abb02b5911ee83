import { CHINA_CALENDAR_DATA, createWorkCalendar, toChinaDate } from '@zongzhi/domain';

// Duty dates are calendar dates in China Standard Time: a meeting recorded at 23:30 on 30 September
// in 平安办 was held on 30 September, whatever the server's zone.
export const calculateToday = (now: Date) => toChinaDate(now);

/** The first moment after a date ends in China: rulebook versions published before it apply that day. */
export const calculateEndOfDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);

/** The shipped working calendar (holidays and make-up days, 2016–2026). */
export const WORK_CALENDAR = createWorkCalendar(CHINA_CALENDAR_DATA);

/**
 * "Due soon" from this many calendar days before the deadline (yellow). A product setting, not a
 * rule of any source document: the rulebooks state deadlines, not reminders.
 */
export const DUE_SOON_DAYS = 7;

/** Responsible people who hear of due and overdue duties: 第一责任人 and 直接责任人. */
export const NOTIFIED_ROLES = ['principal', 'in_charge'] as const;
