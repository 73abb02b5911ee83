import type { Bilingual } from '../units/unit-kinds';

/** How a quantitative target compares the actual value with its threshold. */
export const TARGET_COMPARATORS = ['lte', 'lt', 'eq', 'gte', 'gt'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/** Units of measure of a quantitative target (the rulebook's indicator units). */
export const TARGET_MEASURE_UNITS = ['percent', 'per_10k_population', 'count', 'persons'] as const;
export type TargetMeasureUnit = (typeof TARGET_MEASURE_UNITS)[number];

/** The period a target's value is counted over (a yearly target has one value a year). */
export const TARGET_PERIODS = ['month', 'quarter', 'half_year', 'year'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

export const TARGET_STATUSES = ['green', 'yellow', 'red', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const COMPARATOR_SYMBOLS: Record<TargetComparator, string> = {
  lte: '≤',
  lt: '<',
  eq: '=',
  gte: '≥',
  gt: '>',
};

export const MEASURE_UNIT_LABELS: Record<TargetMeasureUnit, Bilingual> = {
  percent: { zh: '%', en: '%' },
  per_10k_population: { zh: '起/万人', en: 'per 10,000 population' },
  count: { zh: '次（件）', en: 'count' },
  persons: { zh: '人', en: 'persons' },
};

type TargetBase = {
  /** Stable id of the target inside a letter (and across its versions and its children). */
  key: string;
  /** The target's number in its source, e.g. 001's 20 numbered targets. */
  number?: number | null;
  title: string;
  /** Relative weight in the letter's completion (score points where the source gives them). */
  weight: number;
  /** The evidence expected (RULES.md §9: only where the rule wants it); null when none. */
  evidence: string | null;
  /**
   * The key of the parent letter's target this one decomposes (分解). When absent, a target
   * decomposes the parent target with the same key, or — quantitative — the same indicator.
   */
  decomposes?: string | null;
};

export type QuantitativeTarget = TargetBase & {
  kind: 'quantitative';
  /** The measured indicator (shared facts in `indicator_values` are keyed by it). */
  indicatorId: string;
  comparator: TargetComparator;
  /** Absolute threshold; null when the threshold is the unit's own previous-year value. */
  threshold: number | null;
  reference?: 'previous_year' | null;
  unit: TargetMeasureUnit;
  per: TargetPeriod;
};

export type QualitativeTarget = TargetBase & {
  kind: 'qualitative';
  /** A qualitative target may still be tracked as a shared fact of an indicator (value 1 met, 0 not). */
  indicatorId?: string | null;
  per: TargetPeriod;
};

export type LetterTarget = QuantitativeTarget | QualitativeTarget;
