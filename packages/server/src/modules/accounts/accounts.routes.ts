import {
  accountListQuerySchema,
  accountListSchema,
  accountSchema,
  createAccountRequestSchema,
  grantRoleRequestSchema,
  idParamSchema,
  resetPasswordRequestSchema,
  roleAssignmentParamsSchema,
  totpSecretSchema,
  updateAccountRequestSchema,
} from '@zongzhi/contracts';
import { z } from 'zod';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { registerApiKeyRoutes } from './api-keys.routes';
import { createAccount } from './create-account';
import { getAccount } from './get-account';
import { grantRole } from './grant-role';
import { listAccounts } from './list-accounts';
import { resetPassword } from './reset-password';
import { resetTotp } from './reset-totp';
import { revokeRole } from './revoke-role';
import { registerSecuritySettingsRoutes } from './security-settings.routes';
import { registerTotpRoutes } from './totp.routes';
import { unlockAccount } from './unlock-account';
import { updateAccount } from './update-account';

// 三员分立: the system administrator decides that an account exists; the security administrator
// decides what it may do. Neither does the other's work, and the audit administrator does neither.
const ACCOUNT_READERS = { roles: ['sysadmin', 'secadmin'] } as const;
const SYSADMIN = { roles: ['sysadmin'] } as const;
const SECADMIN = { roles: ['secadmin'] } as const;
const ok = z.object({ ok: z.literal(true) });

export const registerAccountsRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/accounts',
    {
      config: { access: ACCOUNT_READERS },
      schema: {
        tags: ['accounts'],
        summary: '账户列表 / List accounts',
        querystring: accountListQuerySchema,
        response: { 200: accountListSchema },
      },
    },
    (request) => listAccounts(ctx, request, request.query),
  );

  app.get(
    '/accounts/:id',
    {
      config: { access: ACCOUNT_READERS },
      schema: {
        tags: ['accounts'],
        summary: '账户详情 / Account',
        params: idParamSchema,
        response: { 200: accountSchema },
      },
    },
    (request) => getAccount(ctx, request, request.params.id),
  );

  app.post(
    '/accounts',
    {
      config: { access: SYSADMIN },
      schema: {
        tags: ['accounts'],
        summary: '创建账户 / Create an account',
        body: createAccountRequestSchema,
        response: { 201: accountSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAccount(ctx, request, request.body)),
  );

  app.patch(
    '/accounts/:id',
    {
      config: { access: SYSADMIN },
      schema: {
        tags: ['accounts'],
        summary: '修改、停用或启用账户 / Rename, disable or enable an account',
        params: idParamSchema,
        body: updateAccountRequestSchema,
        response: { 200: accountSchema },
      },
    },
    (request) => updateAccount(ctx, request, request.params.id, request.body),
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      config: { access: SYSADMIN },
      schema: {
        tags: ['accounts'],
        summary: '重置密码 / Reset a password',
        params: idParamSchema,
        body: resetPasswordRequestSchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      await resetPassword(ctx, request, request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/accounts/:id/roles',
    {
      config: { access: SECADMIN },
      schema: {
        tags: ['accounts'],
        summary: '授予角色 / Grant a role',
        params: idParamSchema,
        body: grantRoleRequestSchema,
        response: { 200: accountSchema },
      },
    },
    (request) => grantRole(ctx, request, request.params.id, request.body),
  );

  app.delete(
    '/accounts/:id/roles/:assignmentId',
    {
      config: { access: SECADMIN },
      schema: {
        tags: ['accounts'],
        summary: '收回角色 / Revoke a role',
        params: roleAssignmentParamsSchema,
        response: { 200: accountSchema },
      },
    },
    (request) => revokeRole(ctx, request, request.params.id, request.params.assignmentId),
  );

  app.post(
    '/accounts/:id/unlock',
    {
      config: { access: SECADMIN },
      schema: {
        tags: ['accounts'],
        summary: '解除锁定 / Unlock',
        params: idParamSchema,
        response: { 200: accountSchema },
      },
    },
    (request) => unlockAccount(ctx, request, request.params.id),
  );

  app.post(
    '/accounts/:id/reset-totp',
    {
      config: { access: SECADMIN },
      schema: {
        tags: ['accounts'],
        summary: '重置动态验证码 / Reset the second factor',
        params: idParamSchema,
        response: { 200: totpSecretSchema },
      },
    },
    (request) => resetTotp(ctx, request, request.params.id),
  );

  registerTotpRoutes(app, ctx);
  registerSecuritySettingsRoutes(app, ctx);
  registerApiKeyRoutes(app, ctx);
};
