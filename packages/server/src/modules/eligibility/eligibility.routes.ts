import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';

/** 提拔奖励资格 / eligibility for promotion, award and honours (issue 5 §3). */
export const registerEligibilityRoutes = (_app: ZApp, _ctx: AppContext) => {};
