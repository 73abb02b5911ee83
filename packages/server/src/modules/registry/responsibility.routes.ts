import {
  coverageQuerySchema,
  coverageResponseSchema,
  idParamSchema,
  responsibleQuerySchema,
  responsibleResponseSchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import { getCoverage } from './get-coverage';
import { getResponsibleOnDate } from './get-responsible-on-date';
import { PEOPLE_READERS } from './registry-access';
import type { ReaderOf } from './registry.routes';

const tags = ['registry'];

export const registerResponsibilityRoutes = (app: ZApp, reader: ReaderOf) => {
  const read = { config: { access: { roles: PEOPLE_READERS } } };
  app.get(
    '/units/:id/responsible',
    {
      ...read,
      schema: {
        tags,
        summary: '某日责任人 / Who was responsible on a date',
        params: idParamSchema,
        querystring: responsibleQuerySchema,
        response: { 200: responsibleResponseSchema },
      },
    },
    async (request) =>
      getResponsibleOnDate(reader(request), { unitId: request.params.id, date: request.query.date }),
  );
  app.get(
    '/coverage',
    {
      ...read,
      schema: {
        tags,
        summary: '责任覆盖缺口 / Coverage gaps',
        querystring: coverageQuerySchema,
        response: { 200: coverageResponseSchema },
      },
    },
    async (request) => getCoverage(reader(request), request.query),
  );
};
