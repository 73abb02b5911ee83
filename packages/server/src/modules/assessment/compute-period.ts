import type { AssessmentPeriodDetail } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { assertPeriodWritable } from './assessment-access';
import { assessmentErrors } from './assessment.errors';
import { deleteResultsOfVersion, findPeriod, setPeriodComputed } from './assessment.repository';
import { computeResults } from './compute-results';
import { getPeriodResults } from './get-period-results';

/** Rows of the ranking table the compute answer carries; `total` says how many there are. */
const COMPUTE_ANSWER_ROWS = 1000;

/** Computes (or recomputes) an open period's results: they replace the current version's rows. */
export const computePeriod = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
): Promise<AssessmentPeriodDetail> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const period = assertPeriodWritable(grants, await findPeriod(tx, id, true));
    if (period.status === 'closed') throw assessmentErrors.fail('assessment.closed');
    const version = Math.max(1, period.version);
    await deleteResultsOfVersion(tx, period.id, version);
    const outcome = await computeResults(tx, period, { version, now, reason: null });
    await setPeriodComputed(tx, period.id, version, now);
    await ctx.audit(tx, request, {
      action: 'assessment.computed',
      outcome: 'ok',
      targetType: 'assessment_period',
      targetId: period.id,
      details: { version, units: outcome.units, failing: outcome.failing.length },
    });
  });
  // The first page of the ranking table (a province's 25,000 rows are paged by the table itself).
  return getPeriodResults(ctx.db, grants, id, { limit: COMPUTE_ANSWER_ROWS, branches: 'false' });
};
