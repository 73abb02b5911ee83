import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { renderDocx } from '../../platform/documents/render-docx';
import { renderPdf } from '../../platform/documents/render-pdf';
import { DOCX_MIME_TYPE, PDF_MIME_TYPE } from './letter-mime-types';
import { buildLetterDocument } from './build-letter-document';
import { findLetterInScope } from './get-letter';
import { type LetterRow, findVersion, listSignatures } from './letters.repository';

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
