import {
  countySafetyReportParamsSchema,
  countySafetyReportQuerySchema,
  countySafetyReportSchema,
  fileSafetyReportRequestSchema,
  safetyReportParamsSchema,
  safetyReportSchema,
  safetyReportSummaryQuerySchema,
  safetyReportSummarySchema,
} from '@zongzhi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { exportCountySafetyReportWorkbook } from './export-county-safety-report-workbook';
import { exportSafetyReportSummaryWorkbook } from './export-safety-report-summary-workbook';
import { exportSafetyReportWorkbook } from './export-safety-report-workbook';
import { fileSafetyReport } from './file-safety-report';
import { getCountySafetyReports } from './get-county-safety-reports';
import { getSafetyReport } from './get-safety-report';
import { getSafetyReportSummary } from './get-safety-report-summary';
import { XLSX_MIME_TYPE } from '../../platform/http/content-types';
import { SAFETY_REPORT_FILERS, SAFETY_REPORT_READERS } from './safety-reports-access';

const tags = ['safety-reports'];

const sendWorkbook = (reply: FastifyReply, { workbook, filename }: { workbook: Buffer; filename: string }) =>
  reply
    .header('content-type', XLSX_MIME_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="safety-report.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(workbook);

/** The monthly 平安报表 (seed 004): prefilled figures, the few entered fields, the county view. */
export const registerSafetyReportRoutes = (app: ZApp, ctx: AppContext) => {
  const reader = { config: { access: { roles: SAFETY_REPORT_READERS } } };
  const access = (request: FastifyRequest) => ({ grants: getAccess(request).grants, now: ctx.clock.now() });

  app.get(
    '/safety-reports',
    {
      ...reader,
      schema: {
        tags,
        summary:
          '平安报表汇总（各单位并列，含未报单位）/ All units’ safety reports of a month, with who has not filed',
        querystring: countySafetyReportQuerySchema,
        response: { 200: countySafetyReportSchema },
      },
    },
    async (request) => getCountySafetyReports(ctx.db, access(request), request.query),
  );
  app.get(
    '/safety-reports/summary',
    {
      ...reader,
      schema: {
        tags,
        summary:
          '平安报表期间汇总（按月应报、已报、按时与逾期，合计数字，可下钻到下级单位）/ Safety-report summary of a month, quarter or year, by month and by unit below',
        querystring: safetyReportSummaryQuerySchema,
        response: { 200: safetyReportSummarySchema },
      },
    },
    async (request) => getSafetyReportSummary(ctx.db, access(request), request.query),
  );
  app.get(
    '/safety-reports/summary.xlsx',
    {
      ...reader,
      schema: {
        tags,
        summary: '导出平安报表期间汇总 / Export the safety-report summary of a period as .xlsx',
        querystring: safetyReportSummaryQuerySchema,
      },
    },
    async (request, reply) =>
      sendWorkbook(reply, await exportSafetyReportSummaryWorkbook(ctx.db, access(request), request.query)),
  );
  app.get(
    '/safety-reports/county/:month.xlsx',
    {
      ...reader,
      schema: {
        tags,
        summary: '导出平安报表汇总 / Export the month’s county view as .xlsx',
        params: countySafetyReportParamsSchema,
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        await exportCountySafetyReportWorkbook(ctx.db, access(request), {
          month: request.params.month,
          unitId: request.query.unitId,
        }),
      ),
  );
  app.get(
    '/safety-reports/:unitId/:month',
    {
      ...reader,
      schema: {
        tags,
        summary:
          '单位月度平安报表（已报或预填草稿）/ A unit’s safety report of a month (filed, or a prefilled draft)',
        params: safetyReportParamsSchema,
        response: { 200: safetyReportSchema },
      },
    },
    async (request) => getSafetyReport(ctx.db, access(request), request.params.unitId, request.params.month),
  );
  app.get(
    '/safety-reports/:unitId/:month.xlsx',
    {
      ...reader,
      schema: {
        tags,
        summary: '导出单位月度平安报表 / Export a unit’s safety report of a month as .xlsx',
        params: safetyReportParamsSchema,
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        await exportSafetyReportWorkbook(
          ctx.db,
          access(request),
          request.params.unitId,
          request.params.month,
        ),
      ),
  );
  app.put(
    '/safety-reports/:unitId/:month',
    {
      config: { access: { roles: SAFETY_REPORT_FILERS } },
      schema: {
        tags,
        summary:
          '填报平安报表（只填系统没有的数据；再次填报生成新版本）/ File the safety report (only what the system lacks; re-filing adds a revision)',
        params: safetyReportParamsSchema,
        body: fileSafetyReportRequestSchema,
        response: { 200: safetyReportSchema },
      },
    },
    async (request) =>
      fileSafetyReport(ctx, request, request.params.unitId, request.params.month, request.body),
  );
};
