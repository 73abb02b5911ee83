import {
  closeUnitRequestSchema,
  createUnitRequestSchema,
  idParamSchema,
  listUnitsQuerySchema,
  moveUnitRequestSchema,
  pageOf,
  splitUnitRequestSchema,
  splitUnitResponseSchema,
  unitDetailSchema,
  unitHistoryResponseSchema,
  unitSchema,
  updateUnitRequestSchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { closeUnit } from './close-unit';
import { createUnit } from './create-unit';
import { getUnit } from './get-unit';
import { getUnitHistory } from './get-unit-history';
import { listUnits } from './list-units';
import { moveUnit } from './move-unit';
import { REGISTRY_WRITERS, UNIT_READERS } from './registry-access';
import type { ReaderOf } from './registry.routes';
import { splitUnit } from './split-unit';
import { updateUnit } from './update-unit';

const tags = ['registry'];

export const registerUnitRoutes = (app: ZApp, ctx: AppContext, reader: ReaderOf) => {
  const read = { config: { access: { roles: UNIT_READERS } } };
  const write = { config: { access: { roles: REGISTRY_WRITERS } } };

  app.get(
    '/units',
    {
      ...read,
      schema: {
        tags,
        summary: '单位列表 / List units',
        querystring: listUnitsQuerySchema,
        response: { 200: pageOf(unitSchema) },
      },
    },
    async (request) => listUnits(reader(request), request.query),
  );
  app.get(
    '/units/:id',
    {
      ...read,
      schema: {
        tags,
        summary: '单位详情 / Unit',
        params: idParamSchema,
        response: { 200: unitDetailSchema },
      },
    },
    async (request) => getUnit(reader(request), request.params.id),
  );
  app.get(
    '/units/:id/history',
    {
      ...read,
      schema: {
        tags,
        summary: '单位沿革 / Unit history',
        params: idParamSchema,
        response: { 200: unitHistoryResponseSchema },
      },
    },
    async (request) => getUnitHistory(reader(request), request.params.id),
  );
  app.post(
    '/units',
    {
      ...write,
      schema: {
        tags,
        summary: '新增单位 / Create unit',
        body: createUnitRequestSchema,
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUnit(ctx, request, request.body)),
  );
  app.patch(
    '/units/:id',
    {
      ...write,
      schema: {
        tags,
        summary: '修改单位 / Update unit',
        params: idParamSchema,
        body: updateUnitRequestSchema,
        response: { 200: unitSchema },
      },
    },
    async (request) => updateUnit(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/units/:id/move',
    {
      ...write,
      schema: {
        tags,
        summary: '调整隶属关系 / Move unit',
        params: idParamSchema,
        body: moveUnitRequestSchema,
        response: { 200: unitSchema },
      },
    },
    async (request) => moveUnit(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/units/:id/split',
    {
      ...write,
      schema: {
        tags,
        summary: '拆分单位 / Split unit',
        params: idParamSchema,
        body: splitUnitRequestSchema,
        response: { 200: splitUnitResponseSchema },
      },
    },
    async (request) => splitUnit(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/units/:id/close',
    {
      ...write,
      schema: {
        tags,
        summary: '撤销单位 / Close unit',
        params: idParamSchema,
        body: closeUnitRequestSchema,
        response: { 200: unitSchema },
      },
    },
    async (request) => closeUnit(ctx, request, request.params.id, request.body),
  );
};
