import { compareWithThreshold } from '../letters/evaluate-target';
import type { Indicator, IndicatorScoring } from '../rulebook/rulebook.schema';
import type { Comparator, FactValue, IndicatorScore, ThresholdCheck, UnitFacts } from './assessment-kinds';

type Threshold = Indicator['thresholds'][number];

/**
 * The keys of the facts an indicator reads: its computed fact when it names one; otherwise the
 * values entered once per period, keyed as the letters module keys them (`indicator_values`,
 * `buildTargetsFromIndicators`): each threshold's id for a threshold or veto item, the indicator's
 * id for the other methods (a linear value, a count, entered points).
 */
export const indicatorMeasureKeys = (indicator: Indicator): string[] => {
  const usesThresholds = indicator.method === 'threshold' || indicator.method === 'veto_item';
  if (indicator.fact !== undefined) return [indicator.fact];
  if (!usesThresholds) return [indicator.id];
  return indicator.thresholds.map((t) => t.id);
};

const thresholdKey = (indicator: Indicator, threshold: Threshold): string => indicator.fact ?? threshold.id;

const COMPARATOR_SIGNS: Record<Comparator, string> = { lte: '≤', lt: '<', eq: '=', gte: '≥', gt: '>' };

export const maxPointsOf = (scoring: IndicatorScoring): number => {
  switch (scoring.kind) {
    case 'threshold':
      return scoring.pointsMet;
    case 'veto_item':
      return 0;
    case 'linear':
    case 'deduction':
    case 'qualitative':
      return scoring.maxPoints;
  }
};

const describeThresholds = (thresholds: readonly Threshold[]): { zh: string; en: string } => ({
  zh: thresholds
    .map(
      (t) =>
        `${t.measure.zh} ${COMPARATOR_SIGNS[t.comparator]} ${t.value === undefined ? '上年数' : String(t.value)}`,
    )
    .join('，'),
  en: thresholds
    .map(
      (t) =>
        `${t.measure.en} ${COMPARATOR_SIGNS[t.comparator]} ${t.value === undefined ? 'previous year' : String(t.value)}`,
    )
    .join('; '),
});

/** The rule in words, with its parameters (the score page shows it beside the points). */
const describeRule = (indicator: Indicator, scoring: IndicatorScoring): { zh: string; en: string } => {
  const t = describeThresholds(indicator.thresholds);
  switch (scoring.kind) {
    case 'threshold':
      return {
        zh: `全部达标（${t.zh}）得 ${scoring.pointsMet} 分，否则得 ${scoring.pointsNotMet} 分`,
        en: `every threshold met (${t.en}): ${scoring.pointsMet} points, otherwise ${scoring.pointsNotMet}`,
      };
    case 'linear': {
      const better = scoring.direction === 'higher_is_better';
      return {
        zh: `${scoring.lower} 至 ${scoring.upper} 之间按比例计 0–${scoring.maxPoints} 分（${better ? '越高越好' : '越低越好'}），区间外取端点`,
        en: `between ${scoring.lower} and ${scoring.upper} linearly 0–${scoring.maxPoints} points (${better ? 'higher' : 'lower'} is better), clamped outside`,
      };
    }
    case 'deduction':
      return {
        zh: `满分 ${scoring.maxPoints} 分，每发生一次扣 ${scoring.perOccurrence} 分，最低 ${scoring.floor} 分`,
        en: `${scoring.maxPoints} points less ${scoring.perOccurrence} per occurrence, never below ${scoring.floor}`,
      };
    case 'veto_item':
      return {
        zh: `一票否决：任一项未达标（${t.zh}），整个考核不合格`,
        en: `veto item: any threshold not met (${t.en}) fails the whole assessment`,
      };
    case 'qualitative':
      return {
        zh: `由考核机关评定 0–${scoring.maxPoints} 分`,
        en: `points 0–${scoring.maxPoints} entered by the assessing body`,
      };
  }
};

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** An indicator's points without their explanation: what a whole tree's computation stores. */
export type IndicatorOutcome = Pick<IndicatorScore, 'status' | 'reason' | 'points' | 'maxPoints' | 'vetoes'>;

const NO_SCORING: IndicatorOutcome = {
  status: 'not_scored',
  reason: 'no_scoring',
  points: null,
  maxPoints: 0,
  vetoes: false,
};
const NO_THRESHOLDS: IndicatorOutcome = { ...NO_SCORING, reason: 'no_thresholds' };

