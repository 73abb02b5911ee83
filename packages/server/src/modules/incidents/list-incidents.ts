import type { Incident, ListIncidentsQuery } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { assertInScope } from './incidents-access';
import { findUnitRef, listIncidents as findIncidents } from './incidents.repository';

/** The first instant of a China date, and of the day after it (`to` is inclusive). */
const startOfChinaDate = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);

/** A page of the incident register of the caller's jurisdiction, newest first. */
export const listIncidents = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListIncidentsQuery,
): Promise<{ items: Incident[]; total: number }> => {
  const unit =
    query.unitId === undefined ? undefined : assertInScope(grants, await findUnitRef(q, query.unitId));
  const page = await findIncidents(q, {
    patterns: scopePatterns(grants),
    unitPath: unit?.unitPath,
    kind: query.kind,
    from: query.from === undefined ? undefined : startOfChinaDate(query.from),
    to: query.to === undefined ? undefined : startOfChinaDate(query.to, 1),
    timeliness: query.timeliness,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: page.items.map(({ unitPath: _, ...incident }) => incident), total: page.total };
};
