/**
 * Issues an official document (公文) inside the caller's transaction: allocates the next number of
 * the issuing body for the year, builds the text from the effective template, stores the content
 * with its SM3 hash (immutable afterwards) and audits `document.issued`.
 *
 * Other modules (accountability, letters) import this; it is the only way to issue a number.
 */
import type { OfficialDocumentKindName } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import type { AppContext } from '../../platform/context';
import type { DocumentBlock } from '../../platform/documents/official-document';
import { canonicalJson, sm3 } from '../../platform/crypto';
import { notFound, field, invalid } from '../../platform/errors';
import { formatDocumentNumber } from '../../platform/documents/format';
import { buildDocumentFromTemplate } from './build-document-from-template';
import { allocateNumber, findUnitRef, insertOfficialDocument } from './documents.repository';
import { findEffectiveTemplate } from './effective-template';
import { requireAbbreviation, resolveIssuer } from './resolve-issuer';

export type OfficialDocumentKind = OfficialDocumentKindName;

export type IssueOfficialDocumentInput = {
  kind: OfficialDocumentKind;
  /** The unit the document is about (its scope decides who may read it). */
  subjectUnitId: number;
  /** The unit whose 综治委/综治办 issues it (its effective rulebook gives the body's name and abbreviation). */
  issuerUnitId: number;
  issuerBody: 'office' | 'committee';
  /** 主送机关 without the colon, e.g. '城关镇党委、政府'. */
  addressee: string;
  /**
   * Template placeholders: `{{situation}}`, `{{deadline}}` … (missing ones print visibly as 【期限】).
   * `unitName` defaults to the subject unit's name; `issuerBody`, `issuerName`, `date` are filled in.
   */
  vars: Record<string, string>;
  /** Blocks appended after the template's body (a table of findings …). */
  extraBlocks?: DocumentBlock[];
  /** 成文日期 YYYY-MM-DD; its year is the numbering year. */
  date: string;
  /** What caused it, e.g. 'accountability_step' and the step's id. */
  sourceType: string;
  sourceId: string;
};

export type IssuedOfficialDocument = { id: number; number: string; title: string };

/**
 * Issues the document in `tx` (the caller's transaction). Throws the documents module's 4xx
 * errors (unknown unit, rulebook without `bodies.<body>.abbreviation`, bad date) — the caller's
 * transaction then rolls back as a whole.
 */
export async function issueOfficialDocument(
  tx: Queryable,
  ctx: AppContext,
  request: FastifyRequest,
  input: IssueOfficialDocumentInput,
): Promise<IssuedOfficialDocument> {
  const dateMatch = /^(\d{4})-\d{2}-\d{2}$/.exec(input.date);
  if (!dateMatch || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`)))
    throw invalid([field('body.date', '成文日期格式应为 YYYY-MM-DD', 'the date must be YYYY-MM-DD')]);
  const year = Number(dateMatch[1]);
  const subject = await findUnitRef(tx, input.subjectUnitId);
  const issuerUnit = await findUnitRef(tx, input.issuerUnitId);
  if (!subject || !issuerUnit) throw notFound();
  const issuer = await resolveIssuer(tx, issuerUnit, input.issuerBody, ctx.clock.now());
  const prefix = requireAbbreviation(issuer, input.issuerBody);
  // the template of the issuing unit (its own, an ancestor's or the shipped default)
  const template = await findEffectiveTemplate(tx, input.kind, issuerUnit.path);
  const seq = await allocateNumber(tx, prefix, year);
  const number = formatDocumentNumber(prefix, year, seq);
  const content = buildDocumentFromTemplate({
    kind: input.kind,
    template: template.content,
    issuer: { unitName: issuerUnit.name, bodyName: issuer.bodyName },
    number,
    addressee: input.addressee,
    vars: { unitName: subject.name, ...input.vars },
    extraBlocks: input.extraBlocks,
    date: input.date,
  });
  const contentSm3 = sm3(canonicalJson(content));
  const principal = request.access?.principal ?? request.principal ?? null;
  const id = await insertOfficialDocument(tx, {
    kind: input.kind,
    subjectUnitId: subject.id,
    issuerUnitId: issuerUnit.id,
    issuerBody: input.issuerBody,
    prefix,
    year,
    seq,
    number,
    title: content.title,
    date: input.date,
    content,
    contentSm3,
    templateUnitId: template.unitId,
    templateVersion: template.version,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    createdAt: ctx.clock.now(),
    createdBy: principal?.accountId ?? null,
  });
  await ctx.audit(tx, request, {
    action: 'document.issued',
    outcome: 'ok',
    targetType: 'official_document',
    targetId: id,
    details: {
      kind: input.kind,
      number,
      title: content.title,
      subjectUnitId: subject.id,
      issuerUnitId: issuerUnit.id,
      issuerBody: input.issuerBody,
      rulebook: `${issuer.rulebookId}@${issuer.rulebookVersion}`,
      template: template.origin === 'default' ? 'default' : `${template.unitId}@${template.version}`,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      contentSm3,
    },
  });
  return { id, number, title: content.title };
}
