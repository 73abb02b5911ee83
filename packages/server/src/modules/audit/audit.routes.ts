import { XLSX_MIME_TYPE } from '../../platform/http/content-types';
import {
  auditFilterSchema,
  auditPageSchema,
  auditQuerySchema,
  auditVerifyResultSchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { exportAuditWorkbook } from './export-audit-workbook';
import { listAuditRecords } from './list-audit-records';
import { verifyAuditLedger } from './verify-audit-ledger';

// 三员分立: only the audit admin reads the ledger. There is deliberately no route that writes it.
const AUDIT_READERS = { roles: ['auditadmin'] } as const;

export const registerAuditRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/audit',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: '审计日志 / Audit log (newest first)',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => listAuditRecords(ctx, request.query),
  );

  app.get(
    '/audit/export.xlsx',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: '导出审计日志 / Export the audit log as .xlsx (itself audited)',
        querystring: auditFilterSchema,
      },
    },
    async (request, reply) => {
      const { workbook, filename } = await exportAuditWorkbook(ctx, request, request.query);
      return reply
        .header('content-type', XLSX_MIME_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(workbook);
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链 / Verify the audit hash chain',
        response: { 200: auditVerifyResultSchema },
      },
    },
    async (request) => verifyAuditLedger(ctx, request),
  );
};
