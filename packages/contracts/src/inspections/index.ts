// zod schemas of the inspections area's requests and responses (issue 5 §1).
import {
  FINDING_SEVERITIES,
  INSPECTING_BODIES,
  INSPECTION_KINDS,
  RECTIFICATION_STATES,
  RECTIFICATION_STATUSES,
  RECTIFICATION_UNITS,
} from '@zongzhi/domain';
import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from '../common/problem';

export const inspectionKindIdSchema = z.enum(INSPECTION_KINDS);
export const inspectingBodySchema = z.enum(INSPECTING_BODIES);
export const findingSeveritySchema = z.enum(FINDING_SEVERITIES);
export const rectificationStateSchema = z.enum(RECTIFICATION_STATES);
export const rectificationStatusSchema = z.enum(RECTIFICATION_STATUSES);

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

/** 分片督查 (即墨: east / central / west): a named area and the target units in it. */
export const splitAreaSchema = z.strictObject({ name: text(50), unitIds: z.array(id).min(1).max(500) });

export const createInspectionPlanRequestSchema = z.strictObject({
  kind: inspectionKindIdSchema,
  title: text(200),
  /** The unit whose body inspects (the county for its office's checks; the unit itself for a self-check). */
  inspectingUnitId: id,
  targetUnitIds: z.array(id).min(1).max(500),
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
  areas: z.array(splitAreaSchema).max(20).default([]),
  note: z.string().trim().max(2000).optional(),
});
export type CreateInspectionPlanRequest = z.infer<typeof createInspectionPlanRequestSchema>;

export const inspectionPlanSchema = z.object({
  id: z.number().int(),
  kind: inspectionKindIdSchema,
  title: z.string(),
  inspectingUnitId: z.number().int(),
  inspectingUnitName: z.string(),
  /** From the rulebook of the inspecting unit: who carries this kind out. */
  inspectingBody: inspectingBodySchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  targets: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), area: z.string().nullable() })),
  note: z.string().nullable(),
  inspections: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type InspectionPlan = z.infer<typeof inspectionPlanSchema>;

export const listInspectionPlansQuerySchema = pageQuerySchema.extend({
  kind: inspectionKindIdSchema.optional(),
  /** Plans whose period overlaps this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ListInspectionPlansQuery = z.infer<typeof listInspectionPlansQuerySchema>;

export const createInspectionRequestSchema = z.strictObject({
  /** Absent for an inspection outside a plan (an unannounced visit, a self-check). */
  planId: id.optional(),
  kind: inspectionKindIdSchema,
  inspectingUnitId: id,
  /** The unit inspected. */
  unitId: id,
  carriedOutOn: isoDateSchema,
  /** Who inspected (names of the inspectors or the working group). */
  inspectors: text(500),
  summary: z.string().trim().max(5000).optional(),
  /** A re-inspection (复查): the earlier findings it checks again. */
  recheckFindingIds: z.array(id).max(500).default([]),
});
export type CreateInspectionRequest = z.infer<typeof createInspectionRequestSchema>;

export const listInspectionsQuerySchema = pageQuerySchema.extend({
  unitId: z.coerce.number().int().positive().optional(),
  planId: z.coerce.number().int().positive().optional(),
  kind: inspectionKindIdSchema.optional(),
});
export type ListInspectionsQuery = z.infer<typeof listInspectionsQuerySchema>;

export const createFindingRequestSchema = z.strictObject({
  severity: findingSeveritySchema,
  description: text(2000),
  /** The unit that must rectify; the inspected unit by default (or a unit below it). */
  ownerUnitId: id.optional(),
  /** Overrides the rulebook deadline; allowed only with a reason. */
  deadline: isoDateSchema.optional(),
  deadlineReason: z.string().trim().min(1).max(500).optional(),
});
export type CreateFindingRequest = z.infer<typeof createFindingRequestSchema>;

const periodSchema = z.object({ amount: z.number().int(), unit: z.enum(RECTIFICATION_UNITS) });

