import { z } from 'zod';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';

export const registerHealthRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: '健康检查 / Health',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await ctx.db.query('SELECT 1');
      return { status: 'ok' as const, db: ctx.db.kind, version: ctx.config.version };
    },
  );
};
