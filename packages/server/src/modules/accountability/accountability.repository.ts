import type {
  AccountabilityStep,
  CaseReportKind,
  CircumstanceKind,
  ProposalReason,
  StepDeadlineKind,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { sqlConditions } from '../../db/sql-conditions';

// The accountability area's SQL. Dates travel as 'YYYY-MM-DD'; instants as Date.

export type UnitRef = {
  id: number;
  name: string;
  kind: string;
  unitPath: string;
  parentId: number | null;
  validTo: string | null;
};

export const findUnitRef = async (q: Queryable, id: number): Promise<UnitRef | undefined> => {
  const [row] = await q.query<{
    id: number;
    name: string;
    kind: string;
    path: string;
    parent_id: number | null;
    valid_to: string | null;
  }>('SELECT id, name, kind, path, parent_id, valid_to FROM units WHERE id = $1', [id]);
  return (
    row && {
      id: row.id,
      name: row.name,
      kind: row.kind,
      unitPath: row.path,
      parentId: row.parent_id,
      validTo: row.valid_to,
    }
  );
};

export type CaseRow = {
  id: number;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitPath: string;
  parentId: number | null;
  relevantOn: string;
  situationId: string;
  status: 'open' | 'closed';
  rulebookId: string;
  rulebookVersion: number;
  facts: string;
  majorCase: boolean;
  incidentId: number | null;
  openedOn: string;
  closedOn: string | null;
  openedBy: string;
};

const CASE_COLUMNS = `c.id, c.unit_id, u.name AS unit_name, u.kind AS unit_kind, u.path AS unit_path, u.parent_id,
  c.relevant_on, c.situation_id, c.status, c.rulebook_id, c.rulebook_version, c.facts, c.major_case, c.incident_id,
  c.opened_on, c.closed_on, c.opened_by`;

type RawCase = {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_kind: string;
  unit_path: string;
  parent_id: number | null;
  relevant_on: string;
  situation_id: string;
  status: 'open' | 'closed';
  rulebook_id: string;
  rulebook_version: number;
  facts: string;
  major_case: boolean;
  incident_id: number | null;
  opened_on: string;
  closed_on: string | null;
  opened_by: string;
};

const toCase = (r: RawCase): CaseRow => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitKind: r.unit_kind,
  unitPath: r.unit_path,
  parentId: r.parent_id,
  relevantOn: r.relevant_on,
  situationId: r.situation_id,
  status: r.status,
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
  facts: r.facts,
  majorCase: r.major_case,
  incidentId: r.incident_id,
  openedOn: r.opened_on,
  closedOn: r.closed_on,
  openedBy: r.opened_by,
});

