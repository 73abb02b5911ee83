import type { AssessmentExplanation } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { assertPeriodVisible } from './assessment-access';
import { findPeriod, listResults, presentPeriod, presentResult } from './assessment.repository';

/** One unit's score explained: each indicator's inputs, rule, points and the rows behind each fact. */
export const getUnitExplanation = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  params: { id: number; unitId: number },
): Promise<AssessmentExplanation> => {
  const period = assertPeriodVisible(grants, await findPeriod(q, params.id));
  const [result] = period.version === 0 ? [] : await listResults(q, period.id, period.version, params.unitId);
  if (!result || !isInScope(grants, result.unitPath)) throw notFound();
  return {
    period: presentPeriod(period),
    version: period.version,
    result: presentResult(result),
    rulebook: { id: result.rulebookId, version: result.rulebookVersion },
    computedAt: result.computedAt,
    reason: result.reason,
    unitScore: result.explanation.unitScore,
    facts: result.explanation.facts,
  };
};
