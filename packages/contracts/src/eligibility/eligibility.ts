import {
  ACCOUNTABILITY_STEPS,
  BAR_KINDS,
  ELIGIBILITY_PURPOSES,
  PARTY_KINDS,
  RESPONSIBILITY_ROLES,
} from '@zongzhi/domain';
import { z } from 'zod';
import { isoDateSchema } from '../common/problem';

// 提拔奖励征求综治委意见 (issue 5 §3): eligibility of a person or unit for promotion, award or
// honour on a date, with every bar that answers "no".

export const eligibilityPurposeSchema = z.enum(ELIGIBILITY_PURPOSES);
export type EligibilityPurposeValue = z.infer<typeof eligibilityPurposeSchema>;
export const barKindSchema = z.enum(BAR_KINDS);
export const partyKindSchema = z.enum(PARTY_KINDS);

const positiveId = z.coerce.number().int().positive();

/** GET /eligibility?person=&date=&purpose= — `date` defaults to today (China time). */
export const personEligibilityQuerySchema = z.object({
  person: positiveId,
  date: isoDateSchema.optional(),
  purpose: eligibilityPurposeSchema,
});
export type PersonEligibilityQuery = z.infer<typeof personEligibilityQuerySchema>;

/** GET /eligibility/units?unit=&date=&purpose= */
export const unitEligibilityQuerySchema = z.object({
  unit: positiveId,
  date: isoDateSchema.optional(),
  purpose: eligibilityPurposeSchema,
});
export type UnitEligibilityQuery = z.infer<typeof unitEligibilityQuerySchema>;

const localizedSchema = z.object({ zh: z.string(), en: z.string() });

/** The rule behind a bar: the rulebook version in force when the step was decided and the window's citation. */
export const barRuleSchema = z.object({
  rulebookId: z.string(),
  rulebookVersion: z.number().int(),
  windowId: z.string(),
  /** The document and article (e.g. `zhuzhou-2018`, 第二十九条); null when the rulebook cites none. */
  citation: z.object({ doc: z.string(), article: z.string(), note: z.string().optional() }).nullable(),
  /** Duration in months, or the condition of an `until` window ("until the situation has changed"). */
  months: z.number().int().nullable(),
  until: localizedSchema.nullable(),
});

/** One bar: which case and step imposed it, by which rule, what it takes away, from when until when. */
export const barReasonSchema = z.object({
  id: z.number().int(),
  partyKind: partyKindSchema,
  partyId: z.number().int(),
  caseId: z.number().int(),
  stepId: z.number().int(),
  step: z.enum(ACCOUNTABILITY_STEPS),
  /** The unit held accountable (a transferred cadre's bar names the unit of the case, not their current one). */
  caseUnitId: z.number().int(),
  caseUnitName: z.string(),
  decidedOn: z.string(),
  relevantOn: z.string(),
  /** The roles the person held in the case's unit on `relevantOn`; [] for a unit. */
  roles: z.array(z.enum(RESPONSIBILITY_ROLES)),
  bar: barKindSchema,
  from: z.string(),
  /** The first day the bar no longer applies; null while an `until` window is not lifted. */
  to: z.string().nullable(),
  rule: barRuleSchema,
});
export type BarReason = z.infer<typeof barReasonSchema>;

export const eligibilityAnswerSchema = z.object({
  party: z.object({ kind: partyKindSchema, id: z.number().int(), name: z.string() }),
  date: z.string(),
  purpose: eligibilityPurposeSchema,
  eligible: z.boolean(),
  /** The first day every reason has ended; null when eligible or when a reason is open-ended. */
  eligibleFrom: z.string().nullable(),
  reasons: z.array(barReasonSchema),
});
export type EligibilityAnswer = z.infer<typeof eligibilityAnswerSchema>;

export const ELIGIBILITY_BATCH_MAX = 2000;

/** One question of a batch: a person or a unit; `date`/`purpose` fall back to the batch's. */
export const eligibilityBatchItemSchema = z
  .object({
    person: positiveId.optional(),
    unit: positiveId.optional(),
    date: isoDateSchema.optional(),
    purpose: eligibilityPurposeSchema.optional(),
  })
  .refine((i) => (i.person === undefined) !== (i.unit === undefined), {
    message: 'exactly one of person or unit',
    params: { zh: '须填写人员编号或单位编号之一' },
  });
export type EligibilityBatchItem = z.infer<typeof eligibilityBatchItemSchema>;

/** POST /eligibility/batch with a JSON body. */
export const eligibilityBatchRequestSchema = z.strictObject({
  date: isoDateSchema.optional(),
  purpose: eligibilityPurposeSchema.optional(),
  items: z.array(eligibilityBatchItemSchema).min(1).max(ELIGIBILITY_BATCH_MAX),
});
export type EligibilityBatchRequest = z.infer<typeof eligibilityBatchRequestSchema>;

/**
 * POST /eligibility/batch with a `text/csv` body (UTF-8, optional BOM): a header row naming
 * `person_id` and/or `unit_id` (one of them filled per row) and optionally `date` and `purpose`
 * (empty cells fall back to these query parameters); other columns (e.g. 姓名) are ignored and
 * echoed back. `format=csv` answers as CSV (same columns first, then the answer), else JSON.
 */
export const eligibilityBatchQuerySchema = z.object({
  date: isoDateSchema.optional(),
  purpose: eligibilityPurposeSchema.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type EligibilityBatchQuery = z.infer<typeof eligibilityBatchQuerySchema>;

export const ELIGIBILITY_CSV_COLUMNS = ['person_id', 'unit_id', 'date', 'purpose'] as const;

/** One answer of a batch: `found: false` when the party does not exist or is outside the caller's scope. */
export const eligibilityBatchAnswerSchema = z.object({
  row: z.number().int(),
  found: z.boolean(),
  partyKind: partyKindSchema,
  partyId: z.number().int(),
  answer: eligibilityAnswerSchema.nullable(),
});
export const eligibilityBatchResponseSchema = z.object({ items: z.array(eligibilityBatchAnswerSchema) });
export type EligibilityBatchResponse = z.infer<typeof eligibilityBatchResponseSchema>;

/** A decided step of a case in which the person held a post of the unit on its relevant date. */
export const personStepSchema = z.object({
  caseId: z.number().int(),
  stepId: z.number().int(),
  step: z.enum(ACCOUNTABILITY_STEPS),
  caseUnitId: z.number().int(),
  caseUnitName: z.string(),
  decidedOn: z.string(),
  relevantOn: z.string(),
  liftedOn: z.string().nullable(),
  roles: z.array(z.enum(RESPONSIBILITY_ROLES)),
});
export type PersonStep = z.infer<typeof personStepSchema>;

/** GET /people/:id/sanctions — the person page's eligibility timeline. */
export const personSanctionsSchema = z.object({
  person: z.object({ id: z.number().int(), name: z.string() }),
  steps: z.array(personStepSchema),
  /** Every bar ever imposed on the person, oldest first (in force or not). */
  bars: z.array(barReasonSchema),
});
export type PersonSanctions = z.infer<typeof personSanctionsSchema>;
