import {
  ROLES,
  changePasswordRequestSchema,
  loginRequestSchema,
  sessionResponseSchema,
} from '@zongzhi/contracts';
import { z } from 'zod';
import type { ZApp } from '../../app';
import { SESSION_COOKIE, getAccess, loadGrants } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { changePassword } from './change-password';
import { login } from './login';

export const registerAuthRoutes = (app: ZApp, ctx: AppContext) => {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure,
    path: '/',
  };

  app.post(
    '/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: '登录 / Log in',
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return {
        account: result.account,
        grants: result.grants,
        csrfToken: result.csrfToken,
        passwordExpired: result.passwordExpired,
      };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['auth'],
        summary: '当前会话 / Current session',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => {
      const { principal } = getAccess(request);
      const [a] = await ctx.db.query<{
        id: number;
        username: string;
        display_name: string;
        person_id: number | null;
        must_change_password: boolean;
        password_changed_at: Date;
      }>(
        'SELECT id, username, display_name, person_id, must_change_password, password_changed_at FROM accounts WHERE id = $1',
        [principal.accountId ?? -1],
      );
      const ageDays = a ? (ctx.clock.now().getTime() - a.password_changed_at.getTime()) / 86_400_000 : 0;
      return {
        account: a
          ? { id: a.id, username: a.username, displayName: a.display_name, personId: a.person_id }
          : { id: 0, username: principal.username, displayName: principal.username, personId: null },
        grants: a ? await loadGrants(ctx.db, a.id) : principal.grants,
        csrfToken: request.csrfToken ?? '',
        passwordExpired: a ? a.must_change_password || ageDays > ctx.security().passwordMaxAgeDays : false,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['auth'],
        summary: '退出登录 / Log out',
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      const { principal } = getAccess(request);
      if (principal.sessionId) {
        await ctx.db.transaction(async (tx) => {
          await tx.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1', [
            principal.sessionId,
            ctx.clock.now(),
          ]);
          await ctx.audit(tx, request, {
            action: 'security.logout',
            outcome: 'ok',
            targetType: 'account',
            targetId: principal.accountId,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['auth'],
        summary: '修改本人密码 / Change own password',
        body: changePasswordRequestSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await changePassword(ctx, request, request.body);
      return { ok: true as const };
    },
  );
};
