import {
  amendLetterRequestSchema,
  batchExportListSchema,
  batchExportParamsSchema,
  batchExportSchema,
  batchPreviewSchema,
  batchRecipientsQuerySchema,
  batchRecipientsResponseSchema,
  batchRequestSchema,
  editLetterRequestSchema,
  enterProgressRequestSchema,
  idParamSchema,
  letterBatchPageSchema,
  letterBatchSchema,
  letterCascadeSchema,
  letterDetailSchema,
  letterPageSchema,
  letterProgressSchema,
  letterRulesQuerySchema,
  letterRulesSchema,
  letterTemplatePageSchema,
  letterTemplateSchema,
  letterVersionDiffSchema,
  letterVersionParamsSchema,
  letterVersionSchema,
  listLetterBatchesQuerySchema,
  listLetterTemplatesQuerySchema,
  listLettersQuerySchema,
  progressImportResponseSchema,
  progressParamsSchema,
  saveLetterTemplateRequestSchema,
  signLetterRequestSchema,
  signingRateQuerySchema,
  signingRateSchema,
  targetProgressSchema,
} from '@zongzhi/contracts';
import type { LetterTarget } from '@zongzhi/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { commonErrors } from '../../platform/errors';
import { XLSX_MIME_TYPE } from '../../platform/http/content-types';
import { amendLetter } from './amend-letter';
import { createLetterBatch } from './create-letter-batch';
import { deleteLetterTemplate } from './delete-letter-template';
import { editLetter } from './edit-letter';
import { enterProgress } from './enter-progress';
import { createBatchExport, downloadBatchExport, getBatchExport, listBatchExports } from './batch-exports';
import { exportLetterDocx, exportLetterPdf } from './export-letter-documents';
import { exportProgressWorkbook } from './export-progress-workbook';
import { getLetter, listLetters } from './get-letter';
import { getLetterBatch, listLetterBatches } from './get-letter-batch';
import { getLetterCascade } from './get-letter-cascade';
import { getLetterProgress } from './get-letter-progress';
import { getLetterRules } from './get-letter-rules';
import { getLetterTemplate } from './get-letter-template';
import { getLetterVersion, getLetterVersionDiff } from './get-letter-version';
import { getSigningRate } from './get-signing-rate';
import { importProgress } from './import-progress';
import { issueLetterBatch } from './issue-letter-batch';
import { LETTER_READERS, LETTER_SIGNERS, LETTER_WRITERS, PROGRESS_WRITERS } from './letters-access';
import { listBatchRecipients } from './list-batch-recipients';
import { listLetterTemplates } from './list-letter-templates';
import { previewLetterBatch } from './preview-letter-batch';
import { recoverLetterBatch } from './recover-letter-batch';
import { createLetterTemplate, updateLetterTemplate } from './save-letter-template';
import { signLetter } from './sign-letter';

const tags = ['letters'];
const read = { access: { roles: LETTER_READERS } };
const write = { access: { roles: LETTER_WRITERS } };

