import type { ZApp } from '../app';
import type { AppContext } from '../platform/context';
import { registerAuthRoutes } from './auth/auth.routes';
import { registerHealthRoutes } from './health/health.routes';

/** Every area's routes, mounted under /api/v1. Add a line per area. */
export const registerModules = async (app: ZApp, ctx: AppContext) => {
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
};
