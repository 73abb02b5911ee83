import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { registerExcelRoutes } from './excel.routes';
import { registerPeopleRoutes } from './people.routes';
import type { RegistryReader } from './registry-access';
import { calculateToday } from './registry-calendar';
import { registerResponsibilityRoutes } from './responsibility.routes';
import { registerUnitRoutes } from './units.routes';

export type ReaderOf = (request: FastifyRequest) => RegistryReader;

/** Units, people, posts, responsibility and the registry workbook, in one encapsulated plugin. */
export const registerRegistryRoutes = (app: ZApp, ctx: AppContext) => {
  const reader: ReaderOf = (request) => ({
    db: ctx.db,
    grants: getAccess(request).grants,
    today: calculateToday(ctx.clock.now()),
  });
  void app.register(async (scoped) => {
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    registerUnitRoutes(r, ctx, reader);
    registerPeopleRoutes(r, ctx, reader);
    registerResponsibilityRoutes(r, reader);
    registerExcelRoutes(r, ctx);
  });
};
