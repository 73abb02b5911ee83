import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';

/**
 * Who the caller may ask about, as in the registry (get-person.ts): a person is in scope through
 * their registering unit (`people.unit_id`) or through any post ever held in a unit of the
 * caller's subtrees; people with no registering unit are seen by holders of a tree root only.
 * A unit is in scope when its path lies under a grant. Out of scope and absent look alike (404).
 */
/** Parameters of `PERSON_IN_SCOPE`: $1 the scope's LIKE patterns, $2 whether unregistered people are seen. */
export const personScopeParams = (grants: readonly RoleGrant[]) => [
  scopePatterns(grants),
  grants.some((g) => /^\/\d+\/$/.test(g.unitPath)),
];

/**
 * Whether person `p` is in scope; uses $1 and $2 of `personScopeParams`. The registering unit's
 * path is read by primary key (a scalar subquery, never a hashed scan of all units) and the posts
 * through posts_person, so the check costs a few index probes whatever the size of the registry.
 */
export const PERSON_IN_SCOPE = `((SELECT ru.path FROM units ru WHERE ru.id = p.unit_id) LIKE ANY($1::text[])
  OR (p.unit_id IS NULL AND $2::boolean)
  OR EXISTS (SELECT 1 FROM posts po JOIN units pu ON pu.id = po.unit_id
              WHERE po.person_id = p.id AND pu.path LIKE ANY($1::text[])))`;

export const findVisiblePeople = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  ids: readonly number[],
): Promise<Map<number, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: number; name: string }>(
    `SELECT p.id, p.name FROM people p WHERE p.id = ANY($3::bigint[]) AND ${PERSON_IN_SCOPE}`,
    [...personScopeParams(grants), ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
};

export const findVisibleUnits = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  ids: readonly number[],
): Promise<Map<number, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: number; name: string }>(
    'SELECT id, name FROM units WHERE id = ANY($2::bigint[]) AND path LIKE ANY($1::text[])',
    [scopePatterns(grants), ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
};
