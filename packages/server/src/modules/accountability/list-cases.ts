import type { CaseList, ListCasesQuery } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import {
  countPendingByCase,
  findUnitRef,
  listCaseRows,
  listReports,
  listSteps,
} from './accountability.repository';
import { groupBy } from './group-by';
import { createRulebookCache, presentSummary } from './present-case';

/**
 * The cases board: cases of the caller's units (a unit filter narrows to its subtree), each with
 * its current step, next deadline and pending proposals. Deadlines are computed, so the board
 * filters and pages in memory (a county holds hundreds of cases, not millions).
 */
export const listCases = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListCasesQuery,
  now: Date,
): Promise<CaseList> => {
  const unit = query.unitId === undefined ? undefined : await findUnitRef(q, query.unitId);
  if (query.unitId !== undefined && !unit) return { items: [], total: 0 };
  const rows = await listCaseRows(q, {
    patterns: scopePatterns(grants),
    unitPath: unit?.unitPath,
    status: query.status,
    situationId: query.situationId,
    step: query.step,
    pending: query.pending === undefined ? undefined : query.pending === 'true',
  });
  const ids = rows.map((r) => r.id);
  const steps = groupBy(await listSteps(q, ids), (s) => s.caseId);
  const reports = groupBy(await listReports(q, ids), (r) => r.caseId);
  const pending = await countPendingByCase(q, ids);
  const rulebookOf = createRulebookCache(q, now);
  const today = toChinaDate(now);
  const items = [];
  for (const r of rows) {
    const caseSteps = steps.get(r.id) ?? [];
    if (caseSteps.length === 0) continue;
    items.push(
      presentSummary(
        r,
        caseSteps,
        reports.get(r.id) ?? [],
        pending.get(r.id) ?? 0,
        await rulebookOf(r.rulebookId),
        today,
      ),
    );
  }
  const filtered =
    query.overdue === undefined ? items : items.filter((i) => i.overdue === (query.overdue === 'true'));
  const start = (query.page - 1) * query.pageSize;
  return { items: filtered.slice(start, start + query.pageSize), total: filtered.length };
};
