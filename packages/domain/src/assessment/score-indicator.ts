import type { Indicator, IndicatorScoring } from '../rulebook/rulebook.schema';
import type {
  Comparator,
  FactValue,
  IndicatorInput,
  IndicatorScore,
  ThresholdCheck,
  UnitFacts,
} from './assessment-kinds';

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

const compare = (value: number, comparator: Comparator, target: number): boolean => {
  switch (comparator) {
    case 'lte':
      return value <= target;
    case 'lt':
      return value < target;
    case 'eq':
      return value === target;
    case 'gte':
      return value >= target;
    case 'gt':
      return value > target;
  }
};

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

/**
 * Scores one indicator from a unit's facts for a period. Pure and explainable: the result carries
 * the inputs read, each threshold compared, the rule in words with its parameters and its citation.
 *
 * - Missing data (any fact the method needs is absent, or a previous-year value a threshold refers
 *   to) is `missing_data`, never 0 points: the unit's score decides what missing data counts for.
 * - An indicator whose rulebook entry gives no scoring parameters is `not_scored` (the source gives
 *   no points), and so is a threshold or veto item without thresholds.
 * - A threshold or veto item is met only when every one of its thresholds is met.
 */
export const scoreIndicator = (indicator: Indicator, facts: UnitFacts): IndicatorScore => {
  const scoring = indicator.scoring ?? null;
  const base = {
    indicatorId: indicator.id,
    name: indicator.name,
    method: indicator.method,
    scoring,
    source: scoring?.source ?? indicator.source ?? null,
  };
  const inputs: IndicatorInput[] = indicatorMeasureKeys(indicator).map((key) => ({
    key,
    fact: Object.hasOwn(facts, key) ? facts[key]! : null,
  }));
  const notScored = (reason: IndicatorScore['reason'], rule: IndicatorScore['rule']): IndicatorScore => ({
    ...base,
    status: 'not_scored',
    reason,
    inputs,
    checks: [],
    rule,
    points: null,
    maxPoints: 0,
    vetoes: false,
  });
  if (scoring === null)
    return notScored('no_scoring', {
      zh: '来源未给出计分参数，本指标只列示、不计分',
      en: 'the source gives no scoring parameters: shown, not scored',
    });
  const rule = describeRule(indicator, scoring);
  const maxPoints = maxPointsOf(scoring);
  const missing = (checks: ThresholdCheck[] = []): IndicatorScore => ({
    ...base,
    status: 'missing_data',
    reason: null,
    inputs,
    checks,
    rule,
    points: null,
    maxPoints,
    vetoes: false,
  });
  const scored = (points: number, checks: ThresholdCheck[] = [], vetoes = false): IndicatorScore => ({
    ...base,
    status: 'scored',
    reason: null,
    inputs,
    checks,
    rule,
    points,
    maxPoints,
    vetoes,
  });

  if (scoring.kind === 'threshold' || scoring.kind === 'veto_item') {
    if (indicator.thresholds.length === 0) return notScored('no_thresholds', rule);
    const checks: ThresholdCheck[] = [];
    for (const threshold of indicator.thresholds) {
      const key = thresholdKey(indicator, threshold);
      const fact: FactValue | undefined = Object.hasOwn(facts, key) ? facts[key] : undefined;
      if (fact === undefined) return missing(checks);
      const target = threshold.value ?? fact.previousYear;
      if (target === undefined) return missing(checks);
      checks.push({
        thresholdId: threshold.id,
        measure: threshold.measure,
        comparator: threshold.comparator,
        target,
        targetFrom: threshold.value === undefined ? 'previous_year' : 'value',
        value: fact.value,
        met: compare(fact.value, threshold.comparator, target),
      });
    }
    const met = checks.every((c) => c.met);
    if (scoring.kind === 'veto_item') return scored(0, checks, !met);
    return scored(met ? scoring.pointsMet : scoring.pointsNotMet, checks);
  }

  const fact = inputs[0]?.fact ?? null;
  if (fact === null) return missing();
  switch (scoring.kind) {
    case 'linear': {
      const share = clamp((fact.value - scoring.lower) / (scoring.upper - scoring.lower), 0, 1);
      return scored(scoring.maxPoints * (scoring.direction === 'higher_is_better' ? share : 1 - share));
    }
    case 'deduction':
      return scored(
        Math.max(scoring.floor, scoring.maxPoints - Math.max(0, fact.value) * scoring.perOccurrence),
      );
    case 'qualitative':
      return scored(clamp(fact.value, 0, scoring.maxPoints));
  }
};
