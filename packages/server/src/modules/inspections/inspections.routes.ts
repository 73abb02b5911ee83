import {
  acceptRectificationRequestSchema,
  closeRectificationRequestSchema,
  createFindingRequestSchema,
  createInspectionPlanRequestSchema,
  createInspectionRequestSchema,
  findingSchema,
  findingsExportQuerySchema,
  findingsImportResponseSchema,
  idParamSchema,
  inspectionDetailSchema,
  inspectionPlanSchema,
  inspectionSchema,
  listInspectionPlansQuerySchema,
  listInspectionsQuerySchema,
  listRectificationsQuerySchema,
  pageOf,
  progressReportRequestSchema,
  rectificationAsOfQuerySchema,
  rectificationDetailSchema,
  rectificationSummaryQuerySchema,
  rectificationSummarySchema,
  rectificationTaskSchema,
  rejectRectificationRequestSchema,
  submitRectificationRequestSchema,
} from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { commonErrors } from '../../platform/errors';
import { XLSX_MIME_TYPE } from '../../platform/http/content-types';
import { acceptRectification } from './accept-rectification';
import { closeRectification } from './close-rectification';
import { createInspection } from './create-inspection';
import { createInspectionPlan } from './create-inspection-plan';
import { exportFindings } from './export-findings';
import { getInspection } from './get-inspection';
import { getInspectionPlan } from './get-inspection-plan';
import { getRectification } from './get-rectification';
import { getRectificationSummary } from './get-rectification-summary';
import { importFindings } from './import-findings';
import { INSPECTION_READERS, INSPECTION_WRITERS, RECTIFICATION_REPORTERS } from './inspections-access';
import { listInspectionPlans } from './list-inspection-plans';
import { listInspections } from './list-inspections';
import { listRectifications } from './list-rectifications';
import { recordFinding } from './record-finding';
import { rejectRectification } from './reject-rectification';
import { reportRectificationProgress } from './report-rectification-progress';
import { submitRectification } from './submit-rectification';

const tags = ['inspections'];

