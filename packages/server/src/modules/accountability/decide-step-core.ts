import {
  ACCOUNTABILITY_STEPS,
  type AccountabilityStep,
  type StepDecisionError,
  checkStepDecision,
  decideDecidingLevel,
  decideStepDeadlines,
  defaultDecisionBody,
  definitionOf,
  findStationedRule,
  isCalendarError,
  listDecisionBodies,
  stepName,
  stepRank,
} from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type Bilingual, field, invalid } from '../../platform/errors';
import { loadWorkCalendar } from '../calendar/load-work-calendar';
import { type OfficialDocumentKind, issueOfficialDocument } from '../documents/issue-official-document';
import { refreshEligibilityForCase } from '../eligibility/refresh-eligibility';
import { accountabilityErrors } from './accountability.errors';
import {
  findUnitRef,
  insertStep,
  setStepDocument,
  supersedePendingProposals,
} from './accountability.repository';
import type { UnitRules } from './load-unit-rules';

export const DOCUMENT_KINDS: Record<AccountabilityStep, OfficialDocumentKind> = {
  notice: 'notice',
  interview: 'interview_notice',
  listed_supervision: 'listing_notice',
  // 黄牌警告 is the 即墨 escalation of a listing: issued as a listing notice naming the yellow card.
  yellow_card: 'listing_notice',
  veto: 'veto_decision',
  recommendation: 'recommendation_letter',
  referral: 'referral',
  major_case_notice: 'major_case_notice',
};

const DECISION_ERRORS: Record<StepDecisionError, Bilingual> = {
  step_not_in_rulebook: { zh: '该单位的规则集中没有这一步骤', en: 'the unit’s rulebook has no such step' },
  step_not_higher: {
    zh: '追责只能逐级上升，不能低于或等于当前步骤',
    en: 'the ladder only climbs: the step must be above the current one',
  },
  trigger_required: {
    zh: '越级直接适用较高步骤时，须选择规则集中该步骤的适用情形',
    en: 'entering a higher step directly needs one of its triggers from the rulebook',
  },
  trigger_unknown: {
    zh: '规则集中该步骤没有这一适用情形',
    en: 'the step has no such trigger in the rulebook',
  },
  stationed_unit_not_vetoed: {
    zh: '驻县单位不由本级实行一票否决，应向其上级主管单位提出书面建议',
    en: 'a stationed unit is not vetoed here: a written recommendation goes to its superior instead',
  },
  recommendation_only_for_stationed: {
    zh: '书面建议仅适用于规则集规定的驻县单位',
    en: 'a written recommendation applies only to stationed units under the rulebook',
  },
  yellow_card_requires_listing: {
    zh: '黄牌警告须在挂牌督办之后',
    en: 'a yellow card follows a listing',
  },
};

export type CaseBasics = {
  id: number;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitPath: string;
  parentId: number | null;
  relevantOn: string;
  situationId: string;
  facts: string;
};

export type DecideStepArgs = {
  caseRow: CaseBasics;
  /** The case's current step; null when opening it. */
  current: AccountabilityStep | null;
  step: AccountabilityStep;
  triggerId: string | null;
  reason: string | null;
  decisionBody: string | undefined;
  decidedOn: string;
  proposalId: number | null;
  rules: UnitRules;
  /** Where the request carries the step and trigger (for field errors). */
  paths?: { step: string; triggerId: string; decisionBody: string; decidedOn: string };
};

export type DecidedStep = {
  stepId: number;
  step: AccountabilityStep;
  documentId: number;
  documentNumber: string;
};

/**
 * Decides one step of a case in the caller's transaction: checks it against the ladder of the
 * unit's rulebook (climb only; skipping rungs needs a trigger; stationed units get a
 * recommendation, never a veto), checks that the caller may decide at the step's level (an
 * operator over the parent when `decision.level` is superior), computes its deadlines across the
 * working calendar, stores it with the windows of the rulebook version in force, closes pending
 * proposals it makes moot, issues its official document and refreshes the eligibility bars.
 */
