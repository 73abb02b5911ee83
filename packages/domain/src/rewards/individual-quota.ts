import { advancedPlaces } from '../assessment/select-advanced';
import type { AdvancedIndividualsRules } from '../rulebook/rulebook.schema';

/** The rulebook parameter the individuals' quota comes from, for messages naming it. */
export const ADVANCED_INDIVIDUALS_FIELD = 'indicators.assessment.advancedIndividuals';

/**
 * 先进个人名额: `percent` of the leaders counted (holders of the rule's roles in the assessed units),
 * rounded per the rulebook, as the units' places are (`advancedPlaces`: 10 % of 30 is exactly 3).
 */
export const advancedIndividualPlaces = (
  leaders: number,
  rules: Pick<AdvancedIndividualsRules, 'percent' | 'rounding'>,
): number => advancedPlaces(leaders, { quotaPercent: rules.percent, rounding: rules.rounding });
