import {
  eligibilityAnswerSchema,
  eligibilityBatchQuerySchema,
  eligibilityBatchResponseSchema,
  idParamSchema,
  personEligibilityQuerySchema,
  personSanctionsSchema,
  unitEligibilityQuerySchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { ELIGIBILITY_READERS } from './eligibility-access';
import { getPersonSanctions } from './get-person-sanctions';
import { queryEligibility } from './query-eligibility';
import { queryEligibilityBatch } from './query-eligibility-batch';

const tags = ['eligibility'];
const CSV_MIME_TYPE = 'text/csv';
const access = { roles: ELIGIBILITY_READERS };

/** 提拔奖励资格 / eligibility for promotion, award and honours (issue 5 §3). */
export const registerEligibilityRoutes = (app: ZApp, ctx: AppContext) => {
  // The batch takes a CSV upload as the raw request body (text/csv; charset=utf-8).
  app.addContentTypeParser(
    CSV_MIME_TYPE,
    { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/eligibility',
    {
      config: { access },
      schema: {
        tags,
        summary: '人员提拔、奖励、评先资格 / Whether a person may be promoted, awarded or honoured on a date',
        querystring: personEligibilityQuerySchema,
        response: { 200: eligibilityAnswerSchema },
      },
    },
    async (request) =>
      queryEligibility(ctx, request, {
        party: { kind: 'person', id: request.query.person },
        date: request.query.date,
        purpose: request.query.purpose,
      }),
  );
  app.get(
    '/eligibility/units',
    {
      config: { access },
      schema: {
        tags,
        summary: '单位综合性评选资格 / Whether a unit may take part in selections on a date',
        querystring: unitEligibilityQuerySchema,
        response: { 200: eligibilityAnswerSchema },
      },
    },
    async (request) =>
      queryEligibility(ctx, request, {
        party: { kind: 'unit', id: request.query.unit },
        date: request.query.date,
        purpose: request.query.purpose,
      }),
  );
  app.post(
    '/eligibility/batch',
    {
      config: { access },
      schema: {
        tags,
        summary:
          '批量资格查询（JSON 或 CSV 上传；format=csv 下载 CSV）/ Batch eligibility (JSON or CSV upload; format=csv answers CSV)',
        consumes: ['application/json', CSV_MIME_TYPE],
        querystring: eligibilityBatchQuerySchema,
        response: { 200: eligibilityBatchResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await queryEligibilityBatch(ctx, request, request.query);
      if ('json' in result) return result.json;
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="eligibility.csv"; filename*=UTF-8''${encodeURIComponent('资格查询结果.csv')}`,
          )
          // A string payload with its content type set is sent as is (the JSON schema above documents
          // the JSON answer; the type provider only knows that one).
          .send(result.csv as never)
      );
    },
  );
  app.get(
    '/people/:id/sanctions',
    {
      config: { access },
      schema: {
        tags,
        summary: '人员受追究记录与资格限制时间线 / A person’s sanctions and bars over time',
        params: idParamSchema,
        response: { 200: personSanctionsSchema },
      },
    },
    async (request) => getPersonSanctions(ctx, request, request.params.id),
  );
};
