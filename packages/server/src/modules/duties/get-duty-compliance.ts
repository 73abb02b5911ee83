import type { ComplianceQuery, ComplianceResponse } from '@zongzhi/contracts';
import type { DutyState } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope, calculateScopeRootIds } from './duties-access';
import { countCompliance, findComplianceRows, findUnitRef } from './duties.repository';
import { loadDueSoonDaysInForce } from './load-reminders';

type Cell = ComplianceResponse['rows'][number]['months'][number];

const emptyCell = (month: number) => ({
  month,
  total: 0,
  done: 0,
  doneLate: 0,
  overdue: 0,
  waived: 0,
  open: 0,
  dueSoon: 0,
});

const FIELD: Record<DutyState, 'done' | 'doneLate' | 'overdue' | 'waived' | 'open'> = {
  done: 'done',
  done_late: 'doneLate',
  overdue: 'overdue',
  waived: 'waived',
  upcoming: 'open',
  due_soon: 'open',
};

/** Red when anything was or is late, yellow when something is due soon, green otherwise. */
const colour = (c: ReturnType<typeof emptyCell>): Cell['timeStatus'] =>
  c.total === 0 ? null : c.overdue + c.doneLate > 0 ? 'red' : c.dueSoon > 0 ? 'yellow' : 'green';

/**
 * The unit × month compliance grid of a year: the unit's own duties and each child's subtree,
 * by the month of the deadline, in states as of today.
 */
export const getDutyCompliance = async (
  q: Queryable,
  { grants, today }: { grants: readonly RoleGrant[]; today: string },
  query: ComplianceQuery,
): Promise<ComplianceResponse> => {
  const unitId = query.unitId ?? calculateScopeRootIds(grants)[0];
  const unit = assertInScope(grants, unitId === undefined ? undefined : await findUnitRef(q, unitId));
  const span = { yearStart: `${query.year}-01-01`, yearEnd: `${query.year}-12-31` };
  const rows = await findComplianceRows(q, { unitId: unit.id, ...span });
  const counts = await countCompliance(q, {
    unitId: unit.id,
    unitPath: unit.unitPath,
    ...span,
    today,
    dueSoonDays: await loadDueSoonDaysInForce(q, today),
  });
  const grid = new Map(rows.map((r) => [r.id, Array.from({ length: 12 }, (_, i) => emptyCell(i + 1))]));
  for (const c of counts) {
    const cell = grid.get(c.rowUnitId)?.[c.month - 1];
    if (!cell) continue; // a unit below a child closed before the year: not a row
    cell.total += c.n;
    cell[FIELD[c.state]] += c.n;
    if (c.state === 'due_soon') cell.dueSoon += c.n;
  }
  return {
    year: query.year,
    asOf: today,
    unit: { id: unit.id, name: unit.name },
    rows: rows.map((r) => ({
      unitId: r.id,
      unitName: r.name,
      scope: r.scope,
      months: (grid.get(r.id) ?? []).map((cell) => {
        const { dueSoon: _, ...counts } = cell;
        return { ...counts, timeStatus: colour(cell) };
      }),
    })),
  };
};
