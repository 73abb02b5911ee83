import {
  attachUnitRulebookRequestSchema,
  attachUnitRulebookResponseSchema,
  getRulebookQuerySchema,
  idParamSchema,
  listRulebooksQuerySchema,
  pageOf,
  previewRulebookResponseSchema,
  publishRulebookResponseSchema,
  rulebookDocumentSchema,
  rulebookIdParamSchema,
  rulebookSummarySchema,
  rulebookVersionDetailSchema,
  rulebookVersionsResponseSchema,
  unitRulebookQuerySchema,
  unitRulebookResponseSchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { attachUnitRulebook } from './attach-unit-rulebook';
import { getRulebook } from './get-rulebook';
import { getUnitRulebook } from './get-unit-rulebook';
import { listRulebookVersions } from './list-rulebook-versions';
import { listRulebooks } from './list-rulebooks';
import { previewRulebook } from './preview-rulebook';
import { publishRulebookVersion } from './publish-rulebook-version';
import { RULEBOOK_READERS, RULEBOOK_WRITERS } from './rulebook-access';
import { calculateToday } from './rulebook-dates';

const tags = ['rulebook'];

/** Rulebooks (制度配置): the published versions, publishing, and what applies to a unit. */
export const registerRulebookRoutes = (app: ZApp, ctx: AppContext) => {
  const read = { config: { access: { roles: RULEBOOK_READERS } } };
  const write = { config: { access: { roles: RULEBOOK_WRITERS } } };

  app.get(
    '/rulebooks',
    {
      ...read,
      schema: {
        tags,
        summary: '制度列表 / List rulebooks',
        querystring: listRulebooksQuerySchema,
        response: { 200: pageOf(rulebookSummarySchema) },
      },
    },
    async (request) => listRulebooks(ctx.db, request.query),
  );
  app.get(
    '/rulebooks/:id',
    {
      ...read,
      schema: {
        tags,
        summary: '制度（最新版本或指定版本）/ Rulebook (latest or given version)',
        params: rulebookIdParamSchema,
        querystring: getRulebookQuerySchema,
        response: { 200: rulebookVersionDetailSchema },
      },
    },
    async (request) => getRulebook(ctx.db, request.params.id, request.query.version),
  );
  app.get(
    '/rulebooks/:id/versions',
    {
      ...read,
      schema: {
        tags,
        summary: '制度版本 / Rulebook versions',
        params: rulebookIdParamSchema,
        response: { 200: rulebookVersionsResponseSchema },
      },
    },
    async (request) => listRulebookVersions(ctx.db, request.params.id),
  );
  app.post(
    '/rulebooks/:id/versions',
    {
      ...write,
      schema: {
        tags,
        summary: '发布制度新版本 / Publish a new rulebook version',
        params: rulebookIdParamSchema,
        body: rulebookDocumentSchema,
        response: { 201: publishRulebookResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishRulebookVersion(ctx, request, request.params.id, request.body)),
  );
  app.post(
    '/rulebooks/preview',
    {
      ...write,
      schema: {
        tags,
        summary: '预览制度修改（不发布）/ Preview a rulebook change (not published)',
        body: rulebookDocumentSchema,
        response: { 200: previewRulebookResponseSchema },
      },
    },
    async (request) => previewRulebook(ctx, request.body),
  );
  app.put(
    '/units/:id/rulebook',
    {
      ...write,
      schema: {
        tags,
        summary: '为单位指定制度 / Attach a rulebook to a unit',
        params: idParamSchema,
        body: attachUnitRulebookRequestSchema,
        response: { 200: attachUnitRulebookResponseSchema },
      },
    },
    async (request) => attachUnitRulebook(ctx, request, request.params.id, request.body),
  );
  app.get(
    '/units/:id/rulebook',
    {
      ...read,
      schema: {
        tags,
        summary: '单位适用的制度及出处 / The rulebook that applies to a unit, with sources',
        params: idParamSchema,
        querystring: unitRulebookQuerySchema,
        response: { 200: unitRulebookResponseSchema },
      },
    },
    async (request) =>
      getUnitRulebook(
        ctx.db,
        getAccess(request).grants,
        request.params.id,
        request.query.date ?? calculateToday(ctx.clock.now()),
      ),
  );
};
