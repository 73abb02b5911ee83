import type { ListUnitsQuery, Unit } from '@zongzhi/contracts';
import { scopePatterns } from '../../platform/auth/principal';
import { type RegistryReader, assertInScope, calculateScopeRootIds, pageToLimit } from './registry-access';
import { findUnitRef, listUnits as listUnitRows } from './registry.repository';

/** A page of units in the caller's scope: the scope's roots, a unit's children, or a search. */
export const listUnits = async (
  { db, grants, today }: RegistryReader,
  query: ListUnitsQuery,
): Promise<{ items: Unit[]; total: number }> => {
  if (query.parentId !== undefined) assertInScope(grants, await findUnitRef(db, query.parentId));
  return listUnitRows(db, {
    patterns: scopePatterns(grants),
    today,
    parentId: query.parentId,
    ids: query.roots ? calculateScopeRootIds(grants) : undefined,
    q: query.q || undefined,
    kind: query.kind,
    includeClosed: query.includeClosed,
    ...pageToLimit(query),
  });
};
