import {
  assessmentExplanationSchema,
  assessmentPeriodDetailSchema,
  assessmentPeriodResultsQuerySchema,
  assessmentPeriodSchema,
  assessmentUnitParamSchema,
  assessmentVerificationSchema,
  closeAssessmentResponseSchema,
  correctAssessmentRequestSchema,
  idParamSchema,
  listAssessmentPeriodsQuerySchema,
  openAssessmentPeriodRequestSchema,
} from '@zongzhi/contracts';
import { z } from 'zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { XLSX_MIME_TYPE } from '../../platform/http/content-types';
import { ASSESSMENT_READERS, ASSESSMENT_WRITERS } from './assessment-access';
import { closePeriod } from './close-period';
import { computePeriod } from './compute-period';
import { findUnitNames } from './assessment.repository';
import { correctPeriod } from './correct-period';
import { exportResults } from './export-results';
import { getPeriodResults } from './get-period-results';
import { getUnitExplanation } from './get-unit-explanation';
import { listPeriods } from './list-periods';
import { openPeriod } from './open-period';
import { verifyPeriod } from './verify-period';

const tags = ['assessment'];
const reader = { config: { access: { roles: ASSESSMENT_READERS } } };
const writer = { config: { access: { roles: ASSESSMENT_WRITERS } } };

/** Assessment periods and results (考核评价, issue 6 §1–2). */
export const registerAssessmentRoutes = (app: ZApp, ctx: AppContext) => {
  app.post(
    '/assessments/periods',
    {
      ...writer,
      schema: {
        tags,
        summary: '开设考核期间（冻结适用制度的指标体系）/ Open an assessment period for a subtree',
        body: openAssessmentPeriodRequestSchema,
        response: { 201: assessmentPeriodSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await openPeriod(ctx, request, request.body)),
  );
  app.get(
    '/assessments/periods',
    {
      ...reader,
      schema: {
        tags,
        summary: '考核期间 / Assessment periods I may see',
        querystring: listAssessmentPeriodsQuerySchema,
        response: { 200: z.object({ items: z.array(assessmentPeriodSchema) }) },
      },
    },
    async (request) => listPeriods(ctx.db, getAccess(request).grants, request.query),
  );
  app.get(
    '/assessments/periods/:id',
    {
      ...reader,
      schema: {
        tags,
        summary:
          '考核结果排名表（可按排名组、单位名称筛选并分页）/ The ranking table of a period, filtered and paged',
        params: idParamSchema,
        querystring: assessmentPeriodResultsQuerySchema,
        response: { 200: assessmentPeriodDetailSchema },
      },
    },
    async (request) => getPeriodResults(ctx.db, getAccess(request).grants, request.params.id, request.query),
  );
  app.post(
    '/assessments/periods/:id/compute',
    {
      ...writer,
      schema: {
        tags,
        summary: '计算考核结果 / Compute an open period’s results',
        params: idParamSchema,
        response: { 200: assessmentPeriodDetailSchema },
      },
    },
    async (request) => computePeriod(ctx, request, request.params.id),
  );
  app.get(
    '/assessments/periods/:id/units/:unitId',
    {
      ...reader,
      schema: {
        tags,
        summary: '单位得分说明 / One unit’s score explained down to its facts',
        params: assessmentUnitParamSchema,
        response: { 200: assessmentExplanationSchema },
      },
    },
    async (request) => getUnitExplanation(ctx.db, getAccess(request).grants, request.params),
  );
  app.post(
    '/assessments/periods/:id/verify',
    {
      ...reader,
      schema: {
        tags,
        summary:
          '复核重算：按当前数据重算并与已存结果比对（不保存）/ Re-run and compare with the stored results',
        params: idParamSchema,
        response: { 200: assessmentVerificationSchema },
      },
    },
    async (request) => {
      const verification = await verifyPeriod(ctx, request, request.params.id);
      const names = await findUnitNames(
        ctx.db,
        verification.differences.map((d) => d.unitId),
      );
      return {
        ...verification,
        differences: verification.differences.map((d) => ({ ...d, unitName: names.get(d.unitId) })),
      };
    },
  );
  app.post(
    '/assessments/periods/:id/close',
    {
      ...writer,
      schema: {
        tags,
        summary:
          '关闭（冻结）考核期间；年度不合格单位记入问责 / Close a period; failing units of a year are recorded',
        params: idParamSchema,
        response: { 200: closeAssessmentResponseSchema },
      },
    },
    async (request) => closePeriod(ctx, request, request.params.id),
  );
  app.post(
    '/assessments/periods/:id/corrections',
    {
      ...writer,
      schema: {
        tags,
        summary: '更正已关闭的考核期间（生成新版本）/ Correct a closed period (a new version)',
        params: idParamSchema,
        body: correctAssessmentRequestSchema,
        response: { 201: closeAssessmentResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await correctPeriod(ctx, request, request.params.id, request.body)),
  );
  app.get(
    '/assessments/periods/:id/results.xlsx',
    {
      ...reader,
      schema: { tags, summary: '导出考核结果 / Export the ranking table as .xlsx', params: idParamSchema },
    },
    async (request, reply) => {
      const { workbook, filename } = await exportResults(ctx, request, request.params.id);
      return reply
        .header('content-type', XLSX_MIME_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="assessment.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(workbook);
    },
  );
};
