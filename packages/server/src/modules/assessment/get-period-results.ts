import type { AssessmentPeriodDetail, AssessmentPeriodResultsQuery } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, scopePatterns } from '../../platform/auth/principal';
import { assertPeriodVisible } from './assessment-access';
import {
  findPeriod,
  listResultBranches,
  pageResults,
  presentPeriod,
  presentResult,
} from './assessment.repository';

/**
 * The ranking table of a period's current version: the results of the units in the caller's scope,
 * in ranking order, optionally of one group, of units whose name contains `q`, and a page of them
 * (`limit`, `offset`; without them, every unit). `total` counts the units matching; `groups` and
 * `branches` (the heat map's top two levels; `branches=false` leaves them out) are not narrowed by
 * the filters.
 */
export const getPeriodResults = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
  query: AssessmentPeriodResultsQuery = {},
): Promise<AssessmentPeriodDetail> => {
  const period = assertPeriodVisible(grants, await findPeriod(q, id));
  const base = { period: presentPeriod(period), version: period.version };
  if (period.version === 0) return { ...base, total: 0, results: [], groups: [], branches: [] };
  const scope = scopePatterns(grants);
  const { branches: withBranches, ...filter } = query;
  const page = await pageResults(q, period, period.version, { scope, ...filter });
  const branches = withBranches === 'false' ? [] : await listResultBranches(q, period, period.version, scope);
  return { ...base, total: page.total, results: page.rows.map(presentResult), groups: page.groups, branches };
};
