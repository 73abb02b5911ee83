import { JURISDICTION_LEVELS, rulebookIdSchema } from '@zongzhi/domain';
import { z } from 'zod';
import { bilingualSchema, isoDateSchema, pageQuerySchema } from '../common/problem';

// Rulebooks (制度配置) as the API serves them. The rulebook text itself is validated by the domain
// (validateRulebook), which names the path of each wrong parameter; here it is an opaque object.

export const rulebookIdParamSchema = z.object({ id: rulebookIdSchema });

/** A rulebook as written: a complete root, or a layer over the rulebook it `extends`. */
export const rulebookDocumentSchema = z.record(z.string(), z.unknown());
export type RulebookDocumentBody = z.infer<typeof rulebookDocumentSchema>;

export const rulebookSummarySchema = z.object({
  id: z.string(),
  name: bilingualSchema,
  jurisdictionLevel: z.enum(JURISDICTION_LEVELS),
  extends: z.string().nullable(),
  latestVersion: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  /** Units the rulebook is attached to directly (any date). */
  attachedUnits: z.number().int(),
});
export type RulebookSummary = z.infer<typeof rulebookSummarySchema>;

export const listRulebooksQuerySchema = pageQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const rulebookVersionSchema = z.object({
  rulebookId: z.string(),
  version: z.number().int(),
  name: bilingualSchema,
  extends: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  /** SM3 of the canonical JSON of the body. */
  digest: z.string(),
});
export type RulebookVersion = z.infer<typeof rulebookVersionSchema>;

export const rulebookVersionDetailSchema = rulebookVersionSchema.extend({ body: rulebookDocumentSchema });
export type RulebookVersionDetail = z.infer<typeof rulebookVersionDetailSchema>;

export const getRulebookQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });

export const rulebookVersionsResponseSchema = z.object({ items: z.array(rulebookVersionSchema) });

/** Leaf parameters by path (`ladder.steps[interview].rectification.amount`), with old and new values. */
export const rulebookDiffSchema = z.object({
  changed: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  added: z.array(z.object({ path: z.string(), after: z.unknown() })),
  removed: z.array(z.object({ path: z.string(), before: z.unknown() })),
});
export type RulebookDiffBody = z.infer<typeof rulebookDiffSchema>;

export const rulebookChangeSchema = z.object({
  rulebookId: z.string(),
  /** The version this text is (or would be, for a preview). */
  version: z.number().int(),
  previousVersion: z.number().int().nullable(),
  /** The text against the previous version as written; null for a first version. */
  againstPrevious: rulebookDiffSchema.nullable(),
  /**
   * The resolved values against those the rulebook inherits from the one it extends (citations
   * left out); null for a root rulebook, which inherits nothing.
   */
  againstInherited: rulebookDiffSchema.nullable(),
  /** SM3 of the canonical JSON of { againstPrevious, againstInherited }, as audited. */
  diffDigest: z.string(),
});
export type RulebookChange = z.infer<typeof rulebookChangeSchema>;

export const publishRulebookResponseSchema = z.object({
  version: rulebookVersionDetailSchema,
  change: rulebookChangeSchema,
});
export type PublishRulebookResponse = z.infer<typeof publishRulebookResponseSchema>;

export const previewRulebookResponseSchema = z.object({ change: rulebookChangeSchema });
export type PreviewRulebookResponse = z.infer<typeof previewRulebookResponseSchema>;

export const attachUnitRulebookRequestSchema = z.object({
  rulebookId: rulebookIdSchema,
  validFrom: isoDateSchema,
});
export type AttachUnitRulebookRequest = z.infer<typeof attachUnitRulebookRequestSchema>;

export const unitRulebookAttachmentSchema = z.object({
  /** The unit the rulebook is attached to: the unit itself or the nearest ancestor with one. */
  unitId: z.number().int(),
  unitName: z.string(),
  rulebookId: z.string(),
  validFrom: z.string(),
  attachedAt: z.string(),
  attachedBy: z.string(),
});
export type UnitRulebookAttachment = z.infer<typeof unitRulebookAttachmentSchema>;

export const attachUnitRulebookResponseSchema = z.object({
  attachment: unitRulebookAttachmentSchema,
  /** The attachment this one replaced on the same date (a correction), if any. */
  replaced: z.object({ rulebookId: z.string() }).nullable(),
});

export const unitRulebookQuerySchema = z.object({ date: isoDateSchema.optional() });

export const rulebookCitationSchema = z.object({
  doc: z.string(),
  article: z.string(),
  note: z.string().optional(),
  /** Title of the cited document, from the rulebooks' sources. */
  title: z.string().nullable(),
});

export const effectiveParameterSchema = z.object({
  path: z.string(),
  value: z.unknown(),
  rulebookId: z.string(),
  version: z.number().int(),
  source: rulebookCitationSchema.nullable(),
});
export type EffectiveParameter = z.infer<typeof effectiveParameterSchema>;

export const unitRulebookResponseSchema = z.object({
  unitId: z.number().int(),
  date: z.string(),
  /** Null when neither the unit nor any ancestor has a rulebook on the date. */
  attachment: unitRulebookAttachmentSchema.nullable(),
  /** Root first; each rulebook at the version in force on the date. */
  chain: z.array(z.object({ rulebookId: z.string(), version: z.number().int(), name: bilingualSchema })),
  parameters: z.array(effectiveParameterSchema),
  /** Inherited entries a layer of the chain removed. */
  removed: z.array(
    z.object({
      path: z.string(),
      rulebookId: z.string(),
      version: z.number().int(),
      source: rulebookCitationSchema.nullable(),
    }),
  ),
  /** The resolved rulebook (the domain's `Rulebook`), for the modules that decide with it. */
  rulebook: rulebookDocumentSchema.nullable(),
});
export type UnitRulebookResponse = z.infer<typeof unitRulebookResponseSchema>;
