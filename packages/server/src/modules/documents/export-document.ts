import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { renderDocx } from '../../platform/documents/render-docx';
import { renderPdf } from '../../platform/documents/render-pdf';
import { assertInScope } from './documents-access';
import { findOfficialDocument } from './documents.repository';

/** Renders an issued document as PDF or DOCX from its stored content; the export is audited. */
export const exportDocument = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  format: 'pdf' | 'docx',
): Promise<{ buffer: Buffer; number: string; title: string }> => {
  const { grants } = getAccess(request);
  const doc = assertInScope(grants, await findOfficialDocument(ctx.db, id));
  const buffer = format === 'pdf' ? await renderPdf(doc.content) : await renderDocx(doc.content);
  await ctx.db.transaction((tx) =>
    ctx.audit(tx, request, {
      action: 'document.exported',
      outcome: 'ok',
      targetType: 'official_document',
      targetId: id,
      details: { format, number: doc.number, bytes: buffer.length },
    }),
  );
  return { buffer, number: doc.number, title: doc.title };
};