/** 目标管理责任书 / target-responsibility letters (issue 4). */
export const registerLetterRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/letters/rules',
    {
      config: read,
      schema: {
        tags,
        summary: '单位适用的责任书规则（签订关系、签署人、期限、预警区间）/ Letter rules of a unit',
        querystring: letterRulesQuerySchema,
        response: { 200: letterRulesSchema },
      },
    },
    async (request) =>
      getLetterRules(ctx.db, getAccess(request).grants, request.query.unitId, ctx.clock.now()),
  );

  // Templates ------------------------------------------------------------------------------
  app.get(
    '/letter-templates',
    {
      config: read,
      schema: {
        tags,
        summary: '责任书模板 / Letter templates',
        querystring: listLetterTemplatesQuerySchema,
        response: { 200: letterTemplatePageSchema },
      },
    },
    async (request) => listLetterTemplates(ctx.db, getAccess(request).grants, request.query),
  );
  app.get(
    '/letter-templates/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '责任书模板 / One letter template',
        params: idParamSchema,
        response: { 200: letterTemplateSchema },
      },
    },
    async (request) => getLetterTemplate(ctx.db, getAccess(request).grants, request.params.id),
  );
  app.post(
    '/letter-templates',
    {
      config: write,
      schema: {
        tags,
        summary: '新建责任书模板 / Create a letter template',
        body: saveLetterTemplateRequestSchema,
        response: { 201: letterTemplateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createLetterTemplate(ctx, request, {
          ...request.body,
          targets: request.body.targets as LetterTarget[],
        }),
      ),
  );
  app.put(
    '/letter-templates/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改责任书模板 / Update a letter template',
        params: idParamSchema,
        body: saveLetterTemplateRequestSchema,
        response: { 200: letterTemplateSchema },
      },
    },
    async (request) =>
      updateLetterTemplate(ctx, request, request.params.id, {
        ...request.body,
        targets: request.body.targets as LetterTarget[],
      }),
  );
  app.delete(
    '/letter-templates/:id',
    {
      config: write,
      schema: { tags, summary: '删除责任书模板 / Delete a letter template', params: idParamSchema },
    },
    async (request, reply) => {
      await deleteLetterTemplate(ctx, request, request.params.id);
      return reply.status(204).send();
    },
  );

  // Batches --------------------------------------------------------------------------------
  app.get(
    '/letter-batches/recipients',
    {
      config: write,
      schema: {
        tags,
        summary: '可发放的下级单位 / Units the template can be issued to',
        querystring: batchRecipientsQuerySchema,
        response: { 200: batchRecipientsResponseSchema },
      },
    },
    async (request) => listBatchRecipients(ctx.db, getAccess(request).grants, request.query, ctx.clock.now()),
  );
  app.post(
    '/letter-batches/preview',
    {
      config: write,
      schema: {
        tags,
        summary: '批量发放预览：签署人、分解检查 / Preview a batch: signatories and cascade check',
        body: batchRequestSchema,
        response: { 200: batchPreviewSchema },
      },
    },
    async (request) => previewLetterBatch(ctx.db, getAccess(request).grants, request.body, ctx.clock.now()),
  );
  app.post(
    '/letter-batches',
    {
      config: write,
      schema: {
        tags,
        summary: '创建发放批次（草稿）/ Create a batch (draft)',
        body: batchRequestSchema,
        response: { 201: letterBatchSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createLetterBatch(ctx, request, request.body)),
  );
  app.post(
    '/letter-batches/:id/issue',
    {
      config: write,
      schema: {
        tags,
        summary: '发放批次（进度见 GET /letter-batches/:id）/ Issue a batch (poll its progress)',
        params: idParamSchema,
        response: { 200: letterBatchSchema },
      },
    },
    async (request) => issueLetterBatch(ctx, request, request.params.id),
  );
  app.get(
    '/letter-batches',
    {
      config: read,
      schema: {
        tags,
        summary: '发放批次 / Letter batches',
        querystring: listLetterBatchesQuerySchema,
        response: { 200: letterBatchPageSchema },
      },
    },
    async (request) => listLetterBatches(ctx.db, getAccess(request).grants, request.query),
  );
  app.get(
    '/letter-batches/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '发放批次及进度 / A batch and its progress',
        params: idParamSchema,
        response: { 200: letterBatchSchema },
      },
    },
    async (request) => getLetterBatch(ctx.db, getAccess(request).grants, request.params.id),
  );
  app.post(
    '/letter-batches/:id/recover',
    {
      config: write,
      schema: {
        tags,
        summary:
          '重新处理中断的发放（撤回已写入的责任书，标记失败）/ Recover a batch stuck issuing (fail it cleanly)',
        params: idParamSchema,
        response: { 200: letterBatchSchema },
      },
    },
    async (request) => recoverLetterBatch(ctx, request, request.params.id),
  );

  // The batch PDF, rendered in the background (ADR 0009) ---------------------------------------
  app.post(
    '/letter-batches/:id/exports',
    {
      config: read,
      schema: {
        tags,
        summary: '导出批次全部责任书（PDF，后台生成）/ Export all letters of a batch as one PDF (a job)',
        params: idParamSchema,
        response: { 202: batchExportSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await createBatchExport(ctx, request, request.params.id)),
  );
  app.get(
    '/letter-batches/:id/exports',
    {
      config: read,
      schema: {
        tags,
        summary: '批次的导出任务（最新在前）/ Exports of a batch, newest first',
        params: idParamSchema,
        response: { 200: batchExportListSchema },
      },
    },
    async (request) => listBatchExports(ctx.db, getAccess(request).grants, request.params.id),
  );
  app.get(
    '/letter-batches/:id/exports/:jobId',
    {
      config: read,
      schema: {
        tags,
        summary: '导出进度 / Progress of an export',
        params: batchExportParamsSchema,
        response: { 200: batchExportSchema },
      },
    },
    async (request) =>
      getBatchExport(ctx.db, getAccess(request).grants, request.params.id, request.params.jobId),
  );
  app.get(
    '/letter-batches/:id/exports/:jobId/file',
    {
      config: read,
      schema: {
        tags,
        summary: '下载导出的 PDF / Download the exported PDF',
        params: batchExportParamsSchema,
      },
    },
    async (request, reply) =>
      downloadBatchExport(ctx, request, reply, request.params.id, request.params.jobId),
  );

  // Letters --------------------------------------------------------------------------------
  app.get(
    '/letters',
    {
      config: read,
      schema: {
        tags,
        summary: '责任书 / Letters',
        querystring: listLettersQuerySchema,
        response: { 200: letterPageSchema },
      },
    },
    async (request) => listLetters(ctx.db, getAccess(request), request.query),
  );
  app.get(
    '/letters/signing-rate',
    {
      config: read,
      schema: {
        tags,
        summary: '签状率（按单位、层级、总体）及未签名单 / Signing rate and who has not signed',
        querystring: signingRateQuerySchema,
        response: { 200: signingRateSchema },
      },
    },
    async (request) => getSigningRate(ctx.db, getAccess(request).grants, request.query, ctx.clock.now()),
  );
  app.get(
    '/letters/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '责任书 / One letter',
        params: idParamSchema,
        response: { 200: letterDetailSchema },
      },
    },
    async (request) => getLetter(ctx.db, getAccess(request), request.params.id),
  );
  app.patch(
    '/letters/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改未签署的责任书 / Edit a letter nobody has signed',
        params: idParamSchema,
        body: editLetterRequestSchema,
        response: { 200: letterDetailSchema },
      },
    },
    async (request) =>
      editLetter(ctx, request, request.params.id, {
        ...request.body,
        targets: request.body.targets as LetterTarget[] | undefined,
      }),
  );
  app.post(
    '/letters/:id/amendments',
    {
      config: write,
      schema: {
        tags,
        summary: '修订责任书（新版本，须重新签署）/ Amend a letter (new version, signed again)',
        params: idParamSchema,
        body: amendLetterRequestSchema,
        response: { 201: letterDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await amendLetter(ctx, request, request.params.id, {
          ...request.body,
          targets: request.body.targets as LetterTarget[] | undefined,
        }),
      ),
  );
  app.post(
    '/letters/:id/sign',
    {
      config: { access: { roles: LETTER_SIGNERS } },
      schema: {
        tags,
        summary: '签署责任书（动态口令）/ Sign a letter with the one-time code',
        params: idParamSchema,
        body: signLetterRequestSchema,
        response: { 200: letterDetailSchema },
      },
    },
    async (request) => signLetter(ctx, request, request.params.id, request.body.totpCode),
  );
  app.get(
    '/letters/:id/versions/:version',
    {
      config: read,
      schema: {
        tags,
        summary: '责任书的某一版本 / One version of a letter',
        params: letterVersionParamsSchema,
        response: { 200: letterVersionSchema },
      },
    },
    async (request) =>
      getLetterVersion(ctx.db, getAccess(request), request.params.id, request.params.version),
  );
  app.get(
    '/letters/:id/versions/:version/diff',
    {
      config: read,
      schema: {
        tags,
        summary: '版本差异（与上一版本比较）/ What a version changed',
        params: letterVersionParamsSchema,
        response: { 200: letterVersionDiffSchema },
      },
    },
    async (request) =>
      getLetterVersionDiff(ctx.db, getAccess(request), request.params.id, request.params.version),
  );
  app.get(
    '/letters/:id/cascade',
    {
      config: read,
      schema: {
        tags,
        summary: '目标分解检查（对下级责任书）/ Cascade check against the children letters',
        params: idParamSchema,
        response: { 200: letterCascadeSchema },
      },
    },
    async (request) => getLetterCascade(ctx.db, getAccess(request), request.params.id),
  );

  // Progress -------------------------------------------------------------------------------
  app.get(
    '/letters/:id/progress',
    {
      config: read,
      schema: {
        tags,
        summary: '目标进度 / Progress of the targets',
        params: idParamSchema,
        response: { 200: letterProgressSchema },
      },
    },
    async (request) => getLetterProgress(ctx.db, getAccess(request), request.params.id, ctx.clock.now()),
  );
  app.put(
    '/letters/:id/progress/:targetKey/:periodKey',
    {
      config: { access: { roles: PROGRESS_WRITERS } },
      schema: {
        tags,
        summary: '填报目标实际值 / Enter a target value for a period',
        params: progressParamsSchema,
        body: enterProgressRequestSchema,
        response: { 200: targetProgressSchema },
      },
    },
    async (request) => enterProgress(ctx, request, request.params, request.body),
  );
  app.get(
    '/letters/:id/progress.xlsx',
    {
      config: read,
      schema: { tags, summary: '目标进度填报表（Excel）/ Progress workbook', params: idParamSchema },
    },
    async (request, reply) => exportProgressWorkbook(ctx, request, reply, request.params.id),
  );
  // The import takes the workbook as the raw request body, in its own encapsulated scope.
  void app.register(async (scoped) => {
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    r.addContentTypeParser(XLSX_MIME_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    r.post(
      '/letters/:id/progress/import',
      {
        config: { access: { roles: PROGRESS_WRITERS } },
        schema: {
          tags,
          summary: '导入目标进度（Excel，有错则整表不导入）/ Import progress (all or nothing)',
          params: idParamSchema,
          consumes: [XLSX_MIME_TYPE],
          response: { 200: progressImportResponseSchema },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw commonErrors.fail('common.unsupported_media');
        return importProgress(ctx, request, request.params.id, request.body);
      },
    );
  });

  // Documents ------------------------------------------------------------------------------
  app.get(
    '/letters/:id/pdf',
    { config: read, schema: { tags, summary: '责任书 PDF / The letter as PDF', params: idParamSchema } },
    async (request, reply) => exportLetterPdf(ctx, request, reply, request.params.id),
  );
  app.get(
    '/letters/:id/docx',
    {
      config: read,
      schema: { tags, summary: '责任书 DOCX（供编辑）/ The letter as DOCX', params: idParamSchema },
    },
    async (request, reply) => exportLetterDocx(ctx, request, reply, request.params.id),
  );
};
