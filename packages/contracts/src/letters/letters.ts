import {
  POST_KINDS,
  RESPONSIBILITY_ROLES,
  TARGET_COMPARATORS,
  TARGET_MEASURE_UNITS,
  TARGET_PERIODS,
  TARGET_STATUSES,
  UNIT_KINDS,
} from '@zongzhi/domain';
import { z } from 'zod';
import { bilingualSchema, isoDateSchema, pageOf, pageQuerySchema } from '../common/problem';

/**
 * 目标管理责任书 / target-responsibility letters (issue 4): templates per relationship, batches
 * issued to many units at once, letters bound to both parties' responsible people, signing with
 * the second factor, amendments as new versions with a diff, progress per target and period, the
 * signing rate (签状率).
 */

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const targetComparatorSchema = z.enum(TARGET_COMPARATORS);
export const targetMeasureUnitSchema = z.enum(TARGET_MEASURE_UNITS);
export const targetPeriodSchema = z.enum(TARGET_PERIODS);
export const targetStatusSchema = z.enum(TARGET_STATUSES);
const letterUnitKindSchema = z.enum(UNIT_KINDS);

/** A target key: stable inside a letter, across its versions and down the cascade. */
export const targetKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -');

/** An indicator id (the same ids as the rulebook's indicator thresholds, e.g. `signing-rate`). */
export const indicatorIdSchema = targetKeySchema;

const targetBase = {
  key: targetKeySchema,
  number: z.number().int().positive().nullable().optional(),
  title: z.string().trim().min(1).max(500),
  weight: z.number().min(0).max(1000),
  /** The evidence expected, only where the rule wants it (RULES.md §9). */
  evidence: z.string().trim().min(1).max(1000).nullable().default(null),
  /** The parent letter's target key this one decomposes (defaults: same key, or same indicator). */
  decomposes: targetKeySchema.nullable().optional(),
};

export const letterTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('quantitative'),
    ...targetBase,
    indicatorId: indicatorIdSchema,
    comparator: targetComparatorSchema,
    /** Null only with `reference: 'previous_year'` (e.g. offenders fewer than last year). */
    threshold: z.number().min(0).max(1e9).nullable(),
    reference: z.enum(['previous_year']).nullable().optional(),
    unit: targetMeasureUnitSchema,
    per: targetPeriodSchema.default('year'),
  }),
  z.strictObject({
    kind: z.literal('qualitative'),
    ...targetBase,
    indicatorId: indicatorIdSchema.nullable().optional(),
    per: targetPeriodSchema.default('year'),
  }),
]);
export type LetterTargetInput = z.input<typeof letterTargetSchema>;
export type LetterTargetDto = z.infer<typeof letterTargetSchema>;

/** The text of a letter (a template's, or a letter version's). */
const letterTextShape = {
  /** e.g. '2026年度社会治安综合治理（平安建设）目标管理责任书' */
  title: z.string().trim().min(1).max(200),
  /** Opening paragraph(s) before the targets. */
  preamble: z.string().trim().max(10_000),
  /** Paragraphs of responsibilities and terms after the targets table. */
  responsibilities: z.array(z.string().trim().min(1).max(5000)).max(100),
  targets: z.array(letterTargetSchema).min(1).max(200),
};

// ---------------------------------------------------------------------------------------------
// Relationships (from the rulebook's `letters` section)

export const letterRelationshipSchema = z.object({
  id: z.string(),
  name: bilingualSchema,
  issuerKinds: z.array(letterUnitKindSchema),
  recipientKinds: z.array(letterUnitKindSchema),
});
export type LetterRelationship = z.infer<typeof letterRelationshipSchema>;

export const letterRulesQuerySchema = z.object({ unitId: z.coerce.number().int().positive() });

