import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import { scopePatterns } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { renderDocx } from '../../platform/documents/render-docx';
import { renderPdf } from '../../platform/documents/render-pdf';
import { DOCX_MIME_TYPE, PDF_MIME_TYPE } from './letter-mime-types';
import { buildLetterDocument } from './build-letter-document';
import { findLetterInScope } from './get-letter';
import { getLetterBatch } from './get-letter-batch';
import { type LetterRow, findVersion, listLetters, listSignatures } from './letters.repository';

const documentOf = async (q: Queryable, letter: LetterRow) =>
  buildLetterDocument({
    letter,
    version: (await findVersion(q, letter.id, letter.currentVersion))!,
    signatures: await listSignatures(q, letter.id, letter.currentVersion),
  });

const send = (reply: FastifyReply, type: string, name: string, ascii: string, body: Buffer) =>
  reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(body);

const audited = async (
  ctx: AppContext,
  request: FastifyRequest,
  target: { type: string; id: number },
  details: Record<string, unknown>,
) =>
  ctx.audit(ctx.db, request, {
    action: `${target.type}.exported`,
    outcome: 'ok',
    targetType: target.type,
    targetId: target.id,
    details,
  });

/** The current version of a letter as a PDF (formal layout, both parties, signature records). */
export const exportLetterPdf = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
) => {
  const letter = await findLetterInScope(ctx.db, getAccess(request), id);
  const pdf = await renderPdf(await documentOf(ctx.db, letter));
  await audited(
    ctx,
    request,
    { type: 'letter', id },
    { format: 'pdf', version: letter.currentVersion, bytes: pdf.length },
  );
  return send(
    reply,
    PDF_MIME_TYPE,
    `${letter.title}-${letter.recipientUnitName}.pdf`,
    `letter-${id}.pdf`,
    pdf,
  );
};

/** The current version as DOCX, for editing the wording before issue. */
export const exportLetterDocx = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
) => {
  const letter = await findLetterInScope(ctx.db, getAccess(request), id);
  const docx = await renderDocx(await documentOf(ctx.db, letter));
  await audited(
    ctx,
    request,
    { type: 'letter', id },
    { format: 'docx', version: letter.currentVersion, bytes: docx.length },
  );
  return send(
    reply,
    DOCX_MIME_TYPE,
    `${letter.title}-${letter.recipientUnitName}.docx`,
    `letter-${id}.docx`,
    docx,
  );
};

/** Every letter of an issued batch in one PDF, each from a new page. */
export const exportBatchPdf = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
) => {
  const access = getAccess(request);
  const batch = await getLetterBatch(ctx.db, access.grants, id);
  const letters: LetterRow[] = [];
  for (let page = 0; ; page += 1) {
    const { items } = await listLetters(ctx.db, {
      scope: scopePatterns(access.grants),
      personId: null,
      batchId: batch.id,
      limit: 500,
      offset: page * 500,
    });
    letters.push(...items);
    if (items.length < 500) break;
  }
  const documents = [];
  for (const letter of letters) documents.push(await documentOf(ctx.db, letter));
  if (documents.length === 0) return reply.status(204).send();
  const pdf = await renderPdf(documents);
  await audited(
    ctx,
    request,
    { type: 'letter_batch', id },
    { format: 'pdf', letters: letters.length, bytes: pdf.length },
  );
  return send(
    reply,
    PDF_MIME_TYPE,
    `${batch.year}年度责任书-${batch.issuerUnitName}.pdf`,
    `letter-batch-${id}.pdf`,
    pdf,
  );
};
