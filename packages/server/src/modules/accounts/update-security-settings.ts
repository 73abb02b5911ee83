import type { SecuritySettingsInput } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { getSecuritySettings } from './get-security-settings';
import { saveSecuritySettings } from './security-settings.repository';

/**
 * The security administrator replaces the settings (bounds checked by the schema). They are stored
 * in app_settings and take effect in this process at once: the next request's idle check, the
 * next login's lockout, the next password's rules.
 */
export const updateSecuritySettings = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: SecuritySettingsInput,
) => {
  const before = getSecuritySettings(ctx);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(input) as (keyof SecuritySettingsInput)[])
    if (JSON.stringify(before[key]) !== JSON.stringify(input[key]))
      changes[key] = { from: before[key], to: input[key] };
  await ctx.db.transaction(async (tx) => {
    await saveSecuritySettings(tx, input, ctx.clock.now());
    await ctx.audit(tx, request, {
      action: 'security.settings_changed',
      outcome: 'ok',
      targetType: 'settings',
      targetId: 'security',
      details: { changes },
    });
  });
  ctx.setSecurity({ ...ctx.security(), ...input });
  return getSecuritySettings(ctx);
};
