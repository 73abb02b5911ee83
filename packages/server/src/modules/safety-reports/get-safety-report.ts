import type { SafetyReport } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { field, invalid } from '../../platform/errors';
import {
  calculateClosesOn,
  calculateReportMonth,
  decideMonthStatus,
  findFilingWindow,
  findReportRules,
  isFiler,
} from './safety-report-month';
import { assertInScope } from './safety-reports-access';
import { type FilerUnit, calculateFigures, findRevisions, findUnitRef } from './safety-reports.repository';

/**
 * The unit, when it is in scope (404 otherwise) and its rulebook names its kind among those that
 * file the report (400).
 */
export const assertFiler = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  unitId: number,
  now: Date,
): Promise<FilerUnit> => {
  const unit = assertInScope(grants, await findUnitRef(q, unitId));
  if (!isFiler(unit, (await findReportRules(q, [unit], now)).get(unit.id)))
    throw invalid([
      field(
        'params.unitId',
        '按该单位适用的规则库，该单位不填报平安报表（填报单位见规则库“平安报表”的填报单位类型）',
        'under the rulebook the unit follows, it does not file the monthly safety report (see the filer kinds of the rulebook’s monthly safety report)',
      ),
    ]);
  return unit;
};

/**
 * A unit's 平安报表 of a month: the latest filed revision with the figures as they stood at
 * filing, or, before filing, a draft prefilled with the figures as of now.
 */
export const getSafetyReport = async (
  q: Queryable,
  { grants, now }: { grants: readonly RoleGrant[]; now: Date },
  unitId: number,
  month: string,
): Promise<SafetyReport> => {
  const unit = await assertFiler(q, grants, unitId, now);
  const m = calculateReportMonth(month);
  const closesOn = calculateClosesOn({ month: m, filingWindow: await findFilingWindow(q, unit, now) });
  const revisions = await findRevisions(q, unit.id, month);
  const latest = revisions[0];
  const figures = latest
    ? latest.prefilled
    : (await calculateFigures(q, { units: [unit], ...m, today: toChinaDate(now) })).get(unit.id)!;
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    month,
    status: latest ? 'filed' : 'draft',
    closesOn,
    open: decideMonthStatus({ month: m, closesOn, now }) === 'open',
    figures,
    figuresAsOf: latest?.filedAt ?? now.toISOString(),
    entered: latest?.entered ?? null,
    revision: latest?.revision ?? null,
    filedAt: latest?.filedAt ?? null,
    filedBy: latest?.filedBy ?? null,
    revisions: revisions.map((r) => ({ revision: r.revision, filedAt: r.filedAt, filedBy: r.filedBy })),
  };
};
