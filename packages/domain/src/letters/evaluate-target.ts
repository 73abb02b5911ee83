import type { LetterTarget, TargetComparator, TargetStatus } from './letter-target';

export type EvaluateTargetInput = {
  target: LetterTarget;
  /** The actual value of the period; null or undefined when nobody holds it yet. */
  actual: number | null | undefined;
  /** The unit's value of the same period a year earlier, for targets with `reference: 'previous_year'`. */
  previousYear?: number | null | undefined;
  /**
   * The rulebook's yellow margin (letters.progress.yellowMarginPercent): a value that misses the
   * threshold by at most this percentage of the threshold is yellow, beyond it red.
   */
  yellowMarginPercent: number;
};

export const compareWithThreshold = (comparator: TargetComparator, actual: number, threshold: number) => {
  switch (comparator) {
    case 'lte':
      return actual <= threshold;
    case 'lt':
      return actual < threshold;
    case 'eq':
      return actual === threshold;
    case 'gte':
      return actual >= threshold;
    case 'gt':
      return actual > threshold;
  }
};

/**
 * Green when the target is met, yellow when a numeric value misses it by no more than the margin,
 * red beyond, 'no_data' without a value. The margin is a share of the threshold, so a threshold
 * of 0 (治安灾害事故 = 0) has no yellow band: any miss is red. A strict comparison (< or >) missed
 * exactly at the threshold is a miss of 0, hence yellow. A qualitative target is met at 1, not at 0.
 */
export const evaluateTarget = ({
  target,
  actual,
  previousYear,
  yellowMarginPercent,
}: EvaluateTargetInput): TargetStatus => {
  if (actual === null || actual === undefined || Number.isNaN(actual)) return 'no_data';
  if (target.kind === 'qualitative') return actual >= 1 ? 'green' : 'red';
  const threshold = target.reference === 'previous_year' ? previousYear : target.threshold;
  if (threshold === null || threshold === undefined) return 'no_data';
  if (compareWithThreshold(target.comparator, actual, threshold)) return 'green';
  const miss = Math.abs(actual - threshold);
  const margin = (Math.abs(threshold) * yellowMarginPercent) / 100;
  // Entered decimals (7.7 − 7) are not exact in binary: compare with a tolerance far below any entry's precision.
  return miss <= margin + 1e-9 ? 'yellow' : 'red';
};
