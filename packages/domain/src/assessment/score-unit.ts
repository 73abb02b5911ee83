import type {
  AssessmentScheme,
  GradeRef,
  UnitFacts,
  UnitScore,
  WeightedIndicatorScore,
} from './assessment-kinds';
import { gradeFor, vetoGradeOf } from './grade-for';
import { type IndicatorOutcome, evaluateIndicator, scoreIndicator } from './score-indicator';

/** Rounds half away from zero to `decimals` places, so that equal inputs always give the same figure. */
export const roundScore = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  const scaled = Math.round(Math.abs(value) * factor + 1e-9);
  return (Math.sign(value) * scaled) / factor;
};

const gradeRef = (grade: GradeRef | null): GradeRef | null =>
  grade === null ? null : { id: grade.id, name: grade.name, failing: grade.failing };

/** A unit's result without the explanation: what the computation of a whole tree stores per unit. */
export type UnitPoints = {
  score: number | null;
  vetoed: boolean;
  grade: GradeRef | null;
  indicatorsWithData: number;
  /** Per indicator of the scheme, in its order: the points, null unless scored. */
  points: (number | null)[];
};

/**
 * The unit's totals from its indicators' outcomes (`evaluateIndicator`): the one place the weights,
 * the missing-data rule, the rounding, the veto and the grade are applied.
 */
const combine = (scheme: AssessmentScheme, outcomes: readonly IndicatorOutcome[]) => {
  const { maxScore, decimals, missingData } = scheme.settings;
  const weights: number[] = [];
  const shares: number[] = [];
  let totalWeight = 0;
  let raw = 0;
  let withData = 0;
  let scoredWithData = 0;
  let vetoed = false;
  outcomes.forEach((outcome, i) => {
    const indicator = scheme.indicators[i]!;
    const weight = outcome.maxPoints > 0 ? (indicator.weight ?? outcome.maxPoints) : 0;
    const counted =
      weight > 0 &&
      (outcome.status === 'scored' || (outcome.status === 'missing_data' && missingData === 'zero'));
    const share = outcome.status === 'scored' ? (outcome.points ?? 0) / outcome.maxPoints : 0;
    weights.push(counted ? weight : 0);
    shares.push(share);
    if (counted) {
      totalWeight += weight;
      raw += weight * share;
      if (outcome.status === 'scored') scoredWithData += 1;
    }
    if (outcome.status === 'scored') withData += 1;
    if (outcome.vetoes) vetoed = true;
  });
  const score =
    scoredWithData === 0 || totalWeight === 0 ? null : roundScore((maxScore * raw) / totalWeight, decimals);
  const grade = vetoed ? vetoGradeOf(scheme.grades) : score === null ? null : gradeFor(score, scheme.grades);
  return {
    score,
    vetoed,
    grade: gradeRef(grade),
    indicatorsWithData: withData,
    weights,
    shares,
    totalWeight,
  };
};

/**
 * A unit's points for a period under its assessment scheme, without the explanation (the whole
 * tree's computation). Equal to `scoreUnit`'s figures by construction: both combine the same
 * `evaluateIndicator` outcomes with the same `combine`.
 */
export const scoreUnitPoints = (scheme: AssessmentScheme, facts: UnitFacts): UnitPoints => {
  const outcomes = scheme.indicators.map((indicator) => evaluateIndicator(indicator, facts));
  const { score, vetoed, grade, indicatorsWithData } = combine(scheme, outcomes);
  return { score, vetoed, grade, indicatorsWithData, points: outcomes.map((o) => o.points) };
};

/**
 * A unit's score for a period under its assessment scheme, explained. Pure and deterministic: the
 * same scheme and facts always give the same result, which names the rulebook id and version used.
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
  const explained = scheme.indicators.map((indicator) => scoreIndicator(indicator, facts));
  const totals = combine(scheme, explained);
  const indicators: WeightedIndicatorScore[] = explained.map((s, i) => {
    const weight = totals.weights[i]!;
    return {
      ...s,
      weight,
      counted: weight > 0,
      contribution:
        weight > 0
          ? roundScore((maxScore * weight * totals.shares[i]!) / totals.totalWeight, decimals)
          : null,
    };
  });
  return {
    rulebook: { id: scheme.rulebook.id, version: scheme.rulebook.version },
    score: totals.score,
    maxScore,
    missingData,
    vetoed: totals.vetoed,
    vetoedBy: indicators.filter((i) => i.vetoes).map((i) => i.indicatorId),
    grade: totals.grade,
    indicatorsWithData: totals.indicatorsWithData,
    indicators,
  };
};
