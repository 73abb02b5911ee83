import type { AdvancedIndividualsRules } from '../rulebook/rulebook.schema';

/** The rulebook parameter the individuals' quota comes from, for messages naming it. */
export const ADVANCED_INDIVIDUALS_FIELD = 'indicators.assessment.advancedIndividuals';

/**
 * 先进个人名额: `percent` of the leaders counted (holders of the rule's roles in the assessed units),
 * rounded per the rulebook. A tolerance keeps 10 % of 30 at exactly 3 despite binary fractions.
 */
export const advancedIndividualPlaces = (
  leaders: number,
  rules: Pick<AdvancedIndividualsRules, 'percent' | 'rounding'>,
): number => {
  const exact = (rules.percent * leaders) / 100;
  switch (rules.rounding) {
    case 'floor':
      return Math.max(0, Math.floor(exact + 1e-9));
    case 'ceil':
      return Math.max(0, Math.ceil(exact - 1e-9));
    case 'round':
      return Math.max(0, Math.round(exact + 1e-9));
  }
};
