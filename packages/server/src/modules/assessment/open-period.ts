import type { AssessmentPeriodSummary, OpenAssessmentPeriodRequest } from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { assessmentErrors } from './assessment.errors';
import { findPeriod, insertPeriod, presentPeriod } from './assessment.repository';
import { periodBounds } from './assessment-period-key';

/**
 * Opens a period for a subtree: the root unit's effective rulebook is resolved now and its
 * indicators section frozen into the period, so later rulebook versions do not change its results.
 */
export const openPeriod = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: OpenAssessmentPeriodRequest,
): Promise<AssessmentPeriodSummary> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const bounds = periodBounds(input.kind, input.periodKey);
  if (!bounds)
    throw invalid([
      field(
        'body.periodKey',
        '期间编号与考核期间类型不符',
        'the period key does not name a period of this kind',
      ),
    ]);
  return ctx.db.transaction(async (tx) => {
    const [root] = await tx.query<{ id: number; path: string }>(
      'SELECT id, path FROM units WHERE id = $1 AND valid_to IS NULL',
      [input.unitId],
    );
    if (!root || !isInScope(grants, root.path))
      throw invalid([field('body.unitId', '单位不存在或不在您的管辖范围内', 'no such unit in your scope')]);
    const ids = await findRulebookIdsOfUnits(tx, [root], toChinaDate(now));
    const rulebookId = ids.get(root.id);
    const inForce = rulebookId === undefined ? undefined : await findRulebookInForce(tx, rulebookId, now);
    if (!inForce)
      throw assessmentErrors.fail('assessment.no_rulebook', [
        field('body.unitId', '无适用制度', 'no rulebook'),
      ]);
    const rules = inForce.rulebook.indicators;
    if (!rules.assessment.periods.some((p) => p.unit === input.kind))
      throw assessmentErrors.fail('assessment.period_not_in_rulebook', [
        field('body.kind', '制度未规定此类考核期间', 'the rulebook defines no period of this kind'),
      ]);
    const id = await insertPeriod(tx, {
      rootUnitId: root.id,
      rulebookId: inForce.rulebookId,
      rulebookVersion: inForce.version,
      rules,
      kind: input.kind,
      periodKey: input.periodKey,
      start: bounds.start,
      end: bounds.end,
      now,
      by: principal.username,
      byAccountId: principal.accountId,
    });
    if (id === undefined)
      throw assessmentErrors.fail('assessment.period_exists', [
        field('body.periodKey', '该期间已开设', 'this period is already open'),
      ]);
    const period = (await findPeriod(tx, id))!;
    await ctx.audit(tx, request, {
      action: 'assessment.period_opened',
      outcome: 'ok',
      targetType: 'assessment_period',
      targetId: id,
      details: {
        rootUnitId: root.id,
        kind: input.kind,
        periodKey: input.periodKey,
        rulebook: { id: inForce.rulebookId, version: inForce.version },
      },
    });
    return presentPeriod(period);
  });
};
