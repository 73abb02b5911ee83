import type { Rulebook } from '../rulebook/rulebook.schema';
import type { UnitKind } from '../units/unit-kinds';
import type { AssessmentScheme } from './assessment-kinds';

/**
 * What a unit of `unitKind` is scored on under its effective rulebook: the indicators that apply to
 * its kind (an indicator without `who` applies to every kind), the grades and the scoring settings,
 * with the rulebook's id and version so that every result names the rules it was computed under.
 */
export const assessmentSchemeFor = ({
  rulebook,
  unitKind,
}: {
  rulebook: Pick<Rulebook, 'id' | 'version' | 'indicators'>;
  unitKind: UnitKind;
}): AssessmentScheme => {
  const { grades, items, assessment } = rulebook.indicators;
  return {
    rulebook: { id: rulebook.id, version: rulebook.version },
    indicators: items.filter((i) => i.who === undefined || i.who.includes(unitKind)),
    grades,
    settings: {
      maxScore: assessment.maxScore,
      decimals: assessment.decimals,
      missingData: assessment.missingData,
    },
  };
};
