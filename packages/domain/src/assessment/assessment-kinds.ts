import type {
  AssessmentSettings,
  Citation,
  Grade,
  Indicator,
  IndicatorScoring,
} from '../rulebook/rulebook.schema';
import type { Bilingual } from '../units/unit-kinds';

/** The rulebook a result was computed under: re-running a closed period with it gives the same result. */
export type RulebookRef = { id: string; version: number };

/** One value of a fact for a unit and a period. */
export type FactValue = {
  value: number;
  /** The unit's own value the year before, for thresholds with `reference: 'previous_year'`. */
  previousYear?: number;
  /** What a rate was computed from (11 of 12 letters signed), shown on the score page. */
  basis?: { numerator: number; denominator: number };
  /** Ids of the records behind the value, for the drill-down from indicator to fact. */
  refs?: readonly string[];
};

/**
 * A unit's facts for one period, by measure key (`indicatorMeasureKeys`): the computed fact's name
 * (`signing_rate`), or for entered values the threshold's id (`criminal-cases-per-10k`) or the
 * indicator's id. A fact without data (a rate with nothing to count) is absent, never 0.
 */
export type UnitFacts = Readonly<Record<string, FactValue>>;

export type IndicatorMethod = Indicator['method'];
export type Comparator = Indicator['thresholds'][number]['comparator'];

export type IndicatorInput = { key: string; fact: FactValue | null };

/** One threshold compared with its value. */
export type ThresholdCheck = {
  thresholdId: string;
  measure: Bilingual;
  comparator: Comparator;
  target: number;
  targetFrom: 'value' | 'previous_year';
  value: number;
  met: boolean;
};

export const INDICATOR_SCORE_STATUSES = ['scored', 'missing_data', 'not_scored'] as const;
export type IndicatorScoreStatus = (typeof INDICATOR_SCORE_STATUSES)[number];

/** Why an indicator is shown but not scored. */
export type NotScoredReason = 'no_scoring' | 'no_thresholds';

/** An indicator's points with everything needed to explain them: inputs, the rule in words, the citation. */
export type IndicatorScore = {
  indicatorId: string;
  name: Bilingual;
  method: IndicatorMethod;
  status: IndicatorScoreStatus;
  reason: NotScoredReason | null;
  inputs: IndicatorInput[];
  checks: ThresholdCheck[];
  /** The rule with its parameters, in both languages. */
  rule: Bilingual;
  scoring: IndicatorScoring | null;
  /** null unless scored; a veto item scores no points. */
  points: number | null;
  /** 0 for a veto item and for an indicator that is not scored. */
  maxPoints: number;
  /** A veto item with a threshold not met: the whole assessment fails. */
  vetoes: boolean;
  /** The citation of the scoring parameters, else of the indicator. */
  source: Citation | null;
};

/** What a unit is scored on: the indicators of its kind from its effective rulebook, and the rulebook's settings. */
export type AssessmentScheme = {
  rulebook: RulebookRef;
  indicators: readonly Indicator[];
  grades: readonly Grade[];
  settings: Pick<AssessmentSettings, 'maxScore' | 'decimals' | 'missingData'>;
};

export type GradeRef = Pick<Grade, 'id' | 'name' | 'failing'>;

export type WeightedIndicatorScore = IndicatorScore & {
  /** The indicator's weight (its `weight`, else its maximum points); 0 when it does not count. */
  weight: number;
  /** Whether it counts in the unit's score (scored, or missing data counted as no points). */
  counted: boolean;
  /** Its points in the unit's score (`maxScore` × weight × points/maxPoints ÷ total weight), rounded. */
  contribution: number | null;
};

export type UnitScore = {
  rulebook: RulebookRef;
  /** Out of `maxScore`, rounded to the rulebook's decimals; null when no counted indicator has data. */
  score: number | null;
  maxScore: number;
  missingData: AssessmentSettings['missingData'];
  vetoed: boolean;
  vetoedBy: string[];
  grade: GradeRef | null;
  /** Indicators scored from data (veto items included): the ranking's minimum-data rule counts these. */
  indicatorsWithData: number;
  indicators: WeightedIndicatorScore[];
};
