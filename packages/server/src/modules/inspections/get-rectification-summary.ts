import type { RectificationSummary } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { assertInScope } from './inspections-access';
import { findUnitRef, listChildUnits, listTasks } from './inspections.repository';
import { decideTaskStatus, loadDueSoonDays } from './present-rectification';

type Counts = Omit<RectificationSummary['children'][number], 'unitId' | 'unitName' | 'self'>;

const emptyCounts = (): Counts => ({
  total: 0,
  open: 0,
  overdue: 0,
  submitted: 0,
  acceptedOnTime: 0,
  acceptedLate: 0,
});

/**
 * Overdue visible up the tree: the rectifications owned in a unit's subtree at `asOf`, counted for
 * the whole subtree and per child unit (each child with its own subtree; the unit's own tasks as
 * the row `self`). A task accepted or closed after acceptance counts as accepted on time or late.
 */
export const getRectificationSummary = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: { unitId?: number | undefined; asOf?: string | undefined },
  now: Date,
): Promise<RectificationSummary> => {
  const unitId = query.unitId ?? grants[0]?.unitId;
  if (unitId === undefined) throw notFound();
  const unit = assertInScope(grants, await findUnitRef(q, unitId));
  const asOf = query.asOf ?? toChinaDate(now);
  const rows = await listTasks(q, {
    patterns: [`${unit.unitPath}%`],
    ownerPath: unit.unitPath,
    issuedBy: asOf,
  });
  const dueSoon = await loadDueSoonDays(q, rows, now);
  const children = await listChildUnits(q, unit.id);
  const total = emptyCounts();
  const self = { unitId: unit.id, unitName: unit.name, self: true, ...emptyCounts() };
  const perChild = children.map((c) => ({
    unitId: c.id,
    unitName: c.name,
    self: false,
    path: c.unitPath,
    ...emptyCounts(),
  }));
  for (const row of rows) {
    const { status } = decideTaskStatus(row, asOf, dueSoon(row));
    const rowCounts = [total, perChild.find((c) => row.ownerUnitPath.startsWith(c.path)) ?? self];
    for (const c of rowCounts) {
      c.total += 1;
      if (status === 'open' || status === 'due_soon' || status === 'rejected') c.open += 1;
      if (status === 'overdue') c.overdue += 1;
      if (status === 'submitted') c.submitted += 1;
      if ((status === 'accepted' || status === 'closed') && row.acceptedOnTime === true)
        c.acceptedOnTime += 1;
      if ((status === 'accepted' || status === 'closed') && row.acceptedOnTime === false) c.acceptedLate += 1;
    }
  }
  return {
    asOf,
    unitId: unit.id,
    unitName: unit.name,
    ...total,
    children: [self, ...perChild.map(({ path: _, ...c }) => c)],
  };
};
