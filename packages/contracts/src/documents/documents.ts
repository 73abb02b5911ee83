import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from '../common/problem';

/** Kinds of official documents the platform issues (issue 5 §4). */
export const OFFICIAL_DOCUMENT_KINDS = [
  'notice',
  'interview_notice',
  'listing_notice',
  'veto_decision',
  'major_case_notice',
  'recommendation_letter',
  'referral',
] as const;
export const officialDocumentKindSchema = z.enum(OFFICIAL_DOCUMENT_KINDS);
export type OfficialDocumentKindName = z.infer<typeof officialDocumentKindSchema>;

export const ISSUER_BODIES = ['office', 'committee'] as const;
export const issuerBodySchema = z.enum(ISSUER_BODIES);

/** Placeholders a template may use (`{{name}}`); anything else is refused when the template is saved. */
export const DOCUMENT_TEMPLATE_VARS = [
  'unitName',
  'issuerName',
  'issuerBody',
  'addressee',
  'date',
  'situation',
  'deadline',
  'rectificationPeriod',
  'firstReportDeadline',
  'reportCadence',
  'caseFacts',
  'interviewTime',
  'interviewPlace',
  'superiorName',
  'measures',
  'basis',
] as const;
export type DocumentTemplateVar = (typeof DOCUMENT_TEMPLATE_VARS)[number];

const blockText = z.string().trim().min(1).max(5000);

/** A block of an issued document (the renderer's model, platform/documents/official-document.ts). */
export const documentBlockSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    text: z.string(),
  }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({
    kind: z.literal('table'),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    widths: z.array(z.number()).optional(),
  }),
  z.object({
    kind: z.literal('signatures'),
    parties: z.array(
      z.object({
        role: z.string(),
        organ: z.string(),
        person: z.string().optional(),
        signedAt: z.string().optional(),
        hash: z.string().optional(),
      }),
    ),
  }),
  z.object({ kind: z.literal('pageBreak') }),
]);

/** The full printable content of an issued document (OfficialDocument). */
export const officialDocumentContentSchema = z.object({
  format: z.enum(['document', 'letter', 'plain']),
  organMark: z.string().optional(),
  number: z.string().optional(),
  title: z.string(),
  addressee: z.string().optional(),
  body: z.array(documentBlockSchema),
  attachments: z.array(z.string()).optional(),
  signOff: z.object({ organ: z.string(), date: z.string(), seal: z.boolean() }).optional(),
  cc: z.array(z.string()).optional(),
  imprint: z.object({ organ: z.string(), date: z.string() }).optional(),
});
export type OfficialDocumentContent = z.infer<typeof officialDocumentContentSchema>;

/** The editable text of a template: title and body with `{{placeholders}}`. */
export const documentTemplateContentSchema = z.strictObject({
  format: z.enum(['document', 'letter']),
  title: z.string().trim().min(1).max(200),
  body: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('heading'),
          level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
          text: blockText,
        }),
        z.strictObject({ kind: z.literal('paragraph'), text: blockText }),
      ]),
    )
    .min(1)
    .max(200),
  cc: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});
export type DocumentTemplateContent = z.infer<typeof documentTemplateContentSchema>;

export const putDocumentTemplateRequestSchema = z.strictObject({
  content: documentTemplateContentSchema,
  /** Why it was changed (kept with the version). */
  note: z.string().trim().max(500).optional(),
});
export type PutDocumentTemplateRequest = z.infer<typeof putDocumentTemplateRequestSchema>;

export const documentTemplateSchema = z.object({
  kind: officialDocumentKindSchema,
  /** 'default': the shipped text; 'unit': a unit's version (the caller's own or an ancestor's). */
  origin: z.enum(['default', 'unit']),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  version: z.number().int().nullable(),
  content: documentTemplateContentSchema,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

export const documentTemplateKindParamSchema = z.object({ kind: officialDocumentKindSchema });
export const documentTemplateQuerySchema = z.object({
  /** Whose effective template (default: the caller's unit). */
  unitId: z.coerce.number().int().positive().optional(),
});
export type DocumentTemplateQuery = z.infer<typeof documentTemplateQuerySchema>;

export const listDocumentsQuerySchema = pageQuerySchema.extend({
  /** Documents about this unit and everything below it. */
  unitId: z.coerce.number().int().positive().optional(),
  kind: officialDocumentKindSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuerySchema>;

export const officialDocumentSummarySchema = z.object({
  id: z.number().int(),
  kind: officialDocumentKindSchema,
  number: z.string(),
  year: z.number().int(),
  title: z.string(),
  subjectUnitId: z.number().int(),
  subjectUnitName: z.string(),
  issuerUnitId: z.number().int(),
  issuerUnitName: z.string(),
  issuerBody: issuerBodySchema,
  date: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  createdAt: z.string(),
});
export type OfficialDocumentSummary = z.infer<typeof officialDocumentSummarySchema>;

export const officialDocumentDetailSchema = officialDocumentSummarySchema.extend({
  content: officialDocumentContentSchema,
  /** SM3 of the canonical JSON of `content`, fixed at issue. */
  contentSm3: z.string(),
  createdBy: z.string().nullable(),
});
export type OfficialDocumentDetail = z.infer<typeof officialDocumentDetailSchema>;

export const previewDocumentRequestSchema = z.strictObject({
  kind: officialDocumentKindSchema,
  issuerUnitId: z.number().int().positive(),
  issuerBody: issuerBodySchema.default('office'),
  addressee: z.string().trim().max(200).default(''),
  vars: z.record(z.string(), z.string().max(5000)).default({}),
  date: isoDateSchema.optional(),
  /** Preview unsaved template text; the effective template of the issuer when absent. */
  template: documentTemplateContentSchema.optional(),
});
export type PreviewDocumentRequest = z.infer<typeof previewDocumentRequestSchema>;
