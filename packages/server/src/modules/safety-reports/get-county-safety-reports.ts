import type { CountySafetyReport, CountySafetyReportQuery } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { calculateReportMonth, findDueFilers } from './safety-report-month';
import { assertInScope, calculateScopeRootIds } from './safety-reports-access';
import { calculateFigures, findLatestRevisions, findUnitRef } from './safety-reports.repository';

/**
 * The county view of a month: every unit below the unit (the top of the caller's scope by default)
 * that owes a report under its rulebook (towns and departments by default), side by side — filed ones with their latest revision, and those that have
 * not filed, with the figures as of now.
 */
export const getCountySafetyReports = async (
  q: Queryable,
  { grants, now }: { grants: readonly RoleGrant[]; now: Date },
  query: CountySafetyReportQuery,
): Promise<CountySafetyReport> => {
  const unitId = query.unitId ?? calculateScopeRootIds(grants)[0];
  const unit = assertInScope(grants, unitId === undefined ? undefined : await findUnitRef(q, unitId));
  const m = calculateReportMonth(query.month);
  const filers =
    (await findDueFilers(q, { unitPath: unit.unitPath, months: [m], now })).byMonth.get(m.month) ?? [];
  const latest = await findLatestRevisions(
    q,
    filers.map((f) => f.id),
    query.month,
  );
  const pending = filers.filter((f) => !latest.has(f.id));
  const live = await calculateFigures(q, { units: pending, ...m, today: toChinaDate(now) });
  const rows = filers.map((f) => {
    const filed = latest.get(f.id);
    return {
      unitId: f.id,
      unitName: f.name,
      unitKind: f.kind,
      status: filed ? ('filed' as const) : ('missing' as const),
      revision: filed?.revision ?? null,
      filedAt: filed?.filedAt ?? null,
      filedBy: filed?.filedBy ?? null,
      figures: filed?.prefilled ?? live.get(f.id)!,
      entered: filed?.entered ?? null,
    };
  });
  return {
    month: query.month,
    unit: { id: unit.id, name: unit.name },
    expected: filers.length,
    filed: filers.length - pending.length,
    missing: pending.map((f) => ({ unitId: f.id, unitName: f.name })),
    rows,
  };
};
