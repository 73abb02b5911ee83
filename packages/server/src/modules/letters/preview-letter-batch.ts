import type { BatchPreview, BatchRequest } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { planLetterBatch } from './plan-letter-batch';

/** What issuing would do, without writing: bound people, cascade gaps and problems per recipient. */
export const previewLetterBatch = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  input: BatchRequest,
  now: Date,
): Promise<BatchPreview> => {
  const plan = await planLetterBatch(q, grants, input, now);
  const recipients = plan.recipients.map((r) => ({
    unitId: r.unit.id,
    unitName: r.unit.name,
    unitKind: r.unit.kind,
    signatories: r.signatories,
    cascade: r.cascade,
    problems: r.problems,
    issuable: r.problems.length === 0 && plan.issuerSignatories.length > 0,
  }));
  return {
    templateId: plan.template.id,
    templateName: plan.template.name,
    relationshipId: plan.template.relationshipId,
    issuerUnitId: plan.issuer.id,
    issuerUnitName: plan.issuer.name,
    year: plan.year,
    issueDate: plan.issueDate,
    issuerSignatories: plan.issuerSignatories,
    parentLetter: plan.parentLetter
      ? {
          id: plan.parentLetter.id,
          issuerUnitName: plan.parentLetter.issuerUnitName,
          title: plan.parentLetter.title,
        }
      : null,
    recipients,
    issuableCount: recipients.filter((r) => r.issuable).length,
  };
};
