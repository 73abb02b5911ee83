import { z } from 'zod';
import { bilingualSchema, pageOf, pageQuerySchema } from '../common/problem';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, { zh: string; en: string }> = {
  ok: { zh: '成功', en: 'Succeeded' },
  denied: { zh: '拒绝', en: 'Denied' },
  failed: { zh: '失败', en: 'Failed' },
};

/** A date 'YYYY-MM-DD' (a whole day, China time) or an ISO 8601 instant with an offset. */
const instantOrDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, {
    message: 'YYYY-MM-DD or ISO 8601 date-time',
  })
  .refine((s) => !Number.isNaN(Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s)), {
    message: 'not a real date',
  });

/** Filters shared by the list and the export. `to` is exclusive for an instant, inclusive for a date. */
export const auditFilterSchema = z.object({
  from: instantOrDate.optional(),
  to: instantOrDate.optional(),
  /** Part of the actor's user name (case-insensitive). */
  actor: z.string().trim().min(1).max(64).optional(),
  /** An action such as 'unit.created', or a prefix ending in '*' such as 'security.*'. */
  action: z.string().trim().min(1).max(64).optional(),
  outcome: auditOutcomeSchema.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditQuerySchema = auditFilterSchema.extend(pageQuerySchema.shape);
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditRecordSchema = z.object({
  id: z.number().int(),
  /** Position in the hash chain; null until the chainer has linked the record (moments after commit). */
  chainSeq: z.number().int().nullable(),
  occurredAt: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditPageSchema = pageOf(auditRecordSchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

export const AUDIT_BREAK_REASONS = [
  'missing_record',
  'content_altered',
  'hash_mismatch',
  'reordered',
  'link_broken',
] as const;
export const auditBreakReasonSchema = z.enum(AUDIT_BREAK_REASONS);

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  pending: z.number().int(),
  firstBroken: z
    .object({
      chainSeq: z.number().int(),
      id: z.number().int(),
      reason: auditBreakReasonSchema,
      message: bilingualSchema,
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
