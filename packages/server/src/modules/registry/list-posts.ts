import type { ListPostsQuery, Post } from '@zongzhi/contracts';
import { scopePatterns } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { type RegistryReader, assertInScope, calculatePeopleScope, pageToLimit } from './registry-access';
import { findUnitRef, findVisiblePerson, listPosts as listPostRows } from './registry.repository';

/** Posts in units of the caller's scope, by unit, person and/or the date they were held. */
export const listPosts = async (
  { db, grants }: RegistryReader,
  query: ListPostsQuery,
): Promise<{ items: Post[]; total: number }> => {
  if (query.unitId !== undefined) assertInScope(grants, await findUnitRef(db, query.unitId));
  if (
    query.personId !== undefined &&
    !(await findVisiblePerson(db, query.personId, calculatePeopleScope(grants)))
  )
    throw notFound();
  const { items, total } = await listPostRows(db, {
    patterns: scopePatterns(grants),
    unitId: query.unitId,
    personId: query.personId,
    date: query.date,
    ...pageToLimit(query),
  });
  return { items: items.map(({ unitPath: _, ...p }) => p), total };
};