export const findCase = async (q: Queryable, id: number, forUpdate = false): Promise<CaseRow | undefined> => {
  const [row] = await q.query<RawCase>(
    `SELECT ${CASE_COLUMNS} FROM accountability_cases c JOIN units u ON u.id = c.unit_id WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return row && toCase(row);
};

export type CaseFilter = {
  patterns: string[];
  unitPath?: string;
  status?: string;
  situationId?: string;
  step?: string;
  pending?: boolean;
  unitIds?: number[];
};

/** Cases in scope matching the filter, newest first (the board pages in memory after computing deadlines). */
export const listCaseRows = async (q: Queryable, f: CaseFilter): Promise<CaseRow[]> => {
  const w = sqlConditions();
  w.add((p) => `u.path LIKE ANY(${p})`, f.patterns);
  if (f.unitPath) w.add((p) => `u.path LIKE ${p}`, `${f.unitPath}%`);
  if (f.status) w.add((p) => `c.status = ${p}`, f.status);
  if (f.situationId) w.add((p) => `c.situation_id = ${p}`, f.situationId);
  if (f.unitIds) w.add((p) => `c.unit_id = ANY(${p})`, f.unitIds);
  if (f.step)
    w.add(
      (p) =>
        `(SELECT s.step FROM accountability_steps s WHERE s.case_id = c.id ORDER BY s.id DESC LIMIT 1) = ${p}`,
      f.step,
    );
  if (f.pending !== undefined)
    w.raw(
      `${f.pending ? '' : 'NOT '}EXISTS (SELECT 1 FROM accountability_proposals p WHERE p.case_id = c.id AND p.status = 'pending')`,
    );
  const rows = await q.query<RawCase>(
    `SELECT ${CASE_COLUMNS} FROM accountability_cases c JOIN units u ON u.id = c.unit_id
     ${w.where()} ORDER BY c.opened_on DESC, c.id DESC`,
    w.params,
  );
  return rows.map(toCase);
};

export const listOpenCaseRows = async (q: Queryable, unitIds?: readonly number[]): Promise<CaseRow[]> =>
  (
    await q.query<RawCase>(
      `SELECT ${CASE_COLUMNS} FROM accountability_cases c JOIN units u ON u.id = c.unit_id
       WHERE c.status = 'open' ${unitIds ? 'AND c.unit_id = ANY($1)' : ''} ORDER BY c.id`,
      unitIds ? [unitIds] : [],
    )
  ).map(toCase);

export type NewCase = {
  unitId: number;
  relevantOn: string;
  situationId: string;
  rulebookId: string;
  rulebookVersion: number;
  facts: string;
  majorCase: boolean;
  incidentId: number | null;
  openedOn: string;
  openedAt: Date;
  openedBy: string;
  openedByAccountId: number | null;
};

export const insertCase = async (q: Queryable, c: NewCase): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO accountability_cases (unit_id, relevant_on, situation_id, status, rulebook_id, rulebook_version, facts,
       major_case, incident_id, opened_on, opened_at, opened_by, opened_by_account_id)
     VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      c.unitId,
      c.relevantOn,
      c.situationId,
      c.rulebookId,
      c.rulebookVersion,
      c.facts,
      c.majorCase,
      c.incidentId,
      c.openedOn,
      c.openedAt,
      c.openedBy,
      c.openedByAccountId,
    ],
  );
  return row!.id;
};

export const closeCase = async (q: Queryable, id: number, closedOn: string) =>
  q.query(`UPDATE accountability_cases SET status = 'closed', closed_on = $2 WHERE id = $1`, [id, closedOn]);

export type StepRow = {
  id: number;
  caseId: number;
  unitId: number;
  step: AccountabilityStep;
  decidedOn: string;
  relevantOn: string;
  windows: unknown[];
  rulebookId: string;
  rulebookVersion: number;
  liftedOn: string | null;
  acceptedOn: string | null;
  triggerId: string | null;
  reason: string | null;
  decisionBody: string;
  decidingUnitId: number;
  rectificationDue: string | null;
  firstReportDue: string | null;
  reportDueDates: string[];
  resultDue: string | null;
  proposalId: number | null;
  documentId: number | null;
  documentNumber: string | null;
  decidedBy: string;
};

type RawStep = {
  id: number;
  case_id: number;
  unit_id: number;
  step: AccountabilityStep;
  decided_on: string;
  relevant_on: string;
  windows: unknown[];
  rulebook_id: string;
  rulebook_version: number;
  lifted_on: string | null;
  accepted_on: string | null;
  trigger_id: string | null;
  reason: string | null;
  decision_body: string;
  deciding_unit_id: number;
  rectification_due: string | null;
  first_report_due: string | null;
  report_due_dates: string[];
  result_due: string | null;
  proposal_id: number | null;
  document_id: number | null;
  document_number: string | null;
  decided_by: string;
};

const toStep = (r: RawStep): StepRow => ({
  id: r.id,
  caseId: r.case_id,
  unitId: r.unit_id,
  step: r.step,
  decidedOn: r.decided_on,
  relevantOn: r.relevant_on,
  windows: r.windows,
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
  liftedOn: r.lifted_on,
  acceptedOn: r.accepted_on,
  triggerId: r.trigger_id,
  reason: r.reason,
  decisionBody: r.decision_body,
  decidingUnitId: r.deciding_unit_id,
  rectificationDue: r.rectification_due,
  firstReportDue: r.first_report_due,
  reportDueDates: r.report_due_dates,
  resultDue: r.result_due,
  proposalId: r.proposal_id,
  documentId: r.document_id,
  documentNumber: r.document_number,
  decidedBy: r.decided_by,
});

/** Decided steps of the cases, in the order decided. */
export const listSteps = async (q: Queryable, caseIds: readonly number[]): Promise<StepRow[]> =>
  caseIds.length === 0
    ? []
    : (
        await q.query<RawStep>(
          'SELECT * FROM accountability_steps WHERE case_id = ANY($1) ORDER BY case_id, id',
          [caseIds],
        )
      ).map(toStep);

export const listStepsOfUnits = async (q: Queryable, unitIds: readonly number[] | null): Promise<StepRow[]> =>
  (
    await q.query<RawStep>(
      `SELECT * FROM accountability_steps ${unitIds ? 'WHERE unit_id = ANY($1)' : ''} ORDER BY case_id, id`,
      unitIds ? [unitIds] : [],
    )
  ).map(toStep);

export type NewStep = {
  caseId: number;
  unitId: number;
  step: AccountabilityStep;
  decidedOn: string;
  relevantOn: string;
  windows: unknown[];
  rulebookId: string;
  rulebookVersion: number;
  triggerId: string | null;
  reason: string | null;
  decisionBody: string;
  decidingUnitId: number;
  rectificationDue: string | null;
  firstReportDue: string | null;
  reportDueDates: string[];
  resultDue: string | null;
  proposalId: number | null;
  decidedAt: Date;
  decidedBy: string;
  decidedByAccountId: number | null;
};

export const insertStep = async (q: Queryable, s: NewStep): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO accountability_steps (case_id, unit_id, step, decided_on, relevant_on, windows, rulebook_id,
       rulebook_version, trigger_id, reason, decision_body, deciding_unit_id, rectification_due, first_report_due,
       report_due_dates, result_due, proposal_id, decided_at, decided_by, decided_by_account_id)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17, $18, $19, $20)
     RETURNING id`,
    [
      s.caseId,
      s.unitId,
      s.step,
      s.decidedOn,
      s.relevantOn,
      JSON.stringify(s.windows),
      s.rulebookId,
      s.rulebookVersion,
      s.triggerId,
      s.reason,
      s.decisionBody,
      s.decidingUnitId,
      s.rectificationDue,
      s.firstReportDue,
      JSON.stringify(s.reportDueDates),
      s.resultDue,
      s.proposalId,
      s.decidedAt,
      s.decidedBy,
      s.decidedByAccountId,
    ],
  );
  return row!.id;
};