/** The letters section of the unit's effective rulebook, as the web needs it. */
export const letterRulesSchema = z.object({
  unitId: z.number().int(),
  rulebookId: z.string(),
  rulebookVersion: z.number().int(),
  relationships: z.array(letterRelationshipSchema),
  signatoryRoles: z.array(z.enum(RESPONSIBILITY_ROLES)),
  /** Month-day by which the year's letters should be signed (e.g. 03-31: first quarter). */
  signingDeadline: z.object({ month: z.number().int(), day: z.number().int() }),
  /** Yellow when the actual value misses the threshold by at most this percentage of it. */
  yellowMarginPercent: z.number(),
});
export type LetterRules = z.infer<typeof letterRulesSchema>;

// ---------------------------------------------------------------------------------------------
// Templates

export const letterTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  relationshipId: z.string(),
  /** The issuing unit whose template it is; null for a template shipped with the product. */
  ownerUnitId: z.number().int().nullable(),
  ownerUnitName: z.string().nullable(),
  /** Shipped templates are read-only: copy one to change it. */
  shipped: z.boolean(),
  title: z.string(),
  preamble: z.string(),
  responsibilities: z.array(z.string()),
  targets: z.array(letterTargetSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

export const letterTemplateSummarySchema = letterTemplateSchema
  .omit({ preamble: true, responsibilities: true, targets: true })
  .extend({ targetCount: z.number().int() });
export type LetterTemplateSummary = z.infer<typeof letterTemplateSummarySchema>;

export const listLetterTemplatesQuerySchema = pageQuerySchema.extend({
  relationshipId: z.string().max(64).optional(),
  /** Templates of this unit, plus the shipped ones. */
  ownerUnitId: z.coerce.number().int().positive().optional(),
});
export type ListLetterTemplatesQuery = z.infer<typeof listLetterTemplatesQuerySchema>;
export const letterTemplatePageSchema = pageOf(letterTemplateSummarySchema);

export const saveLetterTemplateRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  relationshipId: z.string().trim().min(1).max(64),
  ownerUnitId: z.number().int().positive(),
  ...letterTextShape,
});
export type SaveLetterTemplateRequest = z.input<typeof saveLetterTemplateRequestSchema>;

// ---------------------------------------------------------------------------------------------
// People bound to a letter

export const letterPartySchema = z.enum(['issuer', 'recipient']);
export type LetterParty = z.infer<typeof letterPartySchema>;

/** A responsible person bound to a party of a letter on its date (from the registry). */
export const boundPersonSchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  postKind: z.enum(POST_KINDS),
  postTitle: z.string().nullable(),
  role: z.enum(RESPONSIBILITY_ROLES),
});
export type BoundPerson = z.infer<typeof boundPersonSchema>;

export const signatureSchema = boundPersonSchema.extend({
  party: letterPartySchema,
  /** null while pending. */
  signedAt: z.string().nullable(),
  /** SM3 (hex) of the canonical letter version signed. */
  hash: z.string().nullable(),
  /** The account that signed (username). */
  signedBy: z.string().nullable(),
});
export type Signature = z.infer<typeof signatureSchema>;

// ---------------------------------------------------------------------------------------------
// Cascade check

export const cascadeGapSchema = z.object({
  parentKey: z.string(),
  parentTitle: z.string(),
  /** missing: no child target decomposes it; weaker: a numeric child threshold less strict. */
  problem: z.enum(['missing', 'weaker']),
  parentThreshold: z.number().nullable(),
  childKey: z.string().nullable(),
  childThreshold: z.number().nullable(),
});
export type CascadeGap = z.infer<typeof cascadeGapSchema>;

// ---------------------------------------------------------------------------------------------
// Batches

const recipientUnitIdsSchema = z
  .array(z.number().int().positive())
  .min(1)
  .max(5000)
  .refine((ids) => new Set(ids).size === ids.length, {
    message: 'duplicate unit',
    params: { zh: '单位重复' },
  });

export const batchRequestSchema = z.strictObject({
  templateId: z.number().int().positive(),
  issuerUnitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  recipientUnitIds: recipientUnitIdsSchema,
  /** The date the letters bear and on which the parties' responsible people are bound (default: today, China time). */
  issueDate: isoDateSchema.optional(),
});
export type BatchRequest = z.input<typeof batchRequestSchema>;

