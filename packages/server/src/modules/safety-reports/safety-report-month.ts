import { addCalendarDays, addMonths, toChinaDate } from '@zongzhi/domain';

/** Kinds of unit that file a 平安报表 every month (seed 004; issue 3 §5: "every town and department"). */
export const SAFETY_REPORT_FILER_KINDS = ['town', 'department'] as const;

/**
 * A month's report may be filed, and re-filed as a new revision, from the month's first day until
 * the end of the following month (China time); then the month is closed. A product setting, not a
 * rule of any source document: seed 004 says the report is monthly but names no deadline.
 */
export const SAFETY_REPORT_OPEN_MONTHS_AFTER = 1;

export type ReportMonth = {
  month: string;
  firstDay: string;
  lastDay: string;
  /** [start, end) as instants: 00:00 China time on the first day, and on the next month's. */
  start: Date;
  end: Date;
  /** The last day a report of this month may be filed. */
  closesOn: string;
};

export const calculateReportMonth = (month: string): ReportMonth => {
  const firstDay = `${month}-01`;
  const nextFirst = addMonths(firstDay, 1);
  return {
    month,
    firstDay,
    lastDay: addCalendarDays(nextFirst, -1),
    start: new Date(`${firstDay}T00:00:00+08:00`),
    end: new Date(`${nextFirst}T00:00:00+08:00`),
    closesOn: addCalendarDays(addMonths(firstDay, 1 + SAFETY_REPORT_OPEN_MONTHS_AFTER), -1),
  };
};

export type MonthStatus = 'not_started' | 'open' | 'closed';

export const decideMonthStatus = (month: ReportMonth, now: Date): MonthStatus => {
  const today = toChinaDate(now);
  return today < month.firstDay ? 'not_started' : today > month.closesOn ? 'closed' : 'open';
};
