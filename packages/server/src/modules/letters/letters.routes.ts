import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';

/** 目标管理责任书 / target-responsibility letters (issue 4). */
export const registerLetterRoutes = (_app: ZApp, _ctx: AppContext) => {};
