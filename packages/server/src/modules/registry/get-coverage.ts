import type { CoverageQuery, CoverageResponse } from '@zongzhi/contracts';
import { COVERAGE_ROLES, calculatePostKindsForRoles, decideCoverageGaps } from '@zongzhi/domain';
import { scopePatterns } from '../../platform/auth/principal';
import { type RegistryReader, assertInScope, pageToLimit } from './registry-access';
import { findUnitRef, listPostsHeldOn, listUnitsExistingOn } from './registry.repository';

/**
 * 全覆盖: the units of a subtree (or the caller's whole scope) lacking a principal or a leader in
 * charge on a date. Membership of the subtree follows the current tree: a unit moved in since the
 * date is counted where it now stands.
 */
export const getCoverage = async (
  { db, grants, today }: RegistryReader,
  query: CoverageQuery,
): Promise<CoverageResponse> => {
  const date = query.date ?? today;
  const patterns =
    query.unitId === undefined
      ? scopePatterns(grants)
      : [`${assertInScope(grants, await findUnitRef(db, query.unitId)).path}%`];
  const units = await listUnitsExistingOn(db, patterns, date);
  const posts = await listPostsHeldOn(db, {
    patterns,
    date,
    kinds: calculatePostKindsForRoles(COVERAGE_ROLES),
  });
  const gaps = decideCoverageGaps({ units, posts, date });
  const byId = new Map(units.map((u) => [u.id, u]));
  const { limit, offset } = pageToLimit(query);
  return {
    date,
    checked: units.length,
    total: gaps.length,
    items: gaps.slice(offset, offset + limit).map((g) => ({ unit: byId.get(g.unitId)!, missing: g.missing })),
  };
};
