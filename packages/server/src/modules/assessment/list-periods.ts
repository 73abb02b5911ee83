import type { AssessmentPeriodSummary } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { canSeePeriod } from './assessment-access';
import { listPeriods as listStoredPeriods, presentPeriod } from './assessment.repository';

/** The periods the caller may see (rooted in its scope, or assessing it), newest first. */
export const listPeriods = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: { unitId?: number | undefined },
): Promise<{ items: AssessmentPeriodSummary[] }> => ({
  items: (await listStoredPeriods(q, query.unitId))
    .filter((p) => canSeePeriod(grants, p.rootPath))
    .map(presentPeriod),
});