export const setStepDocument = async (q: Queryable, stepId: number, documentId: number, number: string) =>
  q.query('UPDATE accountability_steps SET document_id = $2, document_number = $3 WHERE id = $1', [
    stepId,
    documentId,
    number,
  ]);

/** Acceptance: the current step is accepted, and every step of the case still in force is lifted. */
export const acceptAndLiftSteps = async (q: Queryable, caseId: number, currentStepId: number, on: string) => {
  await q.query('UPDATE accountability_steps SET accepted_on = $2 WHERE id = $1', [currentStepId, on]);
  await q.query(
    `UPDATE accountability_steps SET lifted_on = GREATEST($2::date, decided_on)
     WHERE case_id = $1 AND lifted_on IS NULL AND step <> 'referral'`,
    [caseId, on],
  );
};

export type ReportRow = {
  id: number;
  caseId: number;
  stepId: number;
  kind: CaseReportKind;
  text: string;
  submittedOn: string;
  recordedBy: string;
  recordedAt: string;
};

export const listReports = async (q: Queryable, caseIds: readonly number[]): Promise<ReportRow[]> =>
  caseIds.length === 0
    ? []
    : (
        await q.query<{
          id: number;
          case_id: number;
          step_id: number;
          kind: CaseReportKind;
          text: string;
          submitted_on: string;
          recorded_by: string;
          recorded_at: Date;
        }>('SELECT * FROM accountability_reports WHERE case_id = ANY($1) ORDER BY submitted_on, id', [
          caseIds,
        ])
      ).map((r) => ({
        id: r.id,
        caseId: r.case_id,
        stepId: r.step_id,
        kind: r.kind,
        text: r.text,
        submittedOn: r.submitted_on,
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at.toISOString(),
      }));

export const insertReport = async (
  q: Queryable,
  r: {
    caseId: number;
    stepId: number;
    kind: CaseReportKind;
    text: string;
    submittedOn: string;
    recordedAt: Date;
    recordedBy: string;
    recordedByAccountId: number | null;
  },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO accountability_reports (case_id, step_id, kind, text, submitted_on, recorded_at, recorded_by, recorded_by_account_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [r.caseId, r.stepId, r.kind, r.text, r.submittedOn, r.recordedAt, r.recordedBy, r.recordedByAccountId],
  );
  return row!.id;
};