export const batchRecipientsQuerySchema = z.object({
  issuerUnitId: z.coerce.number().int().positive(),
  templateId: z.coerce.number().int().positive(),
  /** For `hasLetter` (default: this year, China time). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Units the template's relationship lets the issuer send to (select all = one click for 96 units). */
export const batchRecipientsResponseSchema = z.object({
  items: z.array(
    z.object({
      unitId: z.number().int(),
      name: z.string(),
      kind: letterUnitKindSchema,
      path: z.string(),
      /** Already holds a live letter from this issuer for this year. */
      hasLetter: z.boolean(),
    }),
  ),
});

export const batchPreviewRecipientSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: letterUnitKindSchema,
  signatories: z.array(boundPersonSchema),
  /** The issuer's own letter from its parent (same year) checked against the template's targets. */
  cascade: z.array(cascadeGapSchema),
  /** Why the letter would not be issued; empty when it will be. */
  problems: z.array(
    z.object({ code: z.enum(['missing_principal', 'already_has_letter']), message: bilingualSchema }),
  ),
  issuable: z.boolean(),
});
export type BatchPreviewRecipient = z.infer<typeof batchPreviewRecipientSchema>;

export const batchPreviewSchema = z.object({
  templateId: z.number().int(),
  templateName: z.string(),
  relationshipId: z.string(),
  issuerUnitId: z.number().int(),
  issuerUnitName: z.string(),
  year: z.number().int(),
  issueDate: z.string(),
  issuerSignatories: z.array(boundPersonSchema),
  /** The issuer's own letter from its parent this batch decomposes, if any. */
  parentLetter: z.object({ id: z.number().int(), issuerUnitName: z.string(), title: z.string() }).nullable(),
  recipients: z.array(batchPreviewRecipientSchema),
  issuableCount: z.number().int(),
});
export type BatchPreview = z.infer<typeof batchPreviewSchema>;

export const BATCH_STATUSES = ['draft', 'issuing', 'issued', 'failed'] as const;
export const batchStatusSchema = z.enum(BATCH_STATUSES);

export const letterBatchSchema = z.object({
  id: z.number().int(),
  templateId: z.number().int(),
  templateName: z.string(),
  relationshipId: z.string(),
  issuerUnitId: z.number().int(),
  issuerUnitName: z.string(),
  year: z.number().int(),
  issueDate: z.string(),
  status: batchStatusSchema,
  /** Letters to issue (recipients without a principal are not counted: see `skipped`). */
  total: z.number().int(),
  done: z.number().int(),
  /** Units left out when the batch was created, and why. */
  skipped: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      code: z.enum(['missing_principal', 'already_has_letter']),
      message: bilingualSchema,
    }),
  ),
  error: bilingualSchema.nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  issuedAt: z.string().nullable(),
});
export type LetterBatch = z.infer<typeof letterBatchSchema>;

export const listLetterBatchesQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  issuerUnitId: z.coerce.number().int().positive().optional(),
});
export const letterBatchPageSchema = pageOf(letterBatchSchema);

/** A background export of a batch (all its letters in one PDF, ADR 0009). */
export const DOCUMENT_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const documentJobStateSchema = z.enum(DOCUMENT_JOB_STATES);
export const batchExportSchema = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  state: documentJobStateSchema,
  /** Letters rendered so far, of `total` (those of the batch within the requester's jurisdiction). */
  done: z.number().int(),
  total: z.number().int(),
  error: bilingualSchema.nullable(),
  /** Set when done: download at GET /letter-batches/:id/exports/:jobId/file. */
  fileName: z.string().nullable(),
  fileBytes: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  finishedAt: z.string().nullable(),
});
export type BatchExport = z.infer<typeof batchExportSchema>;
export const batchExportListSchema = z.object({ items: z.array(batchExportSchema) });
export const batchExportParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  jobId: z.coerce.number().int().positive(),
});

