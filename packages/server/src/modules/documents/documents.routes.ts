import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';

/** 公文（GB/T 9704）编号、模板与下载 / official documents: numbering, templates, download (issue 5 §4). */
export const registerDocumentRoutes = (_app: ZApp, _ctx: AppContext) => {};
