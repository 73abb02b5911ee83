import type { LadderRule } from '../rulebook/rulebook.schema';

export type YearGrade = { year: number; gradeId: string; failing: boolean };

export type ConsecutiveFailingRule = Pick<
  Extract<LadderRule, { kind: 'consecutive_failing_years' }>,
  'id' | 'years' | 'outcome'
>;

export type ConsecutiveFailures = {
  /** The latest year with a result; the streak ends there. null when there is no result. */
  throughYear: number | null;
  /** Failing years in a row up to `throughYear`, oldest first. */
  failingYears: number[];
  /** A proposal of the rule's outcome (e.g. veto) when the streak reaches the rule's years. */
  proposal: { ruleId: string; outcome: ConsecutiveFailingRule['outcome']; years: number[] } | null;
};

/**
 * Consecutive failing years (Zhejiang: 连续两年考核评价不合格 → 一票否决). The streak counts back
 * from the latest year with a result; a passing year, or a calendar year without a result, ends
 * it. A streak longer than the rule's years still proposes (a third failing year is again two in
 * a row); the proposal names the last `years` years. One result per year: a repeated year is an
 * error of the caller (a corrected annual result replaces the old one before it gets here).
 */
export const consecutiveFailures = (
  yearsGrades: readonly YearGrade[],
  rule: ConsecutiveFailingRule,
): ConsecutiveFailures => {
  const byYear = new Map<number, YearGrade>();
  for (const result of yearsGrades) {
    if (byYear.has(result.year)) throw new RangeError(`duplicate assessment year ${result.year}`);
    byYear.set(result.year, result);
  }
  if (byYear.size === 0) return { throughYear: null, failingYears: [], proposal: null };
  const throughYear = Math.max(...byYear.keys());
  const failingYears: number[] = [];
  for (let year = throughYear; byYear.get(year)?.failing === true; year -= 1) failingYears.unshift(year);
  const proposal =
    failingYears.length >= rule.years
      ? { ruleId: rule.id, outcome: rule.outcome, years: failingYears.slice(-rule.years) }
      : null;
  return { throughYear, failingYears, proposal };
};
