import type {
  AssessmentScheme,
  GradeRef,
  UnitFacts,
  UnitScore,
  WeightedIndicatorScore,
} from './assessment-kinds';
import { gradeFor, vetoGradeOf } from './grade-for';
import { maxPointsOf, scoreIndicator } from './score-indicator';

/** Rounds half away from zero to `decimals` places, so that equal inputs always give the same figure. */
export const roundScore = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  const scaled = Math.round(Math.abs(value) * factor + 1e-9);
  return (Math.sign(value) * scaled) / factor;
};

const gradeRef = (grade: GradeRef | null): GradeRef | null =>
  grade === null ? null : { id: grade.id, name: grade.name, failing: grade.failing };

/**
 * A unit's score for a period under its assessment scheme. Pure and deterministic: the same scheme
 * and facts always give the same result, which names the rulebook id and version used.
 *
 * - Each indicator scores `points` of `maxPoints`; it weighs its `weight`, or, where the source
 *   gives none, its maximum points (so a points-based system adds up its points).
 * - score = `maxScore` × Σ weight × points / maxPoints ÷ Σ weight over the counted indicators,
 *   rounded to the rulebook's `decimals`.
 * - Missing data: `exclude` leaves the indicator out of both sums; `zero` counts it as no points.
 *   Indicators without scoring parameters and veto items never count.
 * - A veto item whose threshold is not met fails the whole assessment: the unit is `vetoed` and
 *   graded the lowest failing grade whatever its score (which is still computed and shown).
 * - No counted indicator with data → score null and no grade (nothing to assess).
 */
export const scoreUnit = (scheme: AssessmentScheme, facts: UnitFacts): UnitScore => {
  const { maxScore, decimals, missingData } = scheme.settings;
  const scores = scheme.indicators.map((indicator) => {
    const score = scoreIndicator(indicator, facts);
    const maxPoints = score.scoring === null ? 0 : maxPointsOf(score.scoring);
    const weight = maxPoints > 0 ? (indicator.weight ?? maxPoints) : 0;
    const counted =
      weight > 0 &&
      (score.status === 'scored' || (score.status === 'missing_data' && missingData === 'zero'));
    return { score, weight: counted ? weight : 0, counted, maxPoints };
  });
  const totalWeight = scores.reduce((sum, s) => sum + s.weight, 0);
  const withData = scores.filter((s) => s.counted && s.score.status === 'scored').length;
  const share = (s: (typeof scores)[number]): number =>
    s.score.status === 'scored' ? (s.score.points ?? 0) / s.maxPoints : 0;

  const indicators: WeightedIndicatorScore[] = scores.map((s) => ({
    ...s.score,
    weight: s.weight,
    counted: s.counted,
    contribution: s.counted ? roundScore((maxScore * s.weight * share(s)) / totalWeight, decimals) : null,
  }));
  const raw = scores.reduce((sum, s) => (s.counted ? sum + s.weight * share(s) : sum), 0);
  const score =
    withData === 0 || totalWeight === 0 ? null : roundScore((maxScore * raw) / totalWeight, decimals);
  const vetoedBy = indicators.filter((i) => i.vetoes).map((i) => i.indicatorId);
  const vetoed = vetoedBy.length > 0;
  const grade = vetoed ? vetoGradeOf(scheme.grades) : score === null ? null : gradeFor(score, scheme.grades);
  return {
    rulebook: { id: scheme.rulebook.id, version: scheme.rulebook.version },
    score,
    maxScore,
    missingData,
    vetoed,
    vetoedBy,
    grade: gradeRef(grade),
    indicatorsWithData: indicators.filter((i) => i.status === 'scored').length,
    indicators,
  };
};
