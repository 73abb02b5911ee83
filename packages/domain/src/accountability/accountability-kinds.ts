import { LADDER_STEPS } from '../rulebook/rulebook.schema';

/**
 * Steps that can be decided on a case: the rulebook ladder (notice → interview → listed
 * supervision → veto → referral) plus the outcomes that are not rungs of it: the yellow card of a
 * `repeat_step` rule (即墨), the major-case investigation notice (001) and the written
 * recommendation to a stationed unit's superior that replaces a veto (000 art. 32).
 */
export const ACCOUNTABILITY_STEPS = [
  ...LADDER_STEPS,
  'yellow_card',
  'major_case_notice',
  'recommendation',
] as const;
export type AccountabilityStep = (typeof ACCOUNTABILITY_STEPS)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Why the system proposes a step. */
export const PROPOSAL_REASONS = [
  /** The current step was not rectified and accepted by its rectification deadline. */
  'rectification_missed',
  /** The first progress report of the current step was not filed by its deadline. */
  'first_report_missed',
  /** A `repeat_step` rule: e.g. listed twice in a row → yellow card. */
  'repeat_step',
  /** A `consecutive_failing_years` rule: e.g. two failing years → veto. */
  'consecutive_failing_years',
  /** A `major_incidents_in_window` rule: several major incidents within the window. */
  'major_incidents_in_window',
  /** A rectification task of an inspection is overdue. */
  'rectification_overdue',
  /** An incident the unit never reported (recorded as discovered): 瞒报/漏报. */
  'incident_unreported',
  /** An incident reported after the rulebook's limit. */
  'incident_late',
] as const;
export type ProposalReason = (typeof PROPOSAL_REASONS)[number];

export const CIRCUMSTANCE_KINDS = ['aggravating', 'mitigating'] as const;
export type CircumstanceKind = (typeof CIRCUMSTANCE_KINDS)[number];

export const CASE_REPORT_KINDS = ['progress', 'rectification_submission'] as const;
export type CaseReportKind = (typeof CASE_REPORT_KINDS)[number];

/** Deadlines a decided step carries. */
export const STEP_DEADLINE_KINDS = ['rectification', 'first_report', 'report', 'major_case_result'] as const;
export type StepDeadlineKind = (typeof STEP_DEADLINE_KINDS)[number];
