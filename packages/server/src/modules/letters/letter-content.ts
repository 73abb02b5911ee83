import {
  type LetterTarget,
  type LetterVersionContent,
  listPeriods,
  serialiseLetterVersion,
  type TargetPeriod,
} from '@zongzhi/domain';
import { sm3 } from '../../platform/crypto';
import { type FieldError, field } from '../../platform/errors';

/** SM3 of the canonical serialisation: what a signature covers. */
export const hashLetterVersion = (content: LetterVersionContent) => sm3(serialiseLetterVersion(content));

/** Checks a schema cannot express: unique keys, a threshold or a previous-year reference. */
export const checkTargets = (targets: readonly LetterTarget[], path: string): FieldError[] => {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.key)) errors.push(field(`${path}.${i}.key`, '目标编号重复', 'duplicate target key'));
    seen.add(t.key);
    if (t.kind === 'quantitative' && (t.threshold === null) !== (t.reference === 'previous_year'))
      errors.push(
        field(
          `${path}.${i}.threshold`,
          '定量目标须填写目标值，或注明与上年比较（二者取一）',
          'a quantitative target needs a threshold, or a previous-year reference (one of them)',
        ),
      );
  });
  return errors;
};

/** The period keys of a target's cadence within a year: 2026; 2026-H1…; 2026-Q1…; 2026-M01…. */
export const listPeriodKeys = (
  per: TargetPeriod,
  year: number,
): { key: string; start: string; end: string }[] =>
  listPeriods({ cadence: per, from: `${year}-01-01`, to: `${year}-12-31` }).map((p) => ({
    key: p.key,
    start: p.start,
    end: p.end,
  }));

/** The key of the same period a year earlier (2026-Q2 → 2025-Q2). */
export const previousYearKey = (periodKey: string) =>
  `${Number(periodKey.slice(0, 4)) - 1}${periodKey.slice(4)}`;
