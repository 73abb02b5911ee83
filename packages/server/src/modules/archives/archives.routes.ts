import { archiveQuerySchema, archiveSchema, dutyReportUploadSchema } from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { ARCHIVE_READERS, ARCHIVE_WRITERS } from './archives-access';
import { exportArchivePdf } from './export-archive-pdf';
import { getArchive } from './get-archive';
import { uploadDutyReport } from './upload-duty-report';

const tags = ['archives'];

/** Performance archives (工作实绩档案, issue 6 §4). */
export const registerArchiveRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/archives',
    {
      config: { access: { roles: ARCHIVE_READERS } },
      schema: {
        tags,
        summary: '工作实绩档案 / A leader’s performance archive for a year',
        querystring: archiveQuerySchema,
        response: { 200: archiveSchema },
      },
    },
    async (request) => getArchive(ctx.db, request, request.query.person, request.query.year),
  );
  app.get(
    '/archives/pdf',
    {
      config: { access: { roles: ARCHIVE_READERS } },
      schema: { tags, summary: '打印实绩档案（PDF）/ The archive as PDF', querystring: archiveQuerySchema },
    },
    async (request, reply) => exportArchivePdf(ctx, request, reply, request.query.person, request.query.year),
  );
  app.put(
    '/archives/duty-report',
    {
      config: { access: { roles: ARCHIVE_WRITERS } },
      schema: {
        tags,
        summary: '上传述职报告 / Upload the duty report (≤ 10 MB)',
        querystring: archiveQuerySchema,
        body: dutyReportUploadSchema,
        response: { 200: archiveSchema },
      },
    },
    async (request) => uploadDutyReport(ctx, request, request.query, request.body),
  );
};