export type CircumstanceRow = {
  id: number;
  caseId: number;
  kind: CircumstanceKind;
  circumstanceId: string;
  note: string | null;
  incidentId: number | null;
  recordedBy: string;
  recordedAt: string;
};

export const listCircumstances = async (q: Queryable, caseId: number): Promise<CircumstanceRow[]> =>
  (
    await q.query<{
      id: number;
      case_id: number;
      kind: CircumstanceKind;
      circumstance_id: string;
      note: string | null;
      incident_id: number | null;
      recorded_by: string;
      recorded_at: Date;
    }>('SELECT * FROM accountability_circumstances WHERE case_id = $1 ORDER BY id', [caseId])
  ).map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    circumstanceId: r.circumstance_id,
    note: r.note,
    incidentId: r.incident_id,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at.toISOString(),
  }));

export const insertCircumstance = async (
  q: Queryable,
  c: {
    caseId: number;
    kind: CircumstanceKind;
    circumstanceId: string;
    note: string | null;
    incidentId: number | null;
    recordedAt: Date;
    recordedBy: string;
    recordedByAccountId: number | null;
  },
): Promise<number | undefined> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO accountability_circumstances (case_id, kind, circumstance_id, note, incident_id, recorded_at, recorded_by,
       recorded_by_account_id)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8
     WHERE NOT EXISTS (SELECT 1 FROM accountability_circumstances
                       WHERE case_id = $1 AND kind = $2 AND circumstance_id = $3 AND incident_id IS NOT DISTINCT FROM $5)
     RETURNING id`,
    [
      c.caseId,
      c.kind,
      c.circumstanceId,
      c.note,
      c.incidentId,
      c.recordedAt,
      c.recordedBy,
      c.recordedByAccountId,
    ],
  );
  return row?.id;
};

export type ProposalRow = {
  id: number;
  caseId: number | null;
  unitId: number;
  unitName: string;
  unitPath: string;
  step: AccountabilityStep;
  situationId: string | null;
  relevantOn: string | null;
  reason: ProposalReason;
  dueStepId: number | null;
  dueKind: StepDeadlineKind | null;
  dueDate: string | null;
  ruleId: string | null;
  facts: Record<string, unknown>;
  rulebookId: string;
  rulebookVersion: number;
  proposedOn: string;
  status: 'pending' | 'accepted' | 'rejected';
  decidedOn: string | null;
  decidedBy: string | null;
  decisionBody: string | null;
  rejectionReason: string | null;
  resultStepId: number | null;
};

type RawProposal = {
  id: number;
  case_id: number | null;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  step: AccountabilityStep;
  situation_id: string | null;
  relevant_on: string | null;
  reason: ProposalReason;
  due_step_id: number | null;
  due_kind: StepDeadlineKind | null;
  due_date: string | null;
  rule_id: string | null;
  facts: Record<string, unknown>;
  rulebook_id: string;
  rulebook_version: number;
  proposed_on: string;
  status: 'pending' | 'accepted' | 'rejected';
  decided_on: string | null;
  decided_by: string | null;
  decision_body: string | null;
  rejection_reason: string | null;
  result_step_id: number | null;
};

const toProposal = (r: RawProposal): ProposalRow => ({
  id: r.id,
  caseId: r.case_id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitPath: r.unit_path,
  step: r.step,
  situationId: r.situation_id,
  relevantOn: r.relevant_on,
  reason: r.reason,
  dueStepId: r.due_step_id,
  dueKind: r.due_kind,
  dueDate: r.due_date,
  ruleId: r.rule_id,
  facts: r.facts,
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
  proposedOn: r.proposed_on,
  status: r.status,
  decidedOn: r.decided_on,
  decidedBy: r.decided_by,
  decisionBody: r.decision_body,
  rejectionReason: r.rejection_reason,
  resultStepId: r.result_step_id,
});

const PROPOSAL_SELECT = `SELECT p.*, u.name AS unit_name, u.path AS unit_path
  FROM accountability_proposals p JOIN units u ON u.id = p.unit_id`;

export const findProposal = async (
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<ProposalRow | undefined> => {
  const [row] = await q.query<RawProposal>(
    `${PROPOSAL_SELECT} WHERE p.id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`,
    [id],
  );
  return row && toProposal(row);
};

export const listProposalRows = async (
  q: Queryable,
  f: { patterns: string[]; unitPath?: string; status?: string; caseId?: number; caseIds?: number[] },
): Promise<ProposalRow[]> => {
  const w = sqlConditions();
  w.add((p) => `u.path LIKE ANY(${p})`, f.patterns);
  if (f.unitPath) w.add((p) => `u.path LIKE ${p}`, `${f.unitPath}%`);
  if (f.status) w.add((p) => `p.status = ${p}`, f.status);
  if (f.caseId) w.add((p) => `p.case_id = ${p}`, f.caseId);
  if (f.caseIds) w.add((p) => `p.case_id = ANY(${p})`, f.caseIds);
  return (await q.query<RawProposal>(`${PROPOSAL_SELECT} ${w.where()} ORDER BY p.id DESC`, w.params)).map(
    toProposal,
  );
};

export type NewProposal = {
  caseId: number | null;
  unitId: number;
  step: AccountabilityStep;
  situationId: string | null;
  relevantOn: string | null;
  reason: ProposalReason;
  dueStepId: number | null;
  dueKind: StepDeadlineKind | null;
  dueDate: string | null;
  ruleId: string | null;
  facts: Record<string, unknown>;
  dedupeKey: string;
  rulebookId: string;
  rulebookVersion: number;
  proposedOn: string;
  proposedAt: Date;
};

/** Inserts a proposal unless one with the same key exists (a repeated sweep is a no-op); answers its id or undefined. */
export const insertProposalOnce = async (q: Queryable, p: NewProposal): Promise<number | undefined> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO accountability_proposals (case_id, unit_id, step, situation_id, relevant_on, reason, due_step_id, due_kind,
       due_date, rule_id, facts, dedupe_key, rulebook_id, rulebook_version, proposed_on, proposed_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, 'pending')
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      p.caseId,
      p.unitId,
      p.step,
      p.situationId,
      p.relevantOn,
      p.reason,
      p.dueStepId,
      p.dueKind,
      p.dueDate,
      p.ruleId,
      JSON.stringify(p.facts),
      p.dedupeKey,
      p.rulebookId,
      p.rulebookVersion,
      p.proposedOn,
      p.proposedAt,
    ],
  );
  return row?.id;
};

export const acceptProposalRow = async (
  q: Queryable,
  p: {
    id: number;
    caseId: number;
    decidedOn: string;
    decidedAt: Date;
    decidedBy: string;
    decidedByAccountId: number | null;
    decisionBody: string;
    note: string | null;
    resultStepId: number;
  },
) =>
  q.query(
    `UPDATE accountability_proposals SET status = 'accepted', case_id = $2, decided_on = $3, decided_at = $4, decided_by = $5,
       decided_by_account_id = $6, decision_body = $7, decision_note = $8, result_step_id = $9 WHERE id = $1`,
    [
      p.id,
      p.caseId,
      p.decidedOn,
      p.decidedAt,
      p.decidedBy,
      p.decidedByAccountId,
      p.decisionBody,
      p.note,
      p.resultStepId,
    ],
  );

export const rejectProposalRow = async (
  q: Queryable,
  p: {
    id: number;
    decidedOn: string;
    decidedAt: Date;
    decidedBy: string;
    decidedByAccountId: number | null;
    reason: string;
  },
) =>
  q.query(
    `UPDATE accountability_proposals SET status = 'rejected', decided_on = $2, decided_at = $3, decided_by = $4,
       decided_by_account_id = $5, rejection_reason = $6 WHERE id = $1`,
    [p.id, p.decidedOn, p.decidedAt, p.decidedBy, p.decidedByAccountId, p.reason],
  );

/** Pending proposals of a case that a decided step makes moot (not above it) are closed as superseded. */
export const supersedePendingProposals = async (
  q: Queryable,
  caseId: number,
  steps: readonly string[],
  on: string,
  at: Date,
  exceptId: number | null,
): Promise<number[]> =>
  (
    await q.query<{ id: number }>(
      `UPDATE accountability_proposals SET status = 'rejected', decided_on = $3, decided_at = $4, decided_by = 'system',
         rejection_reason = '已被其后的决定取代 / superseded by a later decision'
       WHERE case_id = $1 AND status = 'pending' AND step = ANY($2) AND id IS DISTINCT FROM $5 RETURNING id`,
      [caseId, steps, on, at, exceptId],
    )
  ).map((r) => r.id);

export const countPendingByCase = async (
  q: Queryable,
  caseIds: readonly number[],
): Promise<Map<number, number>> => {
  if (caseIds.length === 0) return new Map();
  const rows = await q.query<{ case_id: number; n: number }>(
    `SELECT case_id, count(*)::int AS n FROM accountability_proposals WHERE case_id = ANY($1) AND status = 'pending' GROUP BY case_id`,
    [caseIds],
  );
  return new Map(rows.map((r) => [r.case_id, r.n]));
};

export const insertAssessmentFailure = async (
  q: Queryable,
  f: {
    unitId: number;
    year: number;
    note: string | null;
    recordedAt: Date;
    recordedBy: string;
    recordedByAccountId: number | null;
  },
) => {
  const [row] = await q.query<{ id: number; recorded_at: Date; recorded_by: string; note: string | null }>(
    `INSERT INTO assessment_failures (unit_id, year, note, recorded_at, recorded_by, recorded_by_account_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (unit_id, year) DO NOTHING RETURNING id, recorded_at, recorded_by, note`,
    [f.unitId, f.year, f.note, f.recordedAt, f.recordedBy, f.recordedByAccountId],
  );
  return row;
};

export const listAssessmentFailures = async (
  q: Queryable,
  unitIds?: readonly number[],
): Promise<{ unitId: number; year: number }[]> =>
  (
    await q.query<{ unit_id: number; year: number }>(
      `SELECT unit_id, year FROM assessment_failures ${unitIds ? 'WHERE unit_id = ANY($1)' : ''} ORDER BY unit_id, year`,
      unitIds ? [unitIds] : [],
    )
  ).map((r) => ({ unitId: r.unit_id, year: r.year }));

export type IncidentFact = {
  id: number;
  unitId: number;
  occurredAt: Date;
  summary: string;
  source: 'reported' | 'discovered';
  timeliness: string;
};

export const listIncidentFacts = async (q: Queryable, unitIds?: readonly number[]): Promise<IncidentFact[]> =>
  (
    await q.query<{
      id: number;
      unit_id: number;
      occurred_at: Date;
      summary: string;
      source: 'reported' | 'discovered';
      timeliness: string;
    }>(
      `SELECT id, unit_id, occurred_at, summary, source, timeliness FROM incidents ${unitIds ? 'WHERE unit_id = ANY($1)' : ''} ORDER BY id`,
      unitIds ? [unitIds] : [],
    )
  ).map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    occurredAt: r.occurred_at,
    summary: r.summary,
    source: r.source,
    timeliness: r.timeliness,
  }));

export const findIncidentRef = async (q: Queryable, id: number) => {
  const [row] = await q.query<{
    id: number;
    unit_id: number;
    occurred_at: Date;
    summary: string;
    path: string;
  }>(
    'SELECT i.id, i.unit_id, i.occurred_at, i.summary, u.path FROM incidents i JOIN units u ON u.id = i.unit_id WHERE i.id = $1',
    [id],
  );
  return (
    row && {
      id: row.id,
      unitId: row.unit_id,
      occurredAt: row.occurred_at,
      summary: row.summary,
      unitPath: row.path,
    }
  );
};

export const listCurrentUnits = async (
  q: Queryable,
  unitIds?: readonly number[],
): Promise<{ id: number; path: string; kind: string; name: string }[]> =>
  q.query(
    `SELECT id, path, kind, name FROM units WHERE valid_to IS NULL ${unitIds ? 'AND id = ANY($1)' : ''} ORDER BY id`,
    unitIds ? [unitIds] : [],
  );

export const insertSweepRun = async (
  q: Queryable,
  r: { asOf: string; startedAt: Date; finishedAt: Date; proposalsCreated: number; instance: string },
) =>
  q.query(
    'INSERT INTO accountability_sweeps (as_of, started_at, finished_at, proposals_created, instance) VALUES ($1, $2, $3, $4, $5)',
    [r.asOf, r.startedAt, r.finishedAt, r.proposalsCreated, r.instance],
  );
