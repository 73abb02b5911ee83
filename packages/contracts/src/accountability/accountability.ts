import {
  ACCOUNTABILITY_STEPS,
  CASE_REPORT_KINDS,
  CASE_STATUSES,
  CIRCUMSTANCE_KINDS,
  LADDER_STEPS,
  PROPOSAL_REASONS,
  PROPOSAL_STATUSES,
  STEP_DEADLINE_KINDS,
} from '@zongzhi/domain';
import { z } from 'zod';
import { bilingualSchema, isoDateSchema, pageQuerySchema } from '../common/problem';

export const accountabilityStepSchema = z.enum(ACCOUNTABILITY_STEPS);
export type AccountabilityStepId = z.infer<typeof accountabilityStepSchema>;
export const ladderStepSchema = z.enum(LADDER_STEPS);
export const caseStatusSchema = z.enum(CASE_STATUSES);
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export const proposalReasonSchema = z.enum(PROPOSAL_REASONS);
export const circumstanceKindSchema = z.enum(CIRCUMSTANCE_KINDS);
export const caseReportKindSchema = z.enum(CASE_REPORT_KINDS);
export const stepDeadlineKindSchema = z.enum(STEP_DEADLINE_KINDS);

const facts = z.string().trim().min(1).max(5000);
const note = z.string().trim().min(1).max(2000);
/**
 * A deciding body: `office` / `committee` of the rulebook's `bodies`, or the id of one of its
 * `bodies.others` (e.g. `five-department-joint-meeting`, 五部门联席会议). Checked against the
 * unit's effective rulebook (400 `body.decisionBody` otherwise).
 */
const decisionBody = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/)
  .max(100);

// ---- requests ---------------------------------------------------------------------------------

/**
 * Opens a case against a unit for a situation of its rulebook and decides its first step at once
 * (by default the first rung, 通报). `step` enters higher directly when the harm warrants it; then
 * `triggerId` (a trigger of that step in the rulebook) is required and recorded.
 */
export const openCaseRequestSchema = z.strictObject({
  unitId: z.number().int().positive(),
  situationId: z.string().trim().min(1).max(100),
  /** The date whose responsible people answer for the case (incident date, period end). */
  relevantOn: isoDateSchema,
  facts,
  /** A rung of the ladder, or `recommendation` for a stationed unit (000 art. 32). */
  step: accountabilityStepSchema.exclude(['major_case_notice', 'yellow_card']).optional(),
  triggerId: z.string().trim().min(1).max(100).optional(),
  /** Defaults to the step's `decision.body` in the rulebook, else `office`. */
  decisionBody: decisionBody.optional(),
  /** In force from; defaults to today (China time). Not in the future. */
  decidedOn: isoDateSchema.optional(),
});
export type OpenCaseRequest = z.infer<typeof openCaseRequestSchema>;

/** 重大案件领导责任查究 (seed 001): opens a case from a recorded incident and issues the notice. */
export const openMajorCaseRequestSchema = z.strictObject({
  incidentId: z.number().int().positive(),
  situationId: z.string().trim().min(1).max(100),
  facts: facts.optional(),
  decisionBody: decisionBody.optional(),
  decidedOn: isoDateSchema.optional(),
});
export type OpenMajorCaseRequest = z.infer<typeof openMajorCaseRequestSchema>;

/** Decides a step on an open case directly (without a proposal). Never lower than the current step. */
export const decideStepRequestSchema = z.strictObject({
  step: accountabilityStepSchema.exclude(['major_case_notice']),
  /** A trigger of the step in the rulebook; required when skipping rungs. */
  triggerId: z.string().trim().min(1).max(100).optional(),
  reason: note,
  decisionBody: decisionBody.optional(),
  decidedOn: isoDateSchema.optional(),
});
export type DecideStepRequest = z.infer<typeof decideStepRequestSchema>;

export const decideProposalRequestSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('accept'),
    decisionBody,
    note: note.optional(),
    decidedOn: isoDateSchema.optional(),
  }),
  z.strictObject({ decision: z.literal('reject'), reason: note }),
]);
export type DecideProposalRequest = z.infer<typeof decideProposalRequestSchema>;

/** A progress report, or the unit's submission that rectification is complete (asks for acceptance). */
export const recordCaseReportRequestSchema = z.strictObject({
  kind: caseReportKindSchema,
  text: z.string().trim().min(1).max(5000),
  /** Defaults to today; not in the future. */
  submittedOn: isoDateSchema.optional(),
});
export type RecordCaseReportRequest = z.infer<typeof recordCaseReportRequestSchema>;

