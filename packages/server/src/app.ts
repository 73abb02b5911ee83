import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  type ZodTypeProvider,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import { type AuditChainer, createAuditChainer } from './platform/audit/audit-ledger';
import { createAuthenticate, createAuthorize } from './platform/auth/authenticate';
import type { Access, AccessPolicy, Principal } from './platform/auth/principal';
import { type Clock, systemClock } from './platform/clock';
import {
  type AppConfig,
  DEFAULT_SECURITY,
  type SecuritySettings,
  schedulerSettings,
} from './platform/config';
import { type AppContext, createAuditForRequest } from './platform/context';
import type { Mailer } from './platform/mailer';
import { handleError, handleNotFound } from './platform/http/problem';
import { registerModules } from './modules';
import { createAccountabilitySweeper } from './modules/accountability/sweep-accountability';
import { type DutySchedulerOptions, createDutyScheduler } from './modules/duties/duty-scheduler';
import { createDocumentJobWorker } from './modules/letters/document-job-worker';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessPolicy;
  }
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
    access: Access | null;
  }
}

/** A route of the API with the policy it declared; the inventory tests walk. */
export type RouteInfo = { method: string; url: string; access: AccessPolicy };

export type ZApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type BuildAppOptions = {
  db: Database;
  config: AppConfig;
  clock?: Clock;
  logger?: boolean | FastifyBaseLogger | { level: string };
  chainer?: AuditChainer;
  /**
   * Runs the duty scheduler (occurrences and notifications) on a timer while the app is up: on in
   * startServer, off by default so that tests drive `scheduler.tick()` with their fake clock.
   */
  scheduler?: boolean | Pick<DutySchedulerOptions, 'intervalMs' | 'initialDelayMs'>;
  /** Sends email (duty notifications); absent or null: no email. Closed with the app. */
  mailer?: Mailer | null;
};

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
];

export const buildApp = async (options: BuildAppOptions) => {
  const clock = options.clock ?? systemClock;
  const { db, config } = options;
  const logger =
    options.logger === undefined || options.logger === false
      ? false
      : options.logger === true
        ? { level: 'info', redact: REDACT }
        : 'level' in options.logger &&
            typeof options.logger.level === 'string' &&
            !('child' in options.logger)
          ? { level: options.logger.level, redact: REDACT }
          : options.logger;
  const app = Fastify({
    logger: logger as boolean,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: true,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  const chainer =
    options.chainer ?? createAuditChainer(db, (e) => app.log.error({ err: e }, 'audit chaining failed'));
  let security: SecuritySettings = { ...DEFAULT_SECURITY, ...config.security };
  const ctx: AppContext = {
    db,
    clock,
    config,
    chainer,
    mailer: options.mailer ?? null,
    security: () => security,
    setSecurity: (settings) => {
      security = settings;
    },
    audit: createAuditForRequest(clock),
  };
  const stored = await db.query<{ value: Partial<SecuritySettings> }>(
    "SELECT value FROM app_settings WHERE key = 'security'",
  );
  if (stored[0]) security = { ...security, ...stored[0].value };

  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('access', null);

  // Every API route must say who may call it; a forgotten policy fails at start-up, not in production.
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '综治 Zongzhi API',
        version: config.version,
        description: '社会治安综合治理领导责任制平台 API',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zz_session' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get(
    '/api/v1/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  const authenticate = createAuthenticate({ db, clock, security: ctx.security, chainer });
  const authorize = createAuthorize({ db, clock, security: ctx.security, chainer });
  // Who is calling and may they call this route: decided before the body is even parsed, so a
  // forbidden caller gets 403 rather than a validation error, and nobody unauthenticated costs a parse.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1')) return;
    await authenticate(request);
    await authorize(request, reply);
  });
  app.addHook('onResponse', async () => {
    chainer.kick();
  });
  // Records written while no server ran (CLI, a crash) are chained at start; none is left at close.
  app.addHook('onReady', async () => {
    chainer.kick();
  });
  app.addHook('onClose', async () => {
    await chainer.flush().catch((e: unknown) => app.log.error({ err: e }, 'audit chaining at close failed'));
  });

  await app.register(async (api) => registerModules(api.withTypeProvider<ZodTypeProvider>(), ctx), {
    prefix: '/api/v1',
  });

  const dist = config.webDistDir;
  if (dist && existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: dist, wildcard: false });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return handleNotFound(request, reply);
      return reply.sendFile('index.html');
    });
  }
  const schedulers = schedulerSettings(config);
  const scheduler = options.scheduler
    ? createDutyScheduler({
        db,
        clock,
        intervalMs: schedulers.dutyIntervalSeconds * 1000,
        occurrenceInsertChunk: schedulers.occurrenceInsertChunk,
        ...(typeof options.scheduler === 'object' ? options.scheduler : {}),
        onError: (e) => app.log.error({ err: e }, 'duty scheduler tick failed'),
        mailer: ctx.mailer,
        onMailError: (e, notificationId) =>
          app.log.warn({ err: e, notificationId }, 'duty notification email failed'),
      })
    : null;
  if (scheduler) {
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('onClose', async () => scheduler.stop());
    // The accountability escalation sweep runs beside it (off in tests, like the duty scheduler).
    const sweeper = createAccountabilitySweeper({
      db,
      clock,
      intervalMs: schedulers.accountabilitySweepIntervalSeconds * 1000,
      onError: (e) => app.log.error({ err: e }, 'accountability sweep failed'),
    });
    app.addHook('onReady', async () => sweeper.start());
    app.addHook('onClose', async () => sweeper.stop());
    // Background documents (the batch PDF): one worker per process, woken by each new job.
    const documentJobs = createDocumentJobWorker(ctx, {
      onError: (e) => app.log.error({ err: e }, 'document job failed'),
    });
    ctx.documentJobs = documentJobs;
    app.addHook('onReady', async () => documentJobs.start());
    app.addHook('onClose', async () => documentJobs.stop());
  }
  if (ctx.mailer) {
    const mailer = ctx.mailer;
    app.addHook('onClose', async () => mailer.close());
  }
  return { app, ctx, routes, scheduler };
};
