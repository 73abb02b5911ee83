import type { BoundPerson } from '@zongzhi/contracts';
import { type ResponsibilityRole, decideResponsibleOnDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { listPostsOnDate } from './letters.repository';

/**
 * The people who sign for each unit on `date`: the holders of the rulebook's signatory roles
 * (第一责任人 by default; 党政同责 makes both the secretary and the head sign), read from the
 * registry's posts valid that day. A person holding two such posts signs once.
 */
export const bindSignatories = async (
  q: Queryable,
  unitIds: readonly number[],
  date: string,
  roles: readonly ResponsibilityRole[],
): Promise<Map<number, BoundPerson[]>> => {
  const posts = await listPostsOnDate(q, unitIds, date);
  const byUnit = new Map<number, typeof posts>();
  for (const p of posts) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const result = new Map<number, BoundPerson[]>();
  for (const unitId of unitIds) {
    const byRole = decideResponsibleOnDate({ posts: byUnit.get(unitId) ?? [], date });
    const seen = new Set<number>();
    const people: BoundPerson[] = [];
    for (const role of roles)
      for (const post of byRole[role]) {
        if (seen.has(post.personId)) continue;
        seen.add(post.personId);
        people.push({
          personId: post.personId,
          name: post.personName,
          postKind: post.postKind,
          postTitle: post.title,
          role,
        });
      }
    result.set(unitId, people);
  }
  return result;
};

/** A unit can be bound only when a holder of a signatory role is in post (principal, by default). */
export const hasSignatory = (people: readonly BoundPerson[] | undefined) => (people?.length ?? 0) > 0;