/** 督促检查与整改 / inspections, findings and rectification (issue 5 §1). */
export const registerInspectionRoutes = (app: ZApp, ctx: AppContext) => {
  // ── plans ──
  app.post(
    '/inspection-plans',
    {
      config: { access: { roles: INSPECTION_WRITERS } },
      schema: {
        tags,
        summary: '制定检查计划（自检可由本单位联络员制定）/ Plan inspections',
        body: createInspectionPlanRequestSchema,
        response: { 201: inspectionPlanSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInspectionPlan(ctx, request, request.body)),
  );
  app.get(
    '/inspection-plans',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '检查计划 / Inspection plans of my jurisdiction',
        querystring: listInspectionPlansQuerySchema,
        response: { 200: pageOf(inspectionPlanSchema) },
      },
    },
    async (request) => listInspectionPlans(ctx.db, getAccess(request).grants, request.query),
  );
  app.get(
    '/inspection-plans/:id',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '检查计划 / One plan',
        params: idParamSchema,
        response: { 200: inspectionPlanSchema },
      },
    },
    async (request) => getInspectionPlan(ctx.db, getAccess(request).grants, request.params.id),
  );

  // ── inspections and findings ──
  app.post(
    '/inspections',
    {
      config: { access: { roles: INSPECTION_WRITERS } },
      schema: {
        tags,
        summary: '登记一次检查（含复查）/ Record an inspection (or a re-inspection)',
        body: createInspectionRequestSchema,
        response: { 201: inspectionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInspection(ctx, request, request.body)),
  );
  app.get(
    '/inspections',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '检查记录 / Inspections of my jurisdiction',
        querystring: listInspectionsQuerySchema,
        response: { 200: pageOf(inspectionSchema) },
      },
    },
    async (request) => listInspections(ctx.db, getAccess(request).grants, request.query),
  );
  app.get(
    '/inspections/:id',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '检查记录及问题清单 / An inspection with its findings',
        params: idParamSchema,
        response: { 200: inspectionDetailSchema },
      },
    },
    async (request) => getInspection(ctx.db, getAccess(request).grants, request.params.id, ctx.clock.now()),
  );
  app.post(
    '/inspections/:id/findings',
    {
      config: { access: { roles: INSPECTION_WRITERS } },
      schema: {
        tags,
        summary: '登记问题并下达整改任务 / Record a finding and issue its rectification',
        params: idParamSchema,
        body: createFindingRequestSchema,
        response: { 201: findingSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordFinding(ctx, request, request.params.id, request.body)),
  );
  // The import takes the workbook as the raw request body, in its own encapsulated scope.
  void app.register(async (scoped) => {
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    r.addContentTypeParser(XLSX_MIME_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    r.post(
      '/inspections/:id/findings/import',
      {
        config: { access: { roles: INSPECTION_WRITERS } },
        schema: {
          tags,
          summary: '从 Excel 导入问题清单（有错则整批不导入）/ Import findings from Excel (all or nothing)',
          params: idParamSchema,
          consumes: [XLSX_MIME_TYPE],
          response: { 201: findingsImportResponseSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw commonErrors.fail('common.unsupported_media');
        return reply.status(201).send(await importFindings(ctx, request, request.params.id, request.body));
      },
    );
  });
  app.get(
    '/findings.xlsx',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '导出单位（含下级）问题清单 / Export the findings of a unit subtree',
        querystring: findingsExportQuerySchema,
      },
    },
    async (request, reply) => {
      const body = await exportFindings(ctx, request, request.query);
      const name = `问题清单-${toChinaDate(ctx.clock.now())}.xlsx`;
      return reply
        .type(XLSX_MIME_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="findings.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(body);
    },
  );

  // ── rectification ──
  app.get(
    '/rectifications',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '整改跟踪（逾期在前）/ Rectification tracker, overdue first',
        querystring: listRectificationsQuerySchema,
        response: { 200: pageOf(rectificationTaskSchema) },
      },
    },
    async (request) => listRectifications(ctx.db, getAccess(request).grants, request.query, ctx.clock.now()),
  );
  app.get(
    '/rectifications/summary',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '整改情况汇总（按下级单位）/ Rectification counts per child unit',
        querystring: rectificationSummaryQuerySchema,
        response: { 200: rectificationSummarySchema },
      },
    },
    async (request) =>
      getRectificationSummary(ctx.db, getAccess(request).grants, request.query, ctx.clock.now()),
  );
  app.get(
    '/rectifications/:id',
    {
      config: { access: { roles: INSPECTION_READERS } },
      schema: {
        tags,
        summary: '整改任务 / One rectification task',
        params: idParamSchema,
        querystring: rectificationAsOfQuerySchema,
        response: { 200: rectificationDetailSchema },
      },
    },
    async (request) =>
      getRectification(ctx.db, getAccess(request).grants, request.params.id, request.query, ctx.clock.now()),
  );
  const change = [
    [
      'progress',
      '报告整改进展 / Report progress',
      progressReportRequestSchema,
      RECTIFICATION_REPORTERS,
      reportRectificationProgress,
    ],
    [
      'submit',
      '整改完成，申请验收 / Submit for acceptance',
      submitRectificationRequestSchema,
      RECTIFICATION_REPORTERS,
      submitRectification,
    ],
    [
      'accept',
      '验收合格 / Accept',
      acceptRectificationRequestSchema,
      INSPECTION_WRITERS,
      acceptRectification,
    ],
    [
      'reject',
      '验收不合格，退回重新整改 / Reject and send back',
      rejectRectificationRequestSchema,
      INSPECTION_WRITERS,
      rejectRectification,
    ],
    ['close', '销号 / Close', closeRectificationRequestSchema, INSPECTION_WRITERS, closeRectification],
  ] as const;
  for (const [path, summary, body, roles, useCase] of change)
    app.post(
      `/rectifications/:id/${path}`,
      {
        config: { access: { roles } },
        schema: { tags, summary, params: idParamSchema, body, response: { 200: rectificationDetailSchema } },
      },
      // biome-ignore lint/suspicious/noExplicitAny: each body schema matches its use case's input (the tuple pairs them)
      async (request) => useCase(ctx, request, request.params.id, request.body as any),
    );
};
