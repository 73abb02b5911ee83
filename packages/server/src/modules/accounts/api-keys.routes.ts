import {
  apiKeyListSchema,
  createApiKeyRequestSchema,
  createdApiKeySchema,
  idParamSchema,
} from '@zongzhi/contracts';
import { z } from 'zod';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { createApiKey } from './create-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';

const SECADMIN = { roles: ['secadmin'] } as const;

export const registerApiKeyRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/api-keys',
    {
      config: { access: SECADMIN },
      schema: {
        tags: ['security'],
        summary: 'API 密钥列表 / List API keys',
        response: { 200: apiKeyListSchema },
      },
    },
    (request) => listApiKeys(ctx, request),
  );

  app.post(
    '/api-keys',
    {
      config: { access: SECADMIN },
      schema: {
        tags: ['security'],
        summary: '签发 API 密钥（仅显示一次）/ Issue an API key (shown once)',
        body: createApiKeyRequestSchema,
        response: { 201: createdApiKeySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiKey(ctx, request, request.body)),
  );

  app.delete(
    '/api-keys/:id',
    {
      config: { access: SECADMIN },
      schema: {
        tags: ['security'],
        summary: '吊销 API 密钥 / Revoke an API key',
        params: idParamSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await revokeApiKey(ctx, request, request.params.id);
      return { ok: true as const };
    },
  );
};
