import type { CaseStep, CaseSummary, Proposal, StepDeadline } from '@zongzhi/contracts';
import {
  type Bilingual,
  type ProposalReason,
  type Rulebook,
  STEP_NAMES,
  findGoverningStep,
  listDecisionBodies,
  stepName,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import type { CaseRow, ProposalRow, ReportRow, StepRow } from './accountability.repository';

/** Rulebooks by id as they stand now, loaded once per request. */
export const createRulebookCache = (q: Queryable, now: Date) => {
  const cache = new Map<string, Rulebook | undefined>();
  return async (id: string): Promise<Rulebook | undefined> => {
    if (!cache.has(id)) cache.set(id, (await findRulebookInForce(q, id, now))?.rulebook);
    return cache.get(id);
  };
};

const firstOn = (dates: readonly string[]) => (dates.length === 0 ? null : [...dates].sort()[0]!);

/**
 * The deadlines of the governing step with whether and when each was met: the first report by any
 * report, each cadence report by a report since the previous due date, the rectification by a
 * submission or an acceptance, the major-case results by any report.
 */
export const decideCaseDeadlines = (
  steps: readonly StepRow[],
  reports: readonly ReportRow[],
): StepDeadline[] => {
  const gov = findGoverningStep(steps);
  if (!gov) return [];
  const own = reports.filter((r) => r.stepId === gov.id);
  const any = own.map((r) => r.submittedOn);
  const deadlines: StepDeadline[] = [];
  if (gov.firstReportDue)
    deadlines.push({ kind: 'first_report', date: gov.firstReportDue, metOn: firstOn(any) });
  let previous = gov.firstReportDue ?? gov.decidedOn;
  for (const date of gov.reportDueDates) {
    deadlines.push({ kind: 'report', date, metOn: firstOn(any.filter((d) => d > previous)) });
    previous = date;
  }
  if (gov.resultDue) deadlines.push({ kind: 'major_case_result', date: gov.resultDue, metOn: firstOn(any) });
  if (gov.rectificationDue)
    deadlines.push({
      kind: 'rectification',
      date: gov.rectificationDue,
      metOn: firstOn([
        ...own.filter((r) => r.kind === 'rectification_submission').map((r) => r.submittedOn),
        ...(gov.acceptedOn ? [gov.acceptedOn] : []),
      ]),
    });
  return deadlines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

const nameOf = (rulebook: Rulebook | undefined, step: CaseStep['step']): Bilingual =>
  rulebook ? stepName(rulebook.ladder, step) : STEP_NAMES[step];

export const presentStep = (s: StepRow, rulebook: Rulebook | undefined): CaseStep => {
  const bodies = rulebook ? listDecisionBodies(rulebook) : [];
  return {
    id: s.id,
    step: s.step,
    name: nameOf(rulebook, s.step),
    decidedOn: s.decidedOn,
    relevantOn: s.relevantOn,
    triggerId: s.triggerId,
    reason: s.reason,
    decisionBody: s.decisionBody,
    decisionBodyName: bodies.find((b) => b.id === s.decisionBody)?.name ?? {
      zh: s.decisionBody,
      en: s.decisionBody,
    },
    decidingUnitId: s.decidingUnitId,
    decidedBy: s.decidedBy,
    proposalId: s.proposalId,
    rectificationDue: s.rectificationDue,
    firstReportDue: s.firstReportDue,
    reportDueDates: s.reportDueDates,
    acceptedOn: s.acceptedOn,
    liftedOn: s.liftedOn,
    windows: s.windows,
    rulebookId: s.rulebookId,
    rulebookVersion: s.rulebookVersion,
    documentId: s.documentId,
    documentNumber: s.documentNumber,
  };
};

export const presentSummary = (
  c: CaseRow,
  steps: readonly StepRow[],
  reports: readonly ReportRow[],
  pending: number,
  rulebook: Rulebook | undefined,
  today: string,
): CaseSummary => {
  const current = steps.at(-1)!;
  const deadlines = c.status === 'open' ? decideCaseDeadlines(steps, reports) : [];
  const next = deadlines.find((d) => d.metOn === null) ?? null;
  const situation = rulebook?.ladder.situations.find((s) => s.id === c.situationId)?.description ?? {
    zh: c.situationId,
    en: c.situationId,
  };
  return {
    id: c.id,
    unitId: c.unitId,
    unitName: c.unitName,
    unitKind: c.unitKind,
    situationId: c.situationId,
    situation,
    status: c.status,
    relevantOn: c.relevantOn,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    majorCase: c.majorCase,
    incidentId: c.incidentId,
    currentStep: current.step,
    currentStepName: nameOf(rulebook, current.step),
    currentStepDecidedOn: current.decidedOn,
    nextDeadline: next,
    overdue: next !== null && next.date < today,
    pendingProposals: pending,
    rulebookId: c.rulebookId,
    rulebookVersion: c.rulebookVersion,
  };
};

const REASON_TEXT: Record<ProposalReason, Bilingual> = {
  rectification_missed: { zh: '未按期完成整改', en: 'not rectified by the deadline' },
  first_report_missed: {
    zh: '未按期首次报告整改进展',
    en: 'first progress report not filed by the deadline',
  },
  repeat_step: { zh: '连续多次受到同一追责步骤', en: 'the same step repeated' },
  consecutive_failing_years: {
    zh: '连续多年考核评价不合格',
    en: 'failing the assessment several years running',
  },
  major_incidents_in_window: {
    zh: '较短时间内连续发生重大案事件',
    en: 'several major incidents in a short time',
  },
  rectification_overdue: { zh: '督查发现问题逾期未整改', en: 'an inspection finding not rectified in time' },
  incident_unreported: { zh: '重大案事件瞒报、漏报', en: 'a major incident concealed or not reported' },
  incident_late: { zh: '重大案事件迟报', en: 'a major incident reported late' },
};

export const presentProposal = (p: ProposalRow, rulebook: Rulebook | undefined): Proposal => {
  const rule = p.ruleId ? rulebook?.ladder.rules.find((r) => r.id === p.ruleId) : undefined;
  return {
    id: p.id,
    caseId: p.caseId,
    unitId: p.unitId,
    unitName: p.unitName,
    step: p.step,
    situationId: p.situationId,
    reason: p.reason,
    reasonText: rule?.description ?? REASON_TEXT[p.reason],
    dueTo:
      p.dueKind && p.dueDate && p.dueStepId !== null
        ? { kind: p.dueKind, date: p.dueDate, stepId: p.dueStepId }
        : null,
    facts: p.facts,
    ruleId: p.ruleId,
    proposedOn: p.proposedOn,
    status: p.status,
    decidedBy: p.decidedBy,
    decidedOn: p.decidedOn,
    decisionBody: p.decisionBody,
    rejectionReason: p.rejectionReason,
    resultStepId: p.resultStepId,
  };
};