const missingOutcome = (maxPoints: number): IndicatorOutcome => ({
  status: 'missing_data',
  reason: null,
  points: null,
  maxPoints,
  vetoes: false,
});

const scoredOutcome = (points: number, maxPoints: number, vetoes = false): IndicatorOutcome => ({
  status: 'scored',
  reason: null,
  points,
  maxPoints,
  vetoes,
});

/**
 * Scores one indicator from a unit's facts: the arithmetic of every method, in one place. Both the
 * computation of a whole tree (which stores only the points) and `scoreIndicator` (which explains
 * them) call it, so the points shown are the points stored. `checks`, when given, receives each
 * threshold compared, in order, up to the first one without data.
 *
 * - Missing data (any fact the method needs is absent, or a previous-year value a threshold refers
 *   to) is `missing_data`, never 0 points: the unit's score decides what missing data counts for.
 * - An indicator whose rulebook entry gives no scoring parameters is `not_scored` (the source gives
 *   no points), and so is a threshold or veto item without thresholds.
 * - A threshold or veto item is met only when every one of its thresholds is met.
 */
export const evaluateIndicator = (
  indicator: Indicator,
  facts: UnitFacts,
  checks?: ThresholdCheck[],
): IndicatorOutcome => {
  const scoring = indicator.scoring;
  if (scoring === undefined || scoring === null) return NO_SCORING;
  const maxPoints = maxPointsOf(scoring);
  if (scoring.kind === 'threshold' || scoring.kind === 'veto_item') {
    if (indicator.thresholds.length === 0) return NO_THRESHOLDS;
    let met = true;
    for (const threshold of indicator.thresholds) {
      const key = thresholdKey(indicator, threshold);
      const fact: FactValue | undefined = Object.hasOwn(facts, key) ? facts[key] : undefined;
      if (fact === undefined) return missingOutcome(maxPoints);
      const target = threshold.value ?? fact.previousYear;
      if (target === undefined) return missingOutcome(maxPoints);
      const thresholdMet = compareWithThreshold(threshold.comparator, fact.value, target);
      met &&= thresholdMet;
      checks?.push({
        thresholdId: threshold.id,
        measure: threshold.measure,
        comparator: threshold.comparator,
        target,
        targetFrom: threshold.value === undefined ? 'previous_year' : 'value',
        value: fact.value,
        met: thresholdMet,
      });
    }
    if (scoring.kind === 'veto_item') return scoredOutcome(0, maxPoints, !met);
    return scoredOutcome(met ? scoring.pointsMet : scoring.pointsNotMet, maxPoints);
  }
  const key = indicatorMeasureKeys(indicator)[0];
  const fact = key !== undefined && Object.hasOwn(facts, key) ? facts[key] : undefined;
  if (fact === undefined) return missingOutcome(maxPoints);
  switch (scoring.kind) {
    case 'linear': {
      const share = clamp((fact.value - scoring.lower) / (scoring.upper - scoring.lower), 0, 1);
      return scoredOutcome(
        scoring.maxPoints * (scoring.direction === 'higher_is_better' ? share : 1 - share),
        maxPoints,
      );
    }
    case 'deduction':
      return scoredOutcome(
        Math.max(scoring.floor, scoring.maxPoints - Math.max(0, fact.value) * scoring.perOccurrence),
        maxPoints,
      );
    case 'qualitative':
      return scoredOutcome(clamp(fact.value, 0, scoring.maxPoints), maxPoints);
  }
};

const NO_SCORING_RULE = {
  zh: '来源未给出计分参数，本指标只列示、不计分',
  en: 'the source gives no scoring parameters: shown, not scored',
};

/**
 * Scores one indicator and explains it: the inputs read, each threshold compared, the rule in words
 * with its parameters and its citation, and the points of `evaluateIndicator`.
 */
export const scoreIndicator = (indicator: Indicator, facts: UnitFacts): IndicatorScore => {
  const scoring = indicator.scoring ?? null;
  const checks: ThresholdCheck[] = [];
  const outcome = evaluateIndicator(indicator, facts, checks);
  return {
    indicatorId: indicator.id,
    name: indicator.name,
    method: indicator.method,
    scoring,
    source: scoring?.source ?? indicator.source ?? null,
    ...outcome,
    inputs: indicatorMeasureKeys(indicator).map((key) => ({
      key,
      fact: Object.hasOwn(facts, key) ? facts[key]! : null,
    })),
    checks,
    rule: scoring === null ? NO_SCORING_RULE : describeRule(indicator, scoring),
  };
};
