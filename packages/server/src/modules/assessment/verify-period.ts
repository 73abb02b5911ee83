import type { AssessmentVerification } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { assertPeriodVisible } from './assessment-access';
import { assessmentErrors } from './assessment.errors';
import { type NewResultSet, findPeriod, findResultSet } from './assessment.repository';
import { computeResultSet } from './compute-results';

/** The figures of one unit compared between the stored computation and the re-run. */
const UNIT_FIELDS = [
  ['score', 'scores'],
  ['grade', 'gradeIds'],
  ['failing', 'gradeFailing'],
  ['vetoed', 'vetoed'],
  ['group', 'rankGroups'],
  ['rank', 'ranks'],
  ['notRanked', 'notRanked'],
  ['advanced', 'advanced'],
] as const satisfies readonly (readonly [string, keyof NewResultSet])[];

/** At most this many differing units are listed (the count is always given). */
const LISTED = 100;

const slice = <T>(xs: readonly T[], position: number, width: number) =>
  xs.slice(position * width, (position + 1) * width);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Re-runs a computed period — open or closed — over the facts as they stand, counted as on the
 * stored computation's date and under the period's frozen rules, without storing anything, and
 * compares every unit's facts, points and results with the stored version (issue 6 §2: re-running
 * a closed period reproduces the same result). Any difference is a fact changed since (a late
 * correction of the data): the answer lists each unit and what differs. Audited.
 */
export const verifyPeriod = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
): Promise<AssessmentVerification> => {
  const { grants } = getAccess(request);
  const period = assertPeriodVisible(grants, await findPeriod(ctx.db, id));
  if (period.version === 0) throw assessmentErrors.fail('assessment.not_computed');
  const stored = (await findResultSet(ctx.db, period.id, period.version))!;
  const started = performance.now();
  const { set: rerun } = await computeResultSet(ctx.db, period, {
    version: stored.version,
    now: stored.computedAt,
    reason: stored.reason,
    factsAsOf: stored.factsAsOf,
  });
  const ms = Math.round(performance.now() - started);
  const at = new Map(rerun.unitIds.map((unitId, i) => [unitId, i]));
  const differences: AssessmentVerification['differences'] = [];
  let differing = 0;
  const ni = stored.indicatorIds.length;
  const nf = stored.factKeys.length;
  const sameShape = same(stored.indicatorIds, rerun.indicatorIds) && same(stored.factKeys, rerun.factKeys);
  stored.unitIds.forEach((unitId, i) => {
    const j = at.get(unitId);
    const fields: string[] = [];
    if (j === undefined) fields.push('unit');
    else {
      for (const [name, key] of UNIT_FIELDS)
        if (!same((stored[key] as unknown[])[i], (rerun[key] as unknown[])[j])) fields.push(name);
      if (!sameShape || !same(slice(stored.points, i, ni), slice(rerun.points, j, ni))) fields.push('points');
      const facts = (s: NewResultSet, k: number) =>
        [s.factValues, s.factNumerators, s.factDenominators, s.factPrevious].map((xs) => slice(xs, k, nf));
      if (!sameShape || !same(facts(stored, i), facts(rerun, j))) fields.push('facts');
    }
    if (fields.length === 0) return;
    differing += 1;
    if (differences.length < LISTED) differences.push({ unitId, fields });
  });
  const storedIds = new Set(stored.unitIds);
  const added = rerun.unitIds.filter((unitId) => !storedIds.has(unitId));
  for (const unitId of added) {
    differing += 1;
    if (differences.length < LISTED) differences.push({ unitId, fields: ['unit'] });
  }
  const identical = differing === 0;
  await ctx.db.transaction((tx) =>
    ctx.audit(tx, request, {
      action: 'assessment.verified',
      outcome: 'ok',
      targetType: 'assessment_period',
      targetId: period.id,
      details: { version: period.version, identical, units: stored.unitIds.length, differing, ms },
    }),
  );
  return {
    periodId: period.id,
    version: period.version,
    factsAsOf: stored.factsAsOf,
    units: stored.unitIds.length,
    identical,
    differing,
    differences,
    ms,
  };
};