export const rectificationTaskSchema = z.object({
  id: z.number().int(),
  findingId: z.number().int(),
  findingNumber: z.number().int(),
  severity: findingSeveritySchema,
  description: z.string(),
  inspectionId: z.number().int(),
  inspectionKind: inspectionKindIdSchema,
  inspectingUnitId: z.number().int(),
  inspectingUnitName: z.string(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  /** The unit's directly responsible person (直接责任人) on the issue date, else its principal; from the registry. */
  responsiblePersonId: z.number().int().nullable(),
  responsibleName: z.string().nullable(),
  responsibleRole: z.enum(['principal', 'in_charge']).nullable(),
  issuedOn: z.string(),
  deadline: z.string(),
  deadlineBasis: z.enum(['rulebook', 'override']),
  deadlineReason: z.string().nullable(),
  period: periodSchema.nullable(),
  rulebookId: z.string(),
  rulebookVersion: z.number().int(),
  state: rectificationStateSchema,
  submittedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  acceptedOnTime: z.boolean().nullable(),
  closedOn: z.string().nullable(),
  rejections: z.number().int(),
  /** At `asOf` (today unless asked): status, countdown and colour. */
  asOf: z.string(),
  status: rectificationStatusSchema,
  daysLeft: z.number().int(),
  colour: z.enum(['green', 'yellow', 'red', 'none']),
});
export type RectificationTask = z.infer<typeof rectificationTaskSchema>;

export const findingSchema = z.object({
  id: z.number().int(),
  inspectionId: z.number().int(),
  number: z.number().int(),
  unitId: z.number().int(),
  severity: findingSeveritySchema,
  description: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  task: rectificationTaskSchema,
});
export type Finding = z.infer<typeof findingSchema>;

export const inspectionSchema = z.object({
  id: z.number().int(),
  planId: z.number().int().nullable(),
  kind: inspectionKindIdSchema,
  inspectingUnitId: z.number().int(),
  inspectingUnitName: z.string(),
  inspectingBody: inspectingBodySchema,
  unitId: z.number().int(),
  unitName: z.string(),
  carriedOutOn: z.string(),
  inspectors: z.string(),
  summary: z.string().nullable(),
  recheckFindingIds: z.array(z.number().int()),
  findings: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const inspectionDetailSchema = inspectionSchema.extend({
  findingList: z.array(findingSchema),
  /** The earlier findings this re-inspection checks again, with their tasks as they stand. */
  recheckedFindings: z.array(findingSchema),
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

export const findingsImportResponseSchema = z.object({
  imported: z.number().int(),
  findings: z.array(findingSchema),
});
export type FindingsImportResponse = z.infer<typeof findingsImportResponseSchema>;

export const listRectificationsQuerySchema = pageQuerySchema.extend({
  /** The unit and everything below it (owner units). */
  unitId: z.coerce.number().int().positive().optional(),
  status: rectificationStatusSchema.optional(),
  inspectionId: z.coerce.number().int().positive().optional(),
  /** Status and countdown as of this China date (today by default). */
  asOf: isoDateSchema.optional(),
});
export type ListRectificationsQuery = z.infer<typeof listRectificationsQuerySchema>;

export const rectificationEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['issued', 'progress', 'submitted', 'accepted', 'rejected', 'closed']),
  onDate: z.string(),
  at: z.string(),
  by: z.string(),
  note: z.string().nullable(),
  newDeadline: z.string().nullable(),
});

export const rectificationDetailSchema = rectificationTaskSchema.extend({
  events: z.array(rectificationEventSchema),
  /** What the caller may do now (the web shows only these buttons). */
  can: z.object({ report: z.boolean(), submit: z.boolean(), accept: z.boolean(), close: z.boolean() }),
});
export type RectificationDetail = z.infer<typeof rectificationDetailSchema>;

export const rectificationAsOfQuerySchema = z.object({ asOf: isoDateSchema.optional() });

export const progressReportRequestSchema = z.strictObject({ note: text(5000) });
export const submitRectificationRequestSchema = z.strictObject({ note: text(5000) });
export const acceptRectificationRequestSchema = z.strictObject({
  note: z.string().trim().max(2000).optional(),
});
export const rejectRectificationRequestSchema = z.strictObject({ reason: text(2000) });
export const closeRectificationRequestSchema = z.strictObject({
  note: z.string().trim().max(2000).optional(),
});

export const rectificationSummaryQuerySchema = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  asOf: isoDateSchema.optional(),
});

const counts = {
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  submitted: z.number().int(),
  acceptedOnTime: z.number().int(),
  acceptedLate: z.number().int(),
};
export const rectificationSummarySchema = z.object({
  asOf: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** The whole subtree. */
  ...counts,
  /** Per child unit, each with its own subtree. The unit's own tasks are the row `self`. */
  children: z.array(
    z.object({ unitId: z.number().int(), unitName: z.string(), self: z.boolean(), ...counts }),
  ),
});
export type RectificationSummary = z.infer<typeof rectificationSummarySchema>;

export const findingsExportQuerySchema = z.object({
  unitId: z.coerce.number().int().positive(),
  asOf: isoDateSchema.optional(),
});
