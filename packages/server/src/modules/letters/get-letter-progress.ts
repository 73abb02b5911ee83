import type { LetterProgress, TargetProgress } from '@zongzhi/contracts';
import { evaluateTarget, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { Access } from '../../platform/auth/principal';
import { COMPUTED_INDICATORS, isComputedIndicator } from './computed-indicators';
import { findLetterInScope } from './get-letter';
import { listPeriodKeys, previousYearKey } from './letter-content';
import { loadLetterRules } from './letter-rules';
import {
  type LetterRow,
  findUnit,
  findVersion,
  listIndicatorValues,
  listTargetValues,
} from './letters.repository';

/**
 * Each target's value per period of the letter's year and its status (green/yellow/red/no data)
 * by `evaluateTarget` with the rulebook's yellow band. Values come from the system's own facts when
 * the indicator is computed, else from the shared `indicator_values` of the recipient unit (the
 * same figures the assessment reads), else from the letter's own target values.
 */
export const computeLetterProgress = async (
  q: Queryable,
  letter: LetterRow,
  now: Date,
): Promise<LetterProgress> => {
  const version = (await findVersion(q, letter.id, letter.currentVersion))!;
  const recipient = (await findUnit(q, letter.recipientUnitId))!;
  const { rules } = await loadLetterRules(q, recipient, now);
  const margin = rules.progress.yellowMarginPercent;
  const today = toChinaDate(now);
  const indicatorIds = version.targets.flatMap((t) => (t.indicatorId ? [t.indicatorId] : []));
  const allKeys = version.targets.flatMap((t) =>
    listPeriodKeys(t.per, letter.year).flatMap((p) => [p.key, previousYearKey(p.key)]),
  );
  const shared = await listIndicatorValues(q, letter.recipientUnitId, indicatorIds, [...new Set(allKeys)]);
  const own = await listTargetValues(q, letter.id);
  const sharedOf = (id: string, key: string) => shared.find((v) => v.key === id && v.periodKey === key);

  const targets: TargetProgress[] = [];
  for (const target of version.targets) {
    const computed = isComputedIndicator(target.indicatorId);
    const values: TargetProgress['values'] = [];
    for (const period of listPeriodKeys(target.per, letter.year)) {
      const previousYear = target.indicatorId
        ? sharedOf(target.indicatorId, previousYearKey(period.key))?.value
        : null;
      if (computed) {
        const value = await COMPUTED_INDICATORS[target.indicatorId!]!(q, {
          unitId: letter.recipientUnitId,
          year: letter.year,
          period,
          today,
        });
        values.push({
          periodKey: period.key,
          value,
          note: null,
          source: 'computed',
          enteredBy: null,
          enteredAt: null,
          status: evaluateTarget({ target, actual: value, previousYear, yellowMarginPercent: margin }),
        });
        continue;
      }
      const stored = target.indicatorId
        ? sharedOf(target.indicatorId, period.key)
        : own.find((v) => v.key === target.key && v.periodKey === period.key);
      values.push({
        periodKey: period.key,
        value: stored?.value ?? null,
        note: stored?.note ?? null,
        source: stored?.source ?? 'entered',
        enteredBy: stored?.enteredBy ?? null,
        enteredAt: stored?.enteredAt ?? null,
        status: evaluateTarget({ target, actual: stored?.value, previousYear, yellowMarginPercent: margin }),
      });
    }
    const latest = [...values].reverse().find((v) => v.value !== null);
    targets.push({
      key: target.key,
      title: target.title,
      kind: target.kind,
      indicatorId: target.indicatorId ?? null,
      comparator: target.kind === 'quantitative' ? target.comparator : null,
      threshold: target.kind === 'quantitative' ? target.threshold : null,
      unit: target.kind === 'quantitative' ? target.unit : null,
      per: target.per,
      weight: target.weight,
      computed,
      values,
      status: latest?.status ?? 'no_data',
    });
  }
  const counts = { green: 0, yellow: 0, red: 0, no_data: 0 };
  for (const t of targets) counts[t.status] += 1;
  return {
    letterId: letter.id,
    recipientUnitId: letter.recipientUnitId,
    year: letter.year,
    yellowMarginPercent: margin,
    targets,
    counts,
  };
};

export const getLetterProgress = async (q: Queryable, access: Access, id: number, now: Date) =>
  computeLetterProgress(q, await findLetterInScope(q, access, id), now);
