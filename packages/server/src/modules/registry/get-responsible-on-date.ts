import type { ResponsibleResponse } from '@zongzhi/contracts';
import { decideResponsibleOnDate, RESPONSIBILITY_ROLES } from '@zongzhi/domain';
import { type RegistryReader, assertInScope } from './registry-access';
import { findUnitRef, listUnitPostsStartedBy } from './registry.repository';

/** 可倒查: who held each responsibility role in a unit on a date (today by default). */
export const getResponsibleOnDate = async (
  { db, grants, today }: RegistryReader,
  input: { unitId: number; date?: string | undefined },
): Promise<ResponsibleResponse> => {
  assertInScope(grants, await findUnitRef(db, input.unitId));
  const date = input.date ?? today;
  const posts = await listUnitPostsStartedBy(db, input.unitId, date);
  const byRole = decideResponsibleOnDate({ posts, date });
  const roles = Object.fromEntries(
    RESPONSIBILITY_ROLES.map((role) => [
      role,
      byRole[role].map((p) => ({
        personId: p.personId,
        name: p.personName,
        postId: p.id,
        postKind: p.postKind,
        title: p.title,
        portfolio: p.portfolio,
        startDate: p.startDate,
        endDate: p.endDate,
      })),
    ]),
  ) as ResponsibleResponse['roles'];
  return { date, unitId: input.unitId, roles };
};