// ---------------------------------------------------------------------------------------------
// Letters

export const LETTER_STATUSES = ['pending', 'partially_signed', 'signed'] as const;
export const letterStatusSchema = z.enum(LETTER_STATUSES);

export const letterVersionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  preamble: z.string(),
  responsibilities: z.array(z.string()),
  targets: z.array(letterTargetSchema),
  /** Why this version replaced the previous one (null for version 1). */
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** SM3 (hex) of the version's canonical serialisation: what a signature covers. */
  hash: z.string(),
  /** A version carrying any signature is locked: it can never change. */
  locked: z.boolean(),
});
export type LetterVersion = z.infer<typeof letterVersionSchema>;

export const letterSummarySchema = z.object({
  id: z.number().int(),
  batchId: z.number().int().nullable(),
  year: z.number().int(),
  relationshipId: z.string(),
  issuerUnitId: z.number().int(),
  issuerUnitName: z.string(),
  recipientUnitId: z.number().int(),
  recipientUnitName: z.string(),
  recipientUnitKind: letterUnitKindSchema,
  title: z.string(),
  issueDate: z.string(),
  currentVersion: z.number().int(),
  status: letterStatusSchema,
  signedCount: z.number().int(),
  signatoryCount: z.number().int(),
  /** The caller's person is a bound signatory with a pending signature on the current version. */
  awaitingMe: z.boolean(),
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const letterDetailSchema = letterSummarySchema.extend({
  parentLetterId: z.number().int().nullable(),
  version: letterVersionSchema,
  /** Signatures of the current version, issuer's first. */
  signatures: z.array(signatureSchema),
  versions: z.array(
    z.object({
      version: z.number().int(),
      reason: z.string().nullable(),
      createdAt: z.string(),
      locked: z.boolean(),
    }),
  ),
});
export type LetterDetail = z.infer<typeof letterDetailSchema>;

export const listLettersQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  batchId: z.coerce.number().int().positive().optional(),
  issuerUnitId: z.coerce.number().int().positive().optional(),
  recipientUnitId: z.coerce.number().int().positive().optional(),
  status: letterStatusSchema.optional(),
  /** Only letters the caller's person has to sign now. */
  awaitingMe: booleanQuery,
});
export type ListLettersQuery = z.infer<typeof listLettersQuerySchema>;
export const letterPageSchema = pageOf(letterSummarySchema);

/** Edits the current version in place: only while no one has signed it (409 after). */
export const editLetterRequestSchema = z.strictObject({
  title: letterTextShape.title.optional(),
  preamble: letterTextShape.preamble.optional(),
  responsibilities: letterTextShape.responsibilities.optional(),
  targets: letterTextShape.targets.optional(),
});
export type EditLetterRequest = z.input<typeof editLetterRequestSchema>;

/** A new version n+1 with a reason; signing starts again on it. */
export const amendLetterRequestSchema = editLetterRequestSchema.extend({
  reason: z.string().trim().min(2).max(2000),
});
export type AmendLetterRequest = z.input<typeof amendLetterRequestSchema>;

export const signLetterRequestSchema = z.strictObject({
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '6 digits'),
});
export type SignLetterRequest = z.infer<typeof signLetterRequestSchema>;

export const letterVersionParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
});

export const letterVersionDiffSchema = z.object({
  letterId: z.number().int(),
  from: z.number().int().nullable(),
  to: z.number().int(),
  reason: z.string().nullable(),
  added: z.array(letterTargetSchema),
  removed: z.array(letterTargetSchema),
  changed: z.array(
    z.object({
      key: z.string(),
      fields: z.array(z.string()),
      before: letterTargetSchema,
      after: letterTargetSchema,
    }),
  ),
  /** Which parts of the text changed. */
  text: z.object({ title: z.boolean(), preamble: z.boolean(), responsibilities: z.boolean() }),
});
export type LetterVersionDiff = z.infer<typeof letterVersionDiffSchema>;