/** 验收: accepts the rectification of the current step, lifts it (a listing is lifted only so) and closes the case. */
export const acceptCaseRectificationRequestSchema = z.strictObject({
  note,
  acceptedOn: isoDateSchema.optional(),
});
export type AcceptRectificationRequest = z.infer<typeof acceptCaseRectificationRequestSchema>;

/** 000 arts. 34–35: an aggravating or mitigating circumstance of the rulebook, recorded on the case. */
export const recordCircumstanceRequestSchema = z.strictObject({
  kind: circumstanceKindSchema,
  circumstanceId: z.string().trim().min(1).max(100),
  note: note.optional(),
  /** The incident the circumstance rests on (瞒报/漏报 suggestions carry it). */
  incidentId: z.number().int().positive().optional(),
});
export type RecordCircumstanceRequest = z.infer<typeof recordCircumstanceRequestSchema>;

/** A failed assessment year of a unit (fact for `consecutive_failing_years`; issue 6 will feed it). */
export const recordAssessmentFailureRequestSchema = z.strictObject({
  unitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  note: note.optional(),
});
export type RecordAssessmentFailureRequest = z.infer<typeof recordAssessmentFailureRequestSchema>;

export const runSweepRequestSchema = z.strictObject({
  /** Defaults to today (China time). Not in the future. */
  asOf: isoDateSchema.optional(),
});
export type RunSweepRequest = z.infer<typeof runSweepRequestSchema>;

export const listCasesQuerySchema = pageQuerySchema.extend({
  /** The unit and everything below it. */
  unitId: z.coerce.number().int().positive().optional(),
  status: caseStatusSchema.optional(),
  step: accountabilityStepSchema.optional(),
  situationId: z.string().trim().min(1).max(100).optional(),
  /** Only cases with proposals waiting for a decision. */
  pending: z.enum(['true', 'false']).optional(),
  /** Only cases whose next deadline has passed. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const listProposalsQuerySchema = pageQuerySchema.extend({
  unitId: z.coerce.number().int().positive().optional(),
  status: proposalStatusSchema.optional(),
  caseId: z.coerce.number().int().positive().optional(),
});
export type ListProposalsQuery = z.infer<typeof listProposalsQuerySchema>;

// ---- responses --------------------------------------------------------------------------------

export const stepDeadlineSchema = z.object({
  kind: stepDeadlineKindSchema,
  date: isoDateSchema,
  /** Met when a report / acceptance came in time; null while still open. */
  metOn: z.string().nullable(),
});
export type StepDeadline = z.infer<typeof stepDeadlineSchema>;

export const caseStepSchema = z.object({
  id: z.number().int(),
  step: accountabilityStepSchema,
  name: bilingualSchema,
  decidedOn: z.string(),
  relevantOn: z.string(),
  triggerId: z.string().nullable(),
  reason: z.string().nullable(),
  decisionBody: z.string(),
  decisionBodyName: bilingualSchema,
  /** The unit on whose behalf it was decided (the parent when `decision.level` is superior). */
  decidingUnitId: z.number().int(),
  decidedBy: z.string(),
  proposalId: z.number().int().nullable(),
  rectificationDue: z.string().nullable(),
  firstReportDue: z.string().nullable(),
  reportDueDates: z.array(z.string()),
  acceptedOn: z.string().nullable(),
  liftedOn: z.string().nullable(),
  windows: z.array(z.unknown()),
  rulebookId: z.string(),
  rulebookVersion: z.number().int(),
  documentId: z.number().int().nullable(),
  documentNumber: z.string().nullable(),
});
export type CaseStep = z.infer<typeof caseStepSchema>;

