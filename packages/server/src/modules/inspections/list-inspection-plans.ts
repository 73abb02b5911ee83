import type { InspectionPlan, ListInspectionPlansQuery } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, scopePatterns } from '../../platform/auth/principal';
import { listPlans } from './inspections.repository';
import { presentPlan } from './present-inspection';

/** Plans made by a unit of the caller's jurisdiction or covering one of its units, latest first. */
export const listInspectionPlans = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListInspectionPlansQuery,
): Promise<{ items: InspectionPlan[]; total: number }> => {
  const page = await listPlans(q, {
    patterns: scopePatterns(grants),
    kind: query.kind,
    year: query.year,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: page.items.map(presentPlan), total: page.total };
};