/** The letter's targets checked against the children letters issued by its recipient (same year). */
export const letterCascadeSchema = z.object({
  letterId: z.number().int(),
  children: z.array(
    z.object({
      letterId: z.number().int(),
      recipientUnitId: z.number().int(),
      recipientUnitName: z.string(),
      gaps: z.array(cascadeGapSchema),
    }),
  ),
});
export type LetterCascade = z.infer<typeof letterCascadeSchema>;

// ---------------------------------------------------------------------------------------------
// Signing rate (签状率)

export const signingRateQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Narrow to letters issued within this unit's subtree (default: the caller's scope). */
  unitId: z.coerce.number().int().positive().optional(),
});

const rateCellShape = {
  total: z.number().int(),
  signed: z.number().int(),
  /** signed / total in percent (one decimal); null when there are no letters. */
  rate: z.number().nullable(),
};

export const signingRateSchema = z.object({
  year: z.number().int(),
  overall: z.object(rateCellShape),
  byIssuer: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      unitKind: letterUnitKindSchema,
      depth: z.number().int(),
      ...rateCellShape,
    }),
  ),
  /** Per level: the recipients' unit kind and depth. */
  byLevel: z.array(z.object({ unitKind: letterUnitKindSchema, depth: z.number().int(), ...rateCellShape })),
  unsigned: z.array(
    z.object({
      letterId: z.number().int(),
      issuerUnitName: z.string(),
      unitId: z.number().int(),
      unitName: z.string(),
      party: letterPartySchema,
      personId: z.number().int(),
      personName: z.string(),
      issueDate: z.string(),
      daysSinceIssue: z.number().int(),
    }),
  ),
});
export type SigningRate = z.infer<typeof signingRateSchema>;

// ---------------------------------------------------------------------------------------------
// Progress

export const VALUE_SOURCES = ['entered', 'imported', 'computed'] as const;

/** A period key of the calendar module: 2026, 2026-H1, 2026-Q3, 2026-M07. */
export const periodKeySchema = z
  .string()
  .regex(/^\d{4}(?:-(?:H[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))?$/, 'period key');

export const targetValueSchema = z.object({
  periodKey: z.string(),
  value: z.number().nullable(),
  note: z.string().nullable(),
  source: z.enum(VALUE_SOURCES),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
  status: targetStatusSchema,
});
export type TargetValue = z.infer<typeof targetValueSchema>;

export const targetProgressSchema = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.enum(['quantitative', 'qualitative']),
  indicatorId: z.string().nullable(),
  comparator: targetComparatorSchema.nullable(),
  threshold: z.number().nullable(),
  unit: targetMeasureUnitSchema.nullable(),
  per: targetPeriodSchema,
  weight: z.number(),
  /** The system computes this target's value from facts it holds (no entry). */
  computed: z.boolean(),
  /** Every period of the letter's year for the target's `per`, with the value where there is one. */
  values: z.array(targetValueSchema),
  /** Status of the latest period with a value (no_data when none). */
  status: targetStatusSchema,
});
export type TargetProgress = z.infer<typeof targetProgressSchema>;

export const letterProgressSchema = z.object({
  letterId: z.number().int(),
  recipientUnitId: z.number().int(),
  year: z.number().int(),
  yellowMarginPercent: z.number(),
  targets: z.array(targetProgressSchema),
  counts: z.object({
    green: z.number().int(),
    yellow: z.number().int(),
    red: z.number().int(),
    no_data: z.number().int(),
  }),
});
export type LetterProgress = z.infer<typeof letterProgressSchema>;

export const progressParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  targetKey: targetKeySchema,
  periodKey: periodKeySchema,
});

/** `value` null clears the entry. Qualitative targets: 1 met, 0 not met. */
export const enterProgressRequestSchema = z.strictObject({
  value: z.number().min(0).max(1e12).nullable(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type EnterProgressRequest = z.infer<typeof enterProgressRequestSchema>;

export const progressImportResponseSchema = z.object({ imported: z.number().int() });