export const decideStepInTx = async (
  tx: Queryable,
  ctx: AppContext,
  request: FastifyRequest,
  a: DecideStepArgs,
): Promise<DecidedStep> => {
  const paths = a.paths ?? {
    step: 'body.step',
    triggerId: 'body.triggerId',
    decisionBody: 'body.decisionBody',
    decidedOn: 'body.decidedOn',
  };
  const { principal, grants } = getAccess(request);
  const ladder = a.rules.rulebook.ladder;
  const unitKind = a.caseRow.unitKind as Parameters<typeof checkStepDecision>[0]['unitKind'];
  if (a.step !== 'major_case_notice') {
    const check = checkStepDecision({
      ladder,
      unitKind,
      current: a.current,
      step: a.step,
      triggerId: a.triggerId,
      proposed: a.proposalId !== null,
    });
    if (!check.ok) {
      const m = DECISION_ERRORS[check.error];
      throw invalid([field(check.field === 'step' ? paths.step : paths.triggerId, m.zh, m.en)]);
    }
  }

  // Who decides: the unit's own level, or the level above.
  const level = a.step === 'major_case_notice' ? 'same' : decideDecidingLevel(ladder, unitKind, a.step);
  const decidingUnit =
    level === 'superior' && a.caseRow.parentId !== null
      ? await findUnitRef(tx, a.caseRow.parentId)
      : await findUnitRef(tx, a.caseRow.unitId);
  const operatorGrants = grants
    .filter((g) => g.role === 'operator' && decidingUnit!.unitPath.startsWith(g.unitPath))
    .sort((x, y) => y.unitPath.length - x.unitPath.length);
  if (operatorGrants.length === 0)
    throw accountabilityErrors.fail(
      level === 'superior' ? 'accountability.decision_level' : 'accountability.operator_required',
    );
  // The document is issued by the 综治委/综治办 of the operator's own unit.
  const issuerUnitId = operatorGrants[0]!.unitId;

  const bodies = listDecisionBodies(a.rules.rulebook);
  const body = a.decisionBody ?? defaultDecisionBody(ladder, unitKind, a.step);
  const bodyEntry = bodies.find((b) => b.id === body);
  if (!bodyEntry)
    throw invalid([
      field(paths.decisionBody, '规则集中没有这一决定机关', 'the rulebook names no such deciding body'),
    ]);

  let deadlines: ReturnType<typeof decideStepDeadlines>;
  try {
    deadlines = decideStepDeadlines({
      rulebook: a.rules.rulebook,
      unitKind,
      step: a.step,
      decidedOn: a.decidedOn,
      calendar: await loadWorkCalendar(tx),
    });
  } catch (error) {
    if (isCalendarError(error))
      throw invalid([
        field(
          paths.decidedOn,
          '工作日历缺少计算期限所需的年份，请先维护节假日安排',
          'the working calendar lacks a year the deadlines need: add its holiday arrangement first',
        ),
      ]);
    throw error;
  }

  const now = ctx.clock.now();
  const stepId = await insertStep(tx, {
    caseId: a.caseRow.id,
    unitId: a.caseRow.unitId,
    step: a.step,
    decidedOn: a.decidedOn,
    relevantOn: a.caseRow.relevantOn,
    windows: deadlines.windows,
    rulebookId: a.rules.rulebookId,
    rulebookVersion: a.rules.version,
    triggerId: a.triggerId,
    reason: a.reason,
    decisionBody: body,
    decidingUnitId: decidingUnit!.id,
    rectificationDue: deadlines.rectificationDue,
    firstReportDue: deadlines.firstReportDue,
    reportDueDates: deadlines.reportDueDates,
    resultDue: deadlines.resultDue,
    proposalId: a.proposalId,
    decidedAt: now,
    decidedBy: principal.username,
    decidedByAccountId: principal.accountId,
  });

  const rank = stepRank(a.step);
  const moot = ACCOUNTABILITY_STEPS.filter((s) => stepRank(s) <= rank);
  const superseded = await supersedePendingProposals(tx, a.caseRow.id, moot, a.decidedOn, now, a.proposalId);

  const situation = ladder.situations.find((s) => s.id === a.caseRow.situationId);
  const definition = definitionOf(ladder, unitKind, a.step);
  const trigger = definition?.triggers.find((t) => t.id === a.triggerId);
  const stationed = findStationedRule(ladder, unitKind);
  const name = stepName(ladder, a.step);
  const document = await issueOfficialDocument(tx, ctx, request, {
    kind: DOCUMENT_KINDS[a.step],
    subjectUnitId: a.caseRow.unitId,
    issuerUnitId,
    issuerBody:
      body === 'committee' || a.step === 'veto' || a.step === 'recommendation' ? 'committee' : 'office',
    addressee: a.step === 'recommendation' && stationed ? stationed.recommendTo.zh : a.caseRow.unitName,
    vars: {
      unitName: a.caseRow.unitName,
      situation: situation?.description.zh ?? a.caseRow.situationId,
      stepName: name.zh,
      facts: a.caseRow.facts,
      reason: a.reason ?? '',
      trigger: trigger?.description.zh ?? '',
      decisionBody: bodyEntry.name.zh,
      decidedOn: a.decidedOn,
      relevantOn: a.caseRow.relevantOn,
      deadline: deadlines.rectificationDue ?? deadlines.resultDue ?? '',
      rectificationDue: deadlines.rectificationDue ?? '',
      firstReportDue: deadlines.firstReportDue ?? '',
      reportDueDates: deadlines.reportDueDates.join('、'),
      resultDue: deadlines.resultDue ?? '',
      recommendTo: stationed?.recommendTo.zh ?? '',
      caseId: String(a.caseRow.id),
    },
    date: a.decidedOn,
    sourceType: 'accountability_step',
    sourceId: String(stepId),
  });
  await setStepDocument(tx, stepId, document.id, document.number);
  await refreshEligibilityForCase(tx, a.caseRow.id);
  await ctx.audit(tx, request, {
    action: 'accountability.step_decided',
    outcome: 'ok',
    targetType: 'accountability_case',
    targetId: a.caseRow.id,
    details: {
      stepId,
      step: a.step,
      previous: a.current,
      unitId: a.caseRow.unitId,
      decidedOn: a.decidedOn,
      triggerId: a.triggerId,
      decisionBody: body,
      decidingUnitId: decidingUnit!.id,
      proposalId: a.proposalId,
      supersededProposals: superseded,
      rectificationDue: deadlines.rectificationDue,
      firstReportDue: deadlines.firstReportDue,
      resultDue: deadlines.resultDue,
      rulebookId: a.rules.rulebookId,
      rulebookVersion: a.rules.version,
      documentId: document.id,
      documentNumber: document.number,
    },
  });
  return { stepId, step: a.step, documentId: document.id, documentNumber: document.number };
};
