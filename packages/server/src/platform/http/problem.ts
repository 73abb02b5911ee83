import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, commonErrors } from '../errors';

type ZodLikeIssue = {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: unknown;
  origin?: unknown;
  format?: unknown;
  values?: unknown;
  params?: { zh?: unknown };
};

const joinPath = (prefix: string, path: readonly PropertyKey[] | undefined) =>
  [prefix, ...(path ?? []).map(String)].filter((p) => p !== '').join('.');

/** Chinese for a zod issue; the English is zod's own message. */
export const describeIssueZh = (issue: ZodLikeIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message?.includes('received undefined')
        ? '必填'
        : `类型不正确（应为 ${String(issue.expected)}）`;
    case 'too_small':
      return issue.origin === 'string'
        ? `长度不能少于 ${String(issue.minimum)}`
        : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `长度不能超过 ${String(issue.maximum)}`
        : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
    case 'invalid_string':
      return `格式不正确（${String(issue.format ?? '')}）`;
    case 'invalid_value':
    case 'invalid_enum_value':
      return `取值不在允许范围内${Array.isArray(issue.values) ? `：${issue.values.join('、')}` : ''}`;
    case 'unrecognized_keys':
      return '包含不允许的字段';
    case 'custom':
      return typeof issue.params?.zh === 'string' ? issue.params.zh : (issue.message ?? '取值无效');
    default:
      return '取值无效';
  }
};

export const issuesToFieldErrors = (prefix: string, issues: readonly ZodLikeIssue[]): FieldError[] =>
  issues.map((i) => ({
    path: joinPath(prefix, i.path),
    message: { zh: describeIssueZh(i), en: i.message ?? 'Invalid value' },
  }));

const send = (reply: FastifyReply, request: FastifyRequest, err: AppError) =>
  reply.status(err.status).type('application/problem+json').send({
    type: 'about:blank',
    title: err.bilingual.en,
    status: err.status,
    code: err.code,
    detail: err.bilingual.zh,
    message: err.bilingual,
    errors: err.fields,
    requestId: request.id,
  });

/** Maps every error to application/problem+json. Unknown errors are logged and sent as 500 without detail. */
export const handleError = (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
  if (error instanceof AppError) return send(reply, request, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = (error.validationContext ?? '').replace('querystring', 'query');
    const fields = error.validation.map((v) => {
      const issue: ZodLikeIssue = {
        ...(v.params as ZodLikeIssue),
        code: v.keyword,
        message: v.message,
        path: v.instancePath.split('/').filter((p) => p !== ''),
      };
      return issuesToFieldErrors(prefix, [issue])[0]!;
    });
    return send(reply, request, commonErrors.fail('common.validation', fields));
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return send(reply, request, commonErrors.fail('common.payload_too_large'));
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return send(reply, request, commonErrors.fail('common.unsupported_media'));
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return send(
      reply,
      request,
      new AppError('common.bad_request', {
        status: fe.statusCode,
        message: { zh: '请求格式不正确', en: fe.message },
      }),
    );
  // Constraint violations that slipped past validation are the caller's conflict, not our crash.
  const pgCode = (error as { code?: string }).code;
  if (pgCode === '23505') return send(reply, request, commonErrors.fail('common.conflict'));
  if (
    pgCode === '23503' ||
    pgCode === '23514' ||
    pgCode === '22P02' ||
    pgCode === '22007' ||
    pgCode === '22008'
  )
    return send(reply, request, commonErrors.fail('common.validation'));
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, commonErrors.fail('common.internal'));
};

export const handleNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  send(reply, request, commonErrors.fail('common.route_not_found'));
