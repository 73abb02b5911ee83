import { type Rulebook, addCalendarDays, addMonths, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';

/** Kinds of unit that file a 平安报表 every month (seed 004; issue 3 §5: "every town and department"). */
export const SAFETY_REPORT_FILER_KINDS = ['town', 'department'] as const;

export type ReportMonth = {
  month: string;
  firstDay: string;
  lastDay: string;
  /** [start, end) as instants: 00:00 China time on the first day, and on the next month's. */
  start: Date;
  end: Date;
};

export type FilingWindow = Rulebook['reports']['monthlySafetyReport']['filingWindow'];

export const calculateReportMonth = (month: string): ReportMonth => {
  const firstDay = `${month}-01`;
  const nextFirst = addMonths(firstDay, 1);
  return {
    month,
    firstDay,
    lastDay: addCalendarDays(nextFirst, -1),
    start: new Date(`${firstDay}T00:00:00+08:00`),
    end: new Date(`${nextFirst}T00:00:00+08:00`),
  };
};

/**
 * The filing window of the rulebook the unit follows now (its own or its nearest attached
 * ancestor's); undefined when none applies.
 */
export const findFilingWindow = async (
  q: Queryable,
  unit: { id: number; unitPath: string },
  now: Date,
): Promise<FilingWindow | undefined> => {
  const ids = await findRulebookIdsOfUnits(q, [{ id: unit.id, path: unit.unitPath }], toChinaDate(now));
  const rulebookId = ids.get(unit.id);
  const inForce = rulebookId === undefined ? undefined : await findRulebookInForce(q, rulebookId, now);
  return inForce?.rulebook.reports.monthlySafetyReport.filingWindow;
};

/**
 * The last day a report of the month may be filed or re-filed (China time): the end of the
 * window's `monthsAfterReportMonth`-th month after it. Null without a window (no rulebook applies
 * to the unit): then nothing closes the month.
 */
export const calculateClosesOn = ({
  month,
  filingWindow,
}: {
  month: ReportMonth;
  filingWindow: FilingWindow | undefined;
}): string | null =>
  filingWindow === undefined
    ? null
    : addCalendarDays(addMonths(month.firstDay, 1 + filingWindow.monthsAfterReportMonth), -1);

export type MonthStatus = 'not_started' | 'open' | 'closed';

export const decideMonthStatus = ({
  month,
  closesOn,
  now,
}: {
  month: ReportMonth;
  closesOn: string | null;
  now: Date;
}): MonthStatus => {
  const today = toChinaDate(now);
  if (today < month.firstDay) return 'not_started';
  return closesOn !== null && today > closesOn ? 'closed' : 'open';
};
