import type { SafetyReport } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { field, invalid } from '../../platform/errors';
import {
  SAFETY_REPORT_FILER_KINDS,
  calculateClosesOn,
  calculateReportMonth,
  decideMonthStatus,
  findFilingWindow,
} from './safety-report-month';
import { assertInScope } from './safety-reports-access';
import { type FilerUnit, calculateFigures, findRevisions, findUnitRef } from './safety-reports.repository';

/** The unit, when it is in scope (404 otherwise) and is of a kind that files the report (400). */
export const assertFiler = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  unitId: number,
): Promise<FilerUnit> => {
  const unit = assertInScope(grants, await findUnitRef(q, unitId));
  if (!(SAFETY_REPORT_FILER_KINDS as readonly string[]).includes(unit.kind))
    throw invalid([
      field(
        'params.unitId',
        '平安报表由乡镇（街道）和部门填报，该单位不填报',
        'the safety report is filed by towns and departments; this unit does not file one',
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
  const unit = await assertFiler(q, grants, unitId);
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
