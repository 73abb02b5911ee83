import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { field, invalid } from '../../platform/errors';
import { findTemplateInScope } from './get-letter-template';
import { loadLetterRules } from './letter-rules';
import { assertUnitInScope } from './letters-access';
import { findRecipientsWithLetter, findUnit, listDescendantsOfKinds } from './letters.repository';

/** The units below the issuer of the kinds the template's relationship names (select all = one click). */
export const listBatchRecipients = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: { issuerUnitId: number; templateId: number; year?: number | undefined },
  now: Date,
) => {
  const issuer = assertUnitInScope(grants, await findUnit(q, query.issuerUnitId));
  const template = await findTemplateInScope(q, grants, query.templateId);
  const { rules } = await loadLetterRules(q, issuer, now);
  const relationship = rules.relationships.find((r) => r.id === template.relationshipId);
  if (!relationship)
    throw invalid([
      field(
        'query.templateId',
        '模板的签订关系不在规则手册中',
        "the template's relationship is not in the rulebook",
      ),
    ]);
  const units = (await listDescendantsOfKinds(q, issuer.path, relationship.recipientKinds)).filter((u) =>
    isInScope(grants, u.path),
  );
  const year = query.year ?? Number(toChinaDate(now).slice(0, 4));
  const withLetter = await findRecipientsWithLetter(
    q,
    issuer.id,
    year,
    units.map((u) => u.id),
  );
  return {
    items: units.map((u) => ({
      unitId: u.id,
      name: u.name,
      kind: u.kind,
      path: u.path,
      hasLetter: withLetter.has(u.id),
    })),
  };
};
