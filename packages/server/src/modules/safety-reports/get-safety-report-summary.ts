import {
  SAFETY_REPORT_FIGURE_KEYS,
  SAFETY_REPORT_SUMMED_FIELD_KEYS,
  type SafetyReportSummary,
  type SafetyReportSummaryCells,
  type SafetyReportSummaryMonth,
  type SafetyReportSummaryQuery,
  type SafetyReportTotals,
} from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { field, invalid } from '../../platform/errors';
import {
  type FilingWindow,
  type MonthStatus,
  calculateClosesOn,
  calculateReportMonth,
  decideMonthStatus,
  findDueFilers,
  findFilingWindow,
  listPeriodMonths,
} from './safety-report-month';
import { assertInScope, calculateScopeRootIds } from './safety-reports-access';
import {
  type SummaryRevision,
  findChildUnits,
  findSummaryRevisions,
  findUnitRef,
} from './safety-reports.repository';

const emptyTotals = (): SafetyReportTotals => ({
  ...(Object.fromEntries(SAFETY_REPORT_FIGURE_KEYS.map((k) => [k, 0])) as Record<
    (typeof SAFETY_REPORT_FIGURE_KEYS)[number],
    number
  >),
  disputesScreened: 0,
  disputesResolved: 0,
  publicityActivities: 0,
});

/** One filer's standing in one month. */
type Standing = {
  unitId: number;
  unitPath: string;
  month: string;
  state: MonthStatus;
  outcome: 'on_time' | 'late' | 'pending' | 'missed';
  revision: SummaryRevision | undefined;
};

/** Adds up standings: who owed, who filed (on time or late), who has not, and the filed totals. */
export const sumStandings = (standings: readonly Standing[]): SafetyReportSummaryCells => {
  const totals = emptyTotals();
  const count = (o: Standing['outcome']) => standings.filter((s) => s.outcome === o).length;
  for (const s of standings) {
    if (!s.revision) continue;
    for (const k of SAFETY_REPORT_FIGURE_KEYS) totals[k] += s.revision.prefilled[k] ?? 0;
    for (const k of SAFETY_REPORT_SUMMED_FIELD_KEYS) totals[k] += s.revision.entered[k] ?? 0;
  }
  const filedOnTime = count('on_time');
  const filedLate = count('late');
  const started = standings.filter((s) => s.state !== 'not_started').length;
  return {
    expected: standings.length,
    filed: filedOnTime + filedLate,
    filedOnTime,
    filedLate,
    pending: count('pending'),
    missed: count('missed'),
    filingRate: started === 0 ? null : Math.round(((filedOnTime + filedLate) / started) * 10_000) / 10_000,
    totals,
  };
};

/**
 * The county's 平安报表 summary of a period (issue 6 §5): for each month of the month, quarter or
 * year, how many units of the subtree owed a report under their rulebooks (towns and departments by
 * default), how many filed on time or late (by the day the rulebook's filing window closes the month) and how many have not, with the
 * figures of the filed reports (their latest revisions) summed; the same for each unit directly
 * below, so that a reader can go from the county to a town.
 */
export const getSafetyReportSummary = async (
  q: Queryable,
  { grants, now }: { grants: readonly RoleGrant[]; now: Date },
  query: SafetyReportSummaryQuery,
): Promise<SafetyReportSummary> => {
  const period = listPeriodMonths(query.period);
  if (!period)
    throw invalid([
      field(
        'query.period',
        '期间格式应为 2026（年）、2026-Q1（季度）或 2026-M03（月）',
        'a period key: 2026 (year), 2026-Q1 (quarter) or 2026-M03 (month)',
      ),
    ]);
  const unitId = query.unitId ?? calculateScopeRootIds(grants)[0];
  const unit = assertInScope(grants, unitId === undefined ? undefined : await findUnitRef(q, unitId));
  const months = period.months.map(calculateReportMonth);
  const firstDay = months[0]!.firstDay;
  const lastDay = months.at(-1)!.lastDay;

  const { byMonth: filersByMonth, rules } = await findDueFilers(q, { unitPath: unit.unitPath, months, now });
  const allFilers = [...new Map([...filersByMonth.values()].flat().map((f) => [f.id, f])).values()];
  const revisions = new Map(
    (
      await findSummaryRevisions(
        q,
        allFilers.map((f) => f.id),
        period.months,
      )
    ).map((r) => [`${r.unitId}|${r.month}`, r]),
  );

  const standings: Standing[] = months.flatMap((m) =>
    filersByMonth.get(m.month)!.map((f) => {
      const closesOn = calculateClosesOn({ month: m, filingWindow: rules.get(f.id)?.filingWindow });
      const state = decideMonthStatus({ month: m, closesOn, now });
      const revision = revisions.get(`${f.id}|${m.month}`);
      const outcome: Standing['outcome'] = revision
        ? closesOn !== null && toChinaDate(revision.firstFiledAt) > closesOn
          ? 'late'
          : 'on_time'
        : state === 'closed'
          ? 'missed'
          : 'pending';
      return { unitId: f.id, unitPath: f.unitPath, month: m.month, state, outcome, revision };
    }),
  );

  // The month's state as the summed unit's own rulebook has it (a county's filers follow it).
  const rootWindow: FilingWindow | undefined = await findFilingWindow(q, unit, now);
  const monthRows = (of: readonly Standing[]): SafetyReportSummaryMonth[] =>
    months.map((m) => {
      const closesOn = calculateClosesOn({ month: m, filingWindow: rootWindow });
      return {
        month: m.month,
        state: decideMonthStatus({ month: m, closesOn, now }),
        closesOn,
        ...sumStandings(of.filter((s) => s.month === m.month)),
      };
    });

  const children = (await findChildUnits(q, { parentId: unit.id, firstDay, lastDay }))
    .map((child) => ({ child, own: standings.filter((s) => s.unitPath.startsWith(child.unitPath)) }))
    .filter(({ own }) => own.length > 0)
    .map(({ child, own }) => ({
      unitId: child.id,
      unitName: child.name,
      unitKind: child.kind,
      months: monthRows(own),
      total: sumStandings(own),
    }));

  return {
    period: query.period,
    kind: period.kind,
    firstDay,
    lastDay,
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    months: monthRows(standings),
    total: sumStandings(standings),
    children,
  };
};
