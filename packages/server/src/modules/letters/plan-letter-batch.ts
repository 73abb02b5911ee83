import type { BatchRequest, BoundPerson, CascadeGap } from '@zongzhi/contracts';
import { type LetterTarget, type LettersRules, checkCascade, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { type FieldError, field, invalid } from '../../platform/errors';
import { bindSignatories, hasSignatory } from './bind-signatories';
import { findTemplateInScope } from './get-letter-template';
import { loadLetterRules } from './letter-rules';
import { assertMayIssueFor, assertUnitInScope } from './letters-access';
import {
  type LetterRow,
  type SkippedUnit,
  type TemplateRow,
  type UnitRef,
  findLetterReceived,
  findRecipientsWithLetter,
  findUnit,
  listCurrentTargets,
  listUnitsByIds,
} from './letters.repository';

export type PlannedRecipient = {
  unit: UnitRef;
  signatories: BoundPerson[];
  cascade: CascadeGap[];
  problems: Omit<SkippedUnit, 'unitId' | 'unitName'>[];
};

export type BatchPlan = {
  template: TemplateRow;
  issuer: UnitRef;
  rules: LettersRules;
  year: number;
  issueDate: string;
  issuerSignatories: BoundPerson[];
  parentLetter: (LetterRow & { targets: LetterTarget[] }) | null;
  recipients: PlannedRecipient[];
};

const MISSING_PRINCIPAL = {
  code: 'missing_principal' as const,
  message: {
    zh: '该单位在发放日期没有第一责任人（请先在责任体系中登记任职），本次不发放',
    en: 'The unit has no principal on the issue date (register the post first); not issued',
  },
};
const ALREADY_HAS_LETTER = {
  code: 'already_has_letter' as const,
  message: {
    zh: '该单位已有本单位发放的当年责任书',
    en: 'The unit already holds a letter from this issuer for the year',
  },
};

/**
 * Everything a batch needs before it is issued, for the preview and for creating it: the template
 * and relationship checked against the issuer's rulebook, the recipients checked (in scope, below
 * the issuer, of a kind the relationship names, open on the date), each party's signatories bound
 * from the registry on the issue date, and the cascade check of the template's targets against the
 * issuer's own letter from its parent for the same year.
 */
export const planLetterBatch = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  input: BatchRequest,
  now: Date,
): Promise<BatchPlan> => {
  const issuer = assertUnitInScope(grants, await findUnit(q, input.issuerUnitId));
  assertMayIssueFor(grants, issuer);
  const template = await findTemplateInScope(q, grants, input.templateId).catch(() => {
    throw invalid([
      field('body.templateId', '模板不存在或不在您的管辖范围内', 'no such template in your scope'),
    ]);
  });
  const issueDate = input.issueDate ?? toChinaDate(now);
  const { rules } = await loadLetterRules(q, issuer, now);
  const errors: FieldError[] = [];
  const relationship = rules.relationships.find((r) => r.id === template.relationshipId);
  if (!relationship)
    errors.push(
      field(
        'body.templateId',
        '模板的签订关系不在规则手册中',
        "the template's relationship is not in the rulebook",
      ),
    );
  else if (!relationship.issuerKinds.includes(issuer.kind))
    errors.push(
      field(
        'body.issuerUnitId',
        '该单位类型不能发放这种责任书',
        'this kind of unit does not issue letters of this relationship',
      ),
    );
  if (template.ownerUnitId !== null && template.ownerUnitId !== issuer.id)
    errors.push(field('body.templateId', '模板属于其他单位', 'the template belongs to another unit'));

  const units = new Map((await listUnitsByIds(q, input.recipientUnitIds)).map((u) => [u.id, u]));
  input.recipientUnitIds.forEach((id, i) => {
    const unit = units.get(id);
    const path = `body.recipientUnitIds.${i}`;
    if (!unit || !isInScope(grants, unit.path) || !unit.path.startsWith(issuer.path) || unit.id === issuer.id)
      errors.push(field(path, '单位不存在或不是发放单位的下级单位', 'no such unit below the issuing unit'));
    else if (relationship && !relationship.recipientKinds.includes(unit.kind))
      errors.push(
        field(
          path,
          '该单位类型不能接收这种责任书',
          'this kind of unit does not receive letters of this relationship',
        ),
      );
    else if (unit.validTo !== null && unit.validTo <= issueDate)
      errors.push(field(path, '该单位在发放日期已撤销', 'the unit was closed on the issue date'));
  });
  if (errors.length > 0) throw invalid(errors);

  const recipientUnits = input.recipientUnitIds.map((id) => units.get(id)!);
  const issuerBound = await bindSignatories(q, [issuer.id], issueDate, rules.signatories.issuer);
  const recipientBound = await bindSignatories(
    q,
    input.recipientUnitIds,
    issueDate,
    rules.signatories.recipient,
  );
  const withLetter = await findRecipientsWithLetter(q, issuer.id, input.year, input.recipientUnitIds);

  const received = await findLetterReceived(q, issuer.id, input.year);
  const parentLetter = received
    ? { ...received, targets: (await listCurrentTargets(q, [received.id])).get(received.id) ?? [] }
    : null;
  const cascade = parentLetter
    ? checkCascade({
        parentTargets: parentLetter.targets,
        children: recipientUnits.map((u) => ({ id: u.id, targets: template.targets as LetterTarget[] })),
      })
    : new Map<number, CascadeGap[]>();

  return {
    template,
    issuer,
    rules,
    year: input.year,
    issueDate,
    issuerSignatories: issuerBound.get(issuer.id) ?? [],
    parentLetter,
    recipients: recipientUnits.map((unit) => {
      const signatories = recipientBound.get(unit.id) ?? [];
      const problems = [
        ...(hasSignatory(signatories) ? [] : [MISSING_PRINCIPAL]),
        ...(withLetter.has(unit.id) ? [ALREADY_HAS_LETTER] : []),
      ];
      return { unit, signatories, cascade: cascade.get(unit.id) ?? [], problems };
    }),
  };
};
