import type { Grade } from '../rulebook/rulebook.schema';

/**
 * The grade a score earns: the grade with the highest `minScore` the score reaches (a score equal
 * to a grade's minimum earns it). null when the rulebook has no grades. The rulebook schema
 * guarantees a grade starting at 0, so every non-negative score has one.
 */
export const gradeFor = <G extends Pick<Grade, 'minScore'>>(
  score: number,
  grades: readonly G[],
): G | null => {
  let best: G | null = null;
  for (const grade of grades)
    if (score >= grade.minScore && (best === null || grade.minScore > best.minScore)) best = grade;
  return best;
};

/**
 * The grade of a unit whose assessment a veto item failed (一票否决: the whole assessment fails):
 * the lowest failing grade, or the lowest grade when none is marked failing.
 */
export const vetoGradeOf = <G extends Pick<Grade, 'minScore' | 'failing'>>(
  grades: readonly G[],
): G | null => {
  const failing = grades.filter((g) => g.failing);
  const pool = failing.length > 0 ? failing : grades;
  let lowest: G | null = null;
  for (const grade of pool) if (lowest === null || grade.minScore < lowest.minScore) lowest = grade;
  return lowest;
};
