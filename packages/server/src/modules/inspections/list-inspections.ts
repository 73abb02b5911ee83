import type { Inspection, ListInspectionsQuery } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, scopePatterns } from '../../platform/auth/principal';
import { assertInScope } from './inspections-access';
import { findUnitRef, listInspections as findInspections } from './inspections.repository';
import { presentInspection } from './present-inspection';

/** Inspections of the caller's jurisdiction (inspected there, or made by one of its units), latest first. */
export const listInspections = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListInspectionsQuery,
): Promise<{ items: Inspection[]; total: number }> => {
  const unit =
    query.unitId === undefined ? undefined : assertInScope(grants, await findUnitRef(q, query.unitId));
  const page = await findInspections(q, {
    patterns: scopePatterns(grants),
    unitPath: unit?.unitPath,
    planId: query.planId,
    kind: query.kind,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: page.items.map(presentInspection), total: page.total };
};
