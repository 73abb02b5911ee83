import { type Rulebook, addCalendarDays, addMonths, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { type FilerUnit, findUnitsOfMonth } from './safety-reports.repository';

export type ReportMonth = {
  month: string;
  firstDay: string;
  lastDay: string;
  /** [start, end) as instants: 00:00 China time on the first day, and on the next month's. */
  start: Date;
  end: Date;
};

/** The rules of the monthly 平安报表 a unit follows: who files it, and until when. */
export type MonthlyReportRules = Rulebook['reports']['monthlySafetyReport'];
export type FilingWindow = MonthlyReportRules['filingWindow'];

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
): Promise<FilingWindow | undefined> => (await findReportRules(q, [unit], now)).get(unit.id)?.filingWindow;

/**
 * Whether the unit owes a report every month: its kind is one of the filer kinds of the rulebook
 * it follows. A unit that follows no rulebook owes none (no rule asks it for one).
 */
export const isFiler = (unit: { kind: string }, rules: MonthlyReportRules | undefined): boolean =>
  rules !== undefined &&
  ((rules.filers?.kinds ?? FILERS_BEFORE_THE_RULE) as readonly string[]).includes(unit.kind);

/**
 * Who filed under a rulebook version stored before `filers` existed (towns and departments, as the
 * product then had it), so that such a version still answers for the months it governed.
 */
const FILERS_BEFORE_THE_RULE = ['town', 'department'] as const;

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

/**
 * The monthly-report rules of the rulebook each unit follows now (its own or its nearest attached
 * ancestor's; one resolution per rulebook); undefined for a unit no rulebook applies to.
 */
export const findReportRules = async (
  q: Queryable,
  units: readonly { id: number; unitPath: string }[],
  now: Date,
): Promise<Map<number, MonthlyReportRules | undefined>> => {
  const ids = await findRulebookIdsOfUnits(
    q,
    units.map((u) => ({ id: u.id, path: u.unitPath })),
    toChinaDate(now),
  );
  const rules = new Map<string, MonthlyReportRules | undefined>();
  for (const rulebookId of new Set(ids.values()))
    rules.set(
      rulebookId,
      (await findRulebookInForce(q, rulebookId, now))?.rulebook.reports.monthlySafetyReport,
    );
  return new Map(units.map((u) => [u.id, rules.get(ids.get(u.id) ?? '')]));
};

/**
 * The units of the subtree that owe a report of the month (they exist in it and their rulebook
 * names their kind), with the rules each follows.
 */
export const findDueFilers = async (
  q: Queryable,
  f: { unitPath: string; months: readonly ReportMonth[]; now: Date },
): Promise<{ byMonth: Map<string, FilerUnit[]>; rules: Map<number, MonthlyReportRules | undefined> }> => {
  const candidates = new Map<string, FilerUnit[]>();
  for (const m of f.months)
    candidates.set(m.month, await findUnitsOfMonth(q, { unitPath: f.unitPath, ...m }));
  const all = [...new Map([...candidates.values()].flat().map((u) => [u.id, u])).values()];
  const rules = await findReportRules(q, all, f.now);
  const byMonth = new Map(
    [...candidates].map(([month, units]) => [month, units.filter((u) => isFiler(u, rules.get(u.id)))]),
  );
  return { byMonth, rules };
};
