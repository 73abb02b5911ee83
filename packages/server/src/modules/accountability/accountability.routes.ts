import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';

/** 责任追究案件与阶梯 / accountability cases and the ladder (issue 5 §2). */
export const registerAccountabilityRoutes = (_app: ZApp, _ctx: AppContext) => {};
