import type { AssessmentPeriodDetail } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, isInScope } from '../../platform/auth/principal';
import { assertPeriodVisible } from './assessment-access';
import { findPeriod, listResults, presentPeriod, presentResult } from './assessment.repository';

/** The ranking table of a period's current version: the results of the units in the caller's scope. */
export const getPeriodResults = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
): Promise<AssessmentPeriodDetail> => {
  const period = assertPeriodVisible(grants, await findPeriod(q, id));
  const results = period.version === 0 ? [] : await listResults(q, period, period.version);
  return {
    period: presentPeriod(period),
    version: period.version,
    results: results.filter((r) => isInScope(grants, r.unitPath)).map(presentResult),
  };
};
