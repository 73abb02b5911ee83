import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';

/** 督促检查与整改 / inspections, findings and rectification (issue 5 §1). */
export const registerInspectionRoutes = (_app: ZApp, _ctx: AppContext) => {};
