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

/**
 * The months of a period key (2026 → 12, 2026-Q1 → 3, 2026-M03 → 1), as 'YYYY-MM'; undefined when
 * the key names no period.
 */
export const listPeriodMonths = (
  key: string,
): { kind: 'month' | 'quarter' | 'year'; months: string[] } | undefined => {
  const year = key.slice(0, 4);
  const range = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
  if (/^\d{4}$/.test(key)) return { kind: 'year', months: range(1, 12) };
  const q = /^\d{4}-Q([1-4])$/.exec(key);
  if (q) return { kind: 'quarter', months: range((Number(q[1]) - 1) * 3 + 1, 3) };
  const m = /^\d{4}-M(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { kind: 'month', months: range(Number(m[1]), 1) };
  return undefined;
};

/** The filing window of each unit's rulebook in force now (one resolution per rulebook). */
export const findFilingWindows = async (
  q: Queryable,
  units: readonly { id: number; unitPath: string }[],
  now: Date,
): Promise<Map<number, FilingWindow | undefined>> => {
  const ids = await findRulebookIdsOfUnits(
    q,
    units.map((u) => ({ id: u.id, path: u.unitPath })),
    toChinaDate(now),
  );
  const windows = new Map<string, FilingWindow | undefined>();
  for (const rulebookId of new Set(ids.values()))
    windows.set(
      rulebookId,
      (await findRulebookInForce(q, rulebookId, now))?.rulebook.reports.monthlySafetyReport.filingWindow,
    );
  return new Map(units.map((u) => [u.id, windows.get(ids.get(u.id) ?? '')]));
};
