import type { InspectionDetail } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertEitherInScope } from './inspections-access';
import { findInspection, findTasksOfFindings, listTasksOfInspection } from './inspections.repository';
import { presentInspection } from './present-inspection';
import { loadDueSoonDays, presentFinding } from './present-rectification';

/** One inspection with its list of findings (问题清单) and, for a re-inspection, the findings it re-checked. */
export const getInspection = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
  now: Date,
): Promise<InspectionDetail> => {
  const inspection = assertEitherInScope(grants, await findInspection(q, id), (i) => [
    i.unitPath,
    i.inspectingUnitPath,
  ]);
  const findings = await listTasksOfInspection(q, id);
  const rechecked = await findTasksOfFindings(q, inspection.recheckFindingIds);
  const dueSoon = await loadDueSoonDays(q, [...findings, ...rechecked], now);
  const asOf = toChinaDate(now);
  return {
    ...presentInspection(inspection),
    findingList: findings.map((f) => presentFinding(f, asOf, dueSoon(f))),
    recheckedFindings: rechecked.map((f) => presentFinding(f, asOf, dueSoon(f))),
  };
};
