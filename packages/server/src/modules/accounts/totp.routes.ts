import { ROLES, confirmTotpRequestSchema, totpSecretSchema } from '@zongzhi/contracts';
import { z } from 'zod';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { confirmTotp } from './confirm-totp';
import { enrollTotp } from './enroll-totp';

export const registerTotpRoutes = (app: ZApp, ctx: AppContext) => {
  app.post(
    '/auth/totp/enroll',
    {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['auth'],
        summary: '开始绑定动态验证码 / Start enrolling a second factor',
        response: { 200: totpSecretSchema },
      },
    },
    (request) => enrollTotp(ctx, request),
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['auth'],
        summary: '确认绑定动态验证码 / Confirm the second factor',
        body: confirmTotpRequestSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await confirmTotp(ctx, request, request.body);
      return { ok: true as const };
    },
  );
};
