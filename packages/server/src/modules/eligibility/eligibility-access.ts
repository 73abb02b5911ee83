import type { Role } from '@zongzhi/contracts';

// Who may ask (issue 5 §3): the organisation department (组织部门, before promoting or rewarding:
// 提拔奖励征求综治委意见) and the 综治办's operator who answers for the committee. API keys carry one
// of these roles and a unit: the same scope rules apply to them.
export const ELIGIBILITY_READERS = ['orgdept', 'operator'] as const satisfies readonly Role[];