export const proposalSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  step: accountabilityStepSchema,
  /** For a proposal without a case: the situation of the case its acceptance opens. */
  situationId: z.string().nullable(),
  reason: proposalReasonSchema,
  reasonText: bilingualSchema,
  /** The missed deadline it is due to, where one. */
  dueTo: z.object({ kind: stepDeadlineKindSchema, date: z.string(), stepId: z.number().int() }).nullable(),
  facts: z.record(z.string(), z.unknown()),
  ruleId: z.string().nullable(),
  proposedOn: z.string(),
  status: proposalStatusSchema,
  decidedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionBody: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  /** The step decided on acceptance. */
  resultStepId: z.number().int().nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const caseReportSchema = z.object({
  id: z.number().int(),
  stepId: z.number().int(),
  kind: caseReportKindSchema,
  text: z.string(),
  submittedOn: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type CaseReport = z.infer<typeof caseReportSchema>;

export const caseCircumstanceSchema = z.object({
  id: z.number().int(),
  kind: circumstanceKindSchema,
  circumstanceId: z.string(),
  description: bilingualSchema,
  note: z.string().nullable(),
  incidentId: z.number().int().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type CaseCircumstance = z.infer<typeof caseCircumstanceSchema>;

/** 瞒报/漏报 suggested from the unit's incidents (discovered, or reported late); not yet recorded. */
export const suggestedCircumstanceSchema = z.object({
  kind: circumstanceKindSchema,
  circumstanceId: z.string(),
  description: bilingualSchema,
  incidentId: z.number().int(),
  incidentSummary: z.string(),
  basis: z.enum(['discovered', 'late']),
});
export type SuggestedCircumstance = z.infer<typeof suggestedCircumstanceSchema>;

export const timelineEntrySchema = z.object({
  on: z.string(),
  kind: z.enum([
    'opened',
    'step',
    'report',
    'acceptance',
    'proposal',
    'proposal_decided',
    'circumstance',
    'closed',
  ]),
  text: bilingualSchema,
  refId: z.number().int().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const caseSummarySchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.string(),
  situationId: z.string(),
  situation: bilingualSchema,
  status: caseStatusSchema,
  relevantOn: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  majorCase: z.boolean(),
  incidentId: z.number().int().nullable(),
  currentStep: accountabilityStepSchema,
  currentStepName: bilingualSchema,
  currentStepDecidedOn: z.string(),
  /** The earliest open deadline of the current step; null when none. */
  nextDeadline: stepDeadlineSchema.nullable(),
  overdue: z.boolean(),
  pendingProposals: z.number().int(),
  rulebookId: z.string(),
  rulebookVersion: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListSchema = z.object({ items: z.array(caseSummarySchema), total: z.number().int() });
export type CaseList = z.infer<typeof caseListSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  facts: z.string(),
  openedBy: z.string(),
  steps: z.array(caseStepSchema),
  deadlines: z.array(stepDeadlineSchema),
  proposals: z.array(proposalSchema),
  reports: z.array(caseReportSchema),
  circumstances: z.array(caseCircumstanceSchema),
  suggestedCircumstances: z.array(suggestedCircumstanceSchema),
  timeline: z.array(timelineEntrySchema),
  /** What the operator may do next, from the unit's rulebook. */
  options: z.object({
    /** Steps that may be decided directly now (never lower than the current one). */
    steps: z.array(
      z.object({
        step: accountabilityStepSchema,
        name: bilingualSchema,
        triggers: z.array(z.object({ id: z.string(), description: bilingualSchema })),
      }),
    ),
    bodies: z.array(z.object({ id: z.string(), name: bilingualSchema })),
    aggravating: z.array(z.object({ id: z.string(), description: bilingualSchema })),
    mitigating: z.array(z.object({ id: z.string(), description: bilingualSchema })),
  }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const proposalListSchema = z.object({ items: z.array(proposalSchema), total: z.number().int() });
export type ProposalList = z.infer<typeof proposalListSchema>;

export const assessmentFailureSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  year: z.number().int(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type AssessmentFailure = z.infer<typeof assessmentFailureSchema>;

export const sweepResultSchema = z.object({
  asOf: z.string(),
  /** False when another process held the sweep lock: nothing was done. */
  ran: z.boolean(),
  proposalsCreated: z.number().int(),
});
export type SweepResult = z.infer<typeof sweepResultSchema>;

/** Situations, steps and bodies of a unit's rulebook for the open-case form. */
export const caseOptionsQuerySchema = z.object({ unitId: z.coerce.number().int().positive() });
export const caseOptionsSchema = z.object({
  rulebookId: z.string(),
  rulebookVersion: z.number().int(),
  situations: z.array(z.object({ id: z.string(), description: bilingualSchema })),
  steps: z.array(
    z.object({
      step: ladderStepSchema,
      name: bilingualSchema,
      triggers: z.array(z.object({ id: z.string(), kind: z.string(), description: bilingualSchema })),
    }),
  ),
  bodies: z.array(z.object({ id: z.string(), name: bilingualSchema })),
});
export type CaseOptions = z.infer<typeof caseOptionsSchema>;
