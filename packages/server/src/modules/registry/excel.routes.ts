import { registryExportQuerySchema, registryImportResponseSchema } from '@zongzhi/contracts';
import type { FastifyReply } from 'fastify';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { commonErrors } from '../../platform/errors';
import { buildRegistryTemplate } from './build-registry-template';
import { exportRegistry } from './export-registry';
import { importRegistry } from './import-registry';
import { REGISTRY_EXPORTERS, REGISTRY_WRITERS } from './registry-access';
import { calculateToday } from './registry-calendar';
import { XLSX_MIME_TYPE } from './registry-workbook';

const tags = ['registry'];

const sendXlsx = (reply: FastifyReply, name: string, body: Buffer) =>
  reply
    .type(XLSX_MIME_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="registry.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(body);

export const registerExcelRoutes = (app: ZApp, ctx: AppContext) => {
  // The import takes the workbook as the raw request body.
  app.addContentTypeParser(XLSX_MIME_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get(
    '/registry/template.xlsx',
    {
      config: { access: { roles: REGISTRY_WRITERS } },
      schema: { tags, summary: '登记模板 / Registry template' },
    },
    async (_request, reply) => sendXlsx(reply, '责任体系登记模板.xlsx', await buildRegistryTemplate()),
  );
  app.get(
    '/registry/export.xlsx',
    {
      config: { access: { roles: REGISTRY_EXPORTERS } },
      schema: { tags, summary: '导出登记表 / Export registry', querystring: registryExportQuerySchema },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        `责任体系登记表-${calculateToday(ctx.clock.now())}.xlsx`,
        await exportRegistry(ctx, request, request.query),
      ),
  );
  app.post(
    '/registry/import',
    {
      config: { access: { roles: REGISTRY_WRITERS } },
      schema: {
        tags,
        summary: '导入登记表 / Import registry',
        consumes: [XLSX_MIME_TYPE],
        response: { 200: registryImportResponseSchema },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw commonErrors.fail('common.unsupported_media');
      return importRegistry(ctx, request, request.body);
    },
  );
};
