/** A message in both languages of the product. Chinese first. */
export type Bilingual = { zh: string; en: string };

export type FieldError = { path: string; message: Bilingual };

export type ErrorSpec = { status: number; message: Bilingual };

/**
 * A typed, expected failure. Each area declares its codes with `defineErrors`, so the
 * status and both messages live in one place per area; the HTTP layer maps any AppError
 * to application/problem+json.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly bilingual: Bilingual;
  readonly fields: FieldError[];

  constructor(code: string, spec: ErrorSpec, fields: FieldError[] = []) {
    super(`${code}: ${spec.message.en}`);
    this.code = code;
    this.status = spec.status;
    this.bilingual = spec.message;
    this.fields = fields;
  }
}

/** Declares an area's error codes; returns a `fail(code, fields?)` that builds the AppError. */
export const defineErrors = <C extends string>(specs: Record<C, ErrorSpec>) => {
  const fail = (code: C, fields: FieldError[] = []) => new AppError(code, specs[code], fields);
  return { specs, fail };
};

export const commonErrors = defineErrors({
  'common.not_found': { status: 404, message: { zh: '记录不存在或不在您的管辖范围内', en: 'Not found' } },
  'common.route_not_found': { status: 404, message: { zh: '接口不存在', en: 'No such endpoint' } },
  'common.validation': {
    status: 400,
    message: { zh: '输入有误，请检查标出的字段', en: 'Invalid input; see the fields listed' },
  },
  'common.conflict': {
    status: 409,
    message: { zh: '数据冲突，记录已存在或已被修改', en: 'Conflict with existing data' },
  },
  'common.unauthenticated': { status: 401, message: { zh: '请先登录', en: 'Authentication required' } },
  'common.forbidden': {
    status: 403,
    message: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  },
  'common.csrf': {
    status: 403,
    message: { zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试', en: 'Missing or invalid CSRF token' },
  },
  'common.payload_too_large': { status: 413, message: { zh: '上传内容过大', en: 'Payload too large' } },
  'common.unsupported_media': {
    status: 415,
    message: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  },
  'common.bad_request': { status: 400, message: { zh: '请求格式不正确', en: 'Malformed request' } },
  'common.internal': {
    status: 500,
    message: { zh: '服务器内部错误，请联系管理员', en: 'Internal server error' },
  },
});

export const notFound = () => commonErrors.fail('common.not_found');
export const conflict = (fields: FieldError[] = []) => commonErrors.fail('common.conflict', fields);
export const invalid = (fields: FieldError[]) => commonErrors.fail('common.validation', fields);
export const field = (path: string, zh: string, en: string): FieldError => ({ path, message: { zh, en } });
