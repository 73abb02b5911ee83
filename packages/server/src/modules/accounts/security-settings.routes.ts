import { securitySettingsSchema } from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { getSecuritySettings } from './get-security-settings';
import { updateSecuritySettings } from './update-security-settings';

export const registerSecuritySettingsRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/security/settings',
    {
      config: { access: { roles: ['secadmin'] } },
      schema: {
        tags: ['security'],
        summary: '安全设置 / Security settings',
        response: { 200: securitySettingsSchema },
      },
    },
    async () => getSecuritySettings(ctx),
  );

  app.put(
    '/security/settings',
    {
      config: { access: { roles: ['secadmin'] } },
      schema: {
        tags: ['security'],
        summary: '修改安全设置 / Change security settings',
        body: securitySettingsSchema,
        response: { 200: securitySettingsSchema },
      },
    },
    (request) => updateSecuritySettings(ctx, request, request.body),
  );
};
