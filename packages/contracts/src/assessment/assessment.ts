import { z } from 'zod';
import { bilingualSchema } from '../common/problem';

export const ASSESSMENT_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export const assessmentPeriodKindSchema = z.enum(ASSESSMENT_PERIOD_KINDS);

/** 2026 (year), 2026-Q1 (quarter), 2026-M03 (month): the calendar's period keys. */
export const assessmentPeriodKeySchema = z
  .string()
  .regex(/^\d{4}(?:-(?:Q[1-4]|M(?:0[1-9]|1[0-2])))?$/, 'period key');

export const openAssessmentPeriodRequestSchema = z.strictObject({
  /** The root of the subtree assessed (its rulebook's indicators are used, frozen at opening). */
  unitId: z.number().int().positive(),
  kind: assessmentPeriodKindSchema,
  periodKey: assessmentPeriodKeySchema,
});
export type OpenAssessmentPeriodRequest = z.infer<typeof openAssessmentPeriodRequestSchema>;

export const correctAssessmentRequestSchema = z.strictObject({
  /** Why the closed period is recomputed (e.g. an entered value was corrected). */
  reason: z.string().trim().min(2).max(2000),
});
export type CorrectAssessmentRequest = z.infer<typeof correctAssessmentRequestSchema>;

export const listAssessmentPeriodsQuerySchema = z.object({
  unitId: z.coerce.number().int().positive().optional(),
});

export const assessmentUnitParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  unitId: z.coerce.number().int().positive(),
});

export const assessmentPeriodSchema = z.object({
  id: z.number(),
  rootUnitId: z.number(),
  rootUnitName: z.string(),
  rulebookId: z.string(),
  rulebookVersion: z.number(),
  kind: assessmentPeriodKindSchema,
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(['open', 'closed']),
  /** The current version of the results; 0 until computed. */
  version: z.number(),
  computedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type AssessmentPeriodSummary = z.infer<typeof assessmentPeriodSchema>;

export const advancedReasonSchema = z.object({
  barId: z.number(),
  bar: z.string(),
  step: z.string(),
  caseId: z.number(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});

export const assessmentResultRowSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  unitKind: z.string(),
  unitDepth: z.number(),
  score: z.number().nullable(),
  gradeId: z.string().nullable(),
  gradeName: bilingualSchema.nullable(),
  failing: z.boolean(),
  vetoed: z.boolean(),
  group: z.string(),
  rank: z.number().nullable(),
  /** period_not_ranked: the rulebook's period of this kind does not rank (e.g. 季查). */
  notRanked: z.enum(['too_few_indicators', 'no_score', 'period_not_ranked']).nullable(),
  /** selected, selected_tied, tied_out, below_cut_off, barred, grade_not_eligible, not_ranked; not_applicable in a period that does not rank and grade. */
  advanced: z.string(),
  advancedReasons: z.array(advancedReasonSchema),
});
export type AssessmentResultRow = z.infer<typeof assessmentResultRowSchema>;

/**
 * The ranking table's filters and page (all optional): without them every unit in scope is
 * answered, in ranking order (group, rank, unit).
 */
export const assessmentPeriodResultsQuerySchema = z.object({
  /** Only this ranking group ('kind=village|level=3'). */
  group: z.string().trim().min(1).max(200).optional(),
  /** Only units whose name contains this text. */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  /** `false`: leave out the heat map's branches (a page of the table needs only its rows). Default true. */
  branches: z.enum(['true', 'false']).optional(),
});
export type AssessmentPeriodResultsQuery = z.infer<typeof assessmentPeriodResultsQuerySchema>;

/** One unit one or two levels below a period's root and the assessed units of its subtree (the heat map). */
export const assessmentBranchSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  /** 1: a child of the root; 2: a grandchild (its parent is `parentId`). */
  level: z.number(),
  parentId: z.number(),
  /** Assessed units in its subtree, itself included, in the caller's scope. */
  units: z.number(),
  /** Their mean score (one decimal); null when none has a score. */
  meanScore: z.number().nullable(),
  /** The unit itself is assessed: its own score. */
  assessed: z.boolean(),
  score: z.number().nullable(),
});
export type AssessmentBranch = z.infer<typeof assessmentBranchSchema>;

export const assessmentPeriodDetailSchema = z.object({
  period: assessmentPeriodSchema,
  version: z.number(),
  /** The units matching the filters (group, q) in the caller's scope; `results` is a page of them. */
  total: z.number(),
  results: z.array(assessmentResultRowSchema),
  /** Every ranking group in the caller's scope and its size (not narrowed by the filters). */
  groups: z.array(z.object({ group: z.string(), units: z.number() })),
  /** The top two levels below the root with their assessed units' mean score (not narrowed by the filters; empty with `branches=false`). */
  branches: z.array(assessmentBranchSchema),
});
export type AssessmentPeriodDetail = z.infer<typeof assessmentPeriodDetailSchema>;

/** One unit's score explained: every indicator's inputs, rule and points, and each fact's rows. */
export const assessmentExplanationSchema = z.object({
  period: assessmentPeriodSchema,
  version: z.number(),
  result: assessmentResultRowSchema,
  rulebook: z.object({ id: z.string(), version: z.number() }),
  computedAt: z.string(),
  reason: z.string().nullable(),
  /** The domain's UnitScore (score, grade, indicators with inputs, checks, rule, points, source). */
  unitScore: z.unknown(),
  /** Per fact key: the table and rows it came from, counted now as on `factsAsOf`. */
  facts: z.record(z.string(), z.unknown()),
  /** The China date the facts were counted on at the computation (later due dates not counted). */
  factsAsOf: z.string(),
  /** Fact keys whose count now differs from the one stored: the score stands as computed. */
  factsChanged: z.array(z.string()),
  /** The unit's ranking group: its size, the advanced places and how many were chosen. */
  group: z.unknown(),
});
export type AssessmentExplanation = z.infer<typeof assessmentExplanationSchema>;

/** A computed period re-run over the facts as they stand and compared with the stored version. */
export const assessmentVerificationSchema = z.object({
  periodId: z.number(),
  version: z.number(),
  factsAsOf: z.string(),
  units: z.number(),
  /** Every unit's facts, points and results equal the stored ones. */
  identical: z.boolean(),
  differing: z.number(),
  /** Up to 100 differing units, each with what differs (score, grade, rank, points, facts, unit…). */
  differences: z.array(
    z.object({ unitId: z.number(), unitName: z.string().optional(), fields: z.array(z.string()) }),
  ),
  /** How long the re-run took, in milliseconds. */
  ms: z.number(),
});
export type AssessmentVerification = z.infer<typeof assessmentVerificationSchema>;

export const closeAssessmentResponseSchema = z.object({
  period: assessmentPeriodSchema,
  /** Units recorded as failing the (annual) assessment, with the proposals this opened. */
  failuresRecorded: z.array(z.object({ unitId: z.number(), failureId: z.number() })),
  proposals: z.array(z.number()),
});
export type CloseAssessmentResponse = z.infer<typeof closeAssessmentResponseSchema>;
