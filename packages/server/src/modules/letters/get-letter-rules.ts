import type { LetterRules } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertUnitInScope } from './letters-access';
import { findUnit } from './letters.repository';
import { loadLetterRules } from './letter-rules';

/** The letters section of a unit's effective rulebook: relationships, signatories, deadline, yellow band. */
export const getLetterRules = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  unitId: number,
  now: Date,
): Promise<LetterRules> => {
  const unit = assertUnitInScope(grants, await findUnit(q, unitId));
  const { rulebookId, rulebookVersion, rules } = await loadLetterRules(q, unit, now);
  return {
    unitId: unit.id,
    rulebookId,
    rulebookVersion,
    relationships: rules.relationships.map((r) => ({
      id: r.id,
      name: r.name,
      issuerKinds: r.issuerKinds,
      recipientKinds: r.recipientKinds,
    })),
    signatoryRoles: rules.signatories.recipient,
    signingDeadline: { month: rules.signingDeadline.month, day: rules.signingDeadline.day },
    yellowMarginPercent: rules.progress.yellowMarginPercent,
  };
};
