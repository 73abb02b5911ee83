import {
  documentTemplateKindParamSchema,
  documentTemplateQuerySchema,
  documentTemplateSchema,
  idParamSchema,
  listDocumentsQuerySchema,
  officialDocumentDetailSchema,
  officialDocumentSummarySchema,
  pageOf,
  previewDocumentRequestSchema,
  putDocumentTemplateRequestSchema,
} from '@zongzhi/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { DOCX_MIME_TYPE, PDF_MIME_TYPE } from '../../platform/http/content-types';
import { DOCUMENT_READERS, TEMPLATE_WRITERS } from './documents-access';
import { exportDocument } from './export-document';
import { getDocument } from './get-document';
import { getDocumentTemplate, listDocumentTemplates } from './get-document-templates';
import { listDocuments } from './list-documents';
import { previewDocument } from './preview-document';
import { putDocumentTemplate } from './put-document-template';

const tags = ['documents'];

const sendFile = (
  reply: FastifyReply,
  buffer: Buffer,
  type: string,
  ascii: string,
  name: string,
  inline: boolean,
) =>
  reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(buffer);

const downloadQuery = z.object({
  /** `attachment` for a download; shown inline (in an iframe) by default. */
  download: z.enum(['0', '1']).default('0'),
});

/** 公文（GB/T 9704）编号、模板与下载 / official documents: numbering, templates, download (issue 5 §4). */
export const registerDocumentRoutes = (app: ZApp, ctx: AppContext) => {
  const reader = { config: { access: { roles: DOCUMENT_READERS } } };
  const writer = { config: { access: { roles: TEMPLATE_WRITERS } } };

  app.get(
    '/documents',
    {
      ...reader,
      schema: {
        tags,
        summary: '已印发公文（本辖区）/ Issued official documents of my jurisdiction',
        querystring: listDocumentsQuerySchema,
        response: { 200: pageOf(officialDocumentSummarySchema) },
      },
    },
    async (request) => listDocuments(ctx.db, getAccess(request).grants, request.query),
  );
  app.get(
    '/documents/:id',
    {
      ...reader,
      schema: {
        tags,
        summary: '公文 / One issued document with its content and SM3',
        params: idParamSchema,
        response: { 200: officialDocumentDetailSchema },
      },
    },
    async (request) => getDocument(ctx.db, getAccess(request).grants, request.params.id),
  );
  app.get(
    '/documents/:id/pdf',
    {
      ...reader,
      schema: {
        tags,
        summary: '公文 PDF（审计）/ The document as PDF (audited)',
        params: idParamSchema,
        querystring: downloadQuery,
      },
    },
    async (request, reply) => {
      const f = await exportDocument(ctx, request, request.params.id, 'pdf');
      return sendFile(
        reply,
        f.buffer,
        PDF_MIME_TYPE,
        `document-${request.params.id}.pdf`,
        `${f.number} ${f.title}.pdf`,
        request.query.download === '0',
      );
    },
  );
  app.get(
    '/documents/:id/docx',
    {
      ...reader,
      schema: { tags, summary: '公文 Word（审计）/ The document as DOCX (audited)', params: idParamSchema },
    },
    async (request, reply) => {
      const f = await exportDocument(ctx, request, request.params.id, 'docx');
      return sendFile(
        reply,
        f.buffer,
        DOCX_MIME_TYPE,
        `document-${request.params.id}.docx`,
        `${f.number} ${f.title}.docx`,
        false,
      );
    },
  );
  app.post(
    '/documents/preview',
    {
      ...writer,
      schema: {
        tags,
        summary: '公文预览（不编号、不保存）/ Preview a document as PDF (no number, nothing stored)',
        body: previewDocumentRequestSchema,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await previewDocument(ctx, request, request.body),
        PDF_MIME_TYPE,
        'preview.pdf',
        '公文预览.pdf',
        true,
      ),
  );
  app.get(
    '/document-templates',
    {
      ...reader,
      schema: {
        tags,
        summary: '公文模板（各类，本单位生效的）/ Effective templates of every kind for a unit',
        querystring: documentTemplateQuerySchema,
        response: { 200: z.array(documentTemplateSchema) },
      },
    },
    async (request) => listDocumentTemplates(ctx.db, getAccess(request).grants, request.query.unitId),
  );
  app.get(
    '/document-templates/:kind',
    {
      ...reader,
      schema: {
        tags,
        summary: '公文模板（某类）/ The effective template of a kind for a unit',
        params: documentTemplateKindParamSchema,
        querystring: documentTemplateQuerySchema,
        response: { 200: documentTemplateSchema },
      },
    },
    async (request) =>
      getDocumentTemplate(ctx.db, getAccess(request).grants, request.params.kind, request.query.unitId),
  );
  app.put(
    '/document-templates/:kind',
    {
      ...writer,
      schema: {
        tags,
        summary:
          '保存本单位的公文模板（新版本，下级单位继承）/ Save my unit’s template of a kind (a new version, inherited below)',
        params: documentTemplateKindParamSchema,
        body: putDocumentTemplateRequestSchema,
        response: { 200: documentTemplateSchema },
      },
    },
    async (request) => putDocumentTemplate(ctx, request, request.params.kind, request.body),
  );
};
