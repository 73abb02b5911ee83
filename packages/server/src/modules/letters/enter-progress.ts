import type { EnterProgressRequest, TargetProgress } from '@zongzhi/contracts';
import type { LetterTarget } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import type { Principal } from '../../platform/auth/principal';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid, notFound } from '../../platform/errors';
import { isComputedIndicator } from './computed-indicators';
import { findLetterInScope } from './get-letter';
import { computeLetterProgress } from './get-letter-progress';
import { listPeriodKeys } from './letter-content';
import { assertMayEnterProgress } from './letters-access';
import { lettersErrors } from './letters.errors';
import { type LetterRow, findVersion, saveIndicatorValue, saveTargetValue } from './letters.repository';

export type ProgressEntry = {
  target: LetterTarget;
  periodKey: string;
  value: number | null;
  note: string | null;
};

/** Writes one value: a shared indicator fact of the recipient, or the letter's own target value. */
export const saveProgressValue = async (
  q: Queryable,
  letter: LetterRow,
  entry: ProgressEntry,
  who: { principal: Principal; source: 'entered' | 'imported'; now: Date },
) => {
  const write = {
    value: entry.value,
    note: entry.note,
    source: who.source,
    by: who.principal.username,
    accountId: who.principal.accountId,
    now: who.now,
  };
  if (entry.target.indicatorId)
    await saveIndicatorValue(
      q,
      { unitId: letter.recipientUnitId, indicatorId: entry.target.indicatorId, periodKey: entry.periodKey },
      write,
    );
  else
    await saveTargetValue(
      q,
      { letterId: letter.id, targetKey: entry.target.key, periodKey: entry.periodKey },
      write,
    );
};

/** Is the period one of the target's periods in the letter's year? */
export const isPeriodOfTarget = (target: LetterTarget, year: number, periodKey: string) =>
  listPeriodKeys(target.per, year).some((p) => p.key === periodKey);

/**
 * Enters (or clears, with null) a target's actual value for a period. Computed targets are refused
 * (409: the system has the figure). The value is stored once, as the recipient's indicator fact.
 */
export const enterProgress = async (
  ctx: AppContext,
  request: FastifyRequest,
  params: { id: number; targetKey: string; periodKey: string },
  input: EnterProgressRequest,
): Promise<TargetProgress> => {
  const access = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const letter = await findLetterInScope(tx, access, params.id);
    assertMayEnterProgress(access.grants, letter.recipientPath);
    const version = (await findVersion(tx, letter.id, letter.currentVersion))!;
    const target = version.targets.find((t) => t.key === params.targetKey);
    if (!target) throw notFound();
    if (isComputedIndicator(target.indicatorId)) throw lettersErrors.fail('letters.computed_indicator');
    if (!isPeriodOfTarget(target, letter.year, params.periodKey))
      throw invalid([
        field('params.periodKey', '该目标没有这个统计期间', 'not a period of this target in the letter year'),
      ]);
    await saveProgressValue(
      tx,
      letter,
      { target, periodKey: params.periodKey, value: input.value, note: input.note ?? null },
      { principal: access.principal, source: 'entered', now },
    );
    await ctx.audit(tx, request, {
      action: 'letter.progress_entered',
      outcome: 'ok',
      targetType: 'letter',
      targetId: letter.id,
      details: {
        targetKey: target.key,
        indicatorId: target.indicatorId ?? null,
        unitId: letter.recipientUnitId,
        periodKey: params.periodKey,
        value: input.value,
      },
    });
    return (await computeLetterProgress(tx, letter, now)).targets.find((t) => t.key === target.key)!;
  });
};
