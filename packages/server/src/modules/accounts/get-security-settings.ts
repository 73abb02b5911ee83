import type { SecuritySettingsInput } from '@zongzhi/contracts';
import type { AppContext } from '../../platform/context';

export const getSecuritySettings = (ctx: AppContext): SecuritySettingsInput => {
  const s = ctx.security();
  return {
    idleTimeoutMinutes: s.idleTimeoutMinutes,
    lockoutThreshold: s.lockoutThreshold,
    lockoutMinutes: s.lockoutMinutes,
    passwordMinLength: s.passwordMinLength,
    passwordMaxAgeDays: s.passwordMaxAgeDays,
    totpRequiredRoles: [...s.totpRequiredRoles],
  };
};
