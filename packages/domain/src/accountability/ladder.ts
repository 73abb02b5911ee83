import { addCalendarDays, addMonths, type CalendarDate } from '../calendar/calendar-date';
import type { WorkCalendar } from '../calendar/create-work-calendar';
import {
  type EligibilityWindow,
  LADDER_STEPS,
  type Ladder,
  type LadderRule,
  type LadderStep,
  type LadderStepId,
  type Rulebook,
} from '../rulebook/rulebook.schema';
import type { Bilingual, UnitKind } from '../units/unit-kinds';
import type { AccountabilityStep, StepDeadlineKind } from './accountability-kinds';

/**
 * The ladder of a unit's effective rulebook as a state machine. A case climbs, never descends:
 * notice → interview → listed supervision → veto → referral; a yellow card stands beside the
 * listing (即墨), a recommendation to the superior in place of a stationed unit's veto (000 art. 32),
 * and the major-case notice (001) below the first rung.
 */

const isLadderStep = (step: string): step is LadderStepId =>
  (LADDER_STEPS as readonly string[]).includes(step);

/** The height of a step on the ladder (national order); the outcomes beside it share their rung. */
export const stepRank = (step: AccountabilityStep): number => {
  if (step === 'major_case_notice') return -1;
  if (step === 'yellow_card') return LADDER_STEPS.indexOf('listed_supervision');
  if (step === 'recommendation') return LADDER_STEPS.indexOf('veto');
  return LADDER_STEPS.indexOf(step);
};

export const findLadderStep = (ladder: Ladder, step: AccountabilityStep): LadderStep | undefined =>
  isLadderStep(step) ? ladder.steps.find((s) => s.id === step) : undefined;

type RuleOf<K extends LadderRule['kind']> = Extract<LadderRule, { kind: K }>;
export const rulesOfKind = <K extends LadderRule['kind']>(ladder: Ladder, kind: K): RuleOf<K>[] =>
  ladder.rules.filter((r): r is RuleOf<K> => r.kind === kind);

/** The rule that turns a stationed unit's veto into a recommendation, when the unit is stationed. */
export const findStationedRule = (ladder: Ladder, unitKind: UnitKind) =>
  unitKind === 'stationed' ? rulesOfKind(ladder, 'stationed_unit_recommendation')[0] : undefined;

/** The step actually decided for the unit: a stationed unit's veto becomes a written recommendation. */
export const substituteStep = (
  ladder: Ladder,
  unitKind: UnitKind,
  step: AccountabilityStep,
): AccountabilityStep => {
  const rule = findStationedRule(ladder, unitKind);
  return rule && rule.step === step ? 'recommendation' : step;
};

/** The next rung above `current` (null: a new case), or null at the top. Never lower. */
export const decideNextStep = (
  ladder: Ladder,
  unitKind: UnitKind,
  current: AccountabilityStep | null,
): AccountabilityStep | null => {
  const rank = current === null ? -1 : stepRank(current);
  const next = ladder.steps.find((s) => stepRank(s.id) > rank);
  return next ? substituteStep(ladder, unitKind, next.id) : null;
};

/** The rulebook step a decided step stands for (its triggers, decision, parameters). */
export const definitionOf = (
  ladder: Ladder,
  unitKind: UnitKind,
  step: AccountabilityStep,
): LadderStep | undefined => {
  if (step === 'recommendation') {
    const rule = findStationedRule(ladder, unitKind);
    return rule ? findLadderStep(ladder, rule.step) : undefined;
  }
  return findLadderStep(ladder, step);
};

export type StepDecisionError =
  | 'step_not_in_rulebook'
  | 'step_not_higher'
  | 'trigger_required'
  | 'trigger_unknown'
  | 'stationed_unit_not_vetoed'
  | 'recommendation_only_for_stationed'
  | 'yellow_card_requires_listing';

export type StepDecisionCheck =
  | { ok: true; triggerId: string | null; skipsRungs: boolean }
  | { ok: false; error: StepDecisionError; field: 'step' | 'triggerId' };

/**
 * Whether `step` may be decided on a case whose current step is `current` (null: opening it).
 * Climbing one rung needs no trigger; entering higher directly (the harm warrants it) needs a
 * trigger of that step in the rulebook, which is recorded. A proposal of the system is itself the
 * trigger of the rung it proposes (`proposed`).
 */
export const checkStepDecision = ({
  ladder,
  unitKind,
  current,
  step,
  triggerId,
  proposed = false,
}: {
  ladder: Ladder;
  unitKind: UnitKind;
  current: AccountabilityStep | null;
  step: AccountabilityStep;
  triggerId?: string | null;
  proposed?: boolean;
}): StepDecisionCheck => {
  const stationed = findStationedRule(ladder, unitKind);
  if (step === 'major_case_notice') return { ok: false, error: 'step_not_in_rulebook', field: 'step' };
  if (step === 'recommendation' && !stationed)
    return { ok: false, error: 'recommendation_only_for_stationed', field: 'step' };
  if (isLadderStep(step)) {
    if (!findLadderStep(ladder, step)) return { ok: false, error: 'step_not_in_rulebook', field: 'step' };
    if (stationed && stationed.step === step)
      return { ok: false, error: 'stationed_unit_not_vetoed', field: 'step' };
  }
  if (step === 'yellow_card') {
    const rule = rulesOfKind(ladder, 'repeat_step').find((r) => r.outcome === 'yellow_card');
    if (!rule) return { ok: false, error: 'step_not_in_rulebook', field: 'step' };
    if (current !== rule.step) return { ok: false, error: 'yellow_card_requires_listing', field: 'step' };
    return { ok: true, triggerId: triggerId ?? null, skipsRungs: false };
  }
  if (current !== null && stepRank(step) <= stepRank(current))
    return { ok: false, error: 'step_not_higher', field: 'step' };
  const triggers = definitionOf(ladder, unitKind, step)?.triggers ?? [];
  if (triggerId != null && !triggers.some((t) => t.id === triggerId))
    return { ok: false, error: 'trigger_unknown', field: 'triggerId' };
  const skipsRungs = step !== decideNextStep(ladder, unitKind, current);
  if (skipsRungs && !proposed && triggerId == null)
    return { ok: false, error: 'trigger_required', field: 'triggerId' };
  return { ok: true, triggerId: triggerId ?? null, skipsRungs };
};

export type LadderPeriod = { amount: number; unit: 'hour' | 'working_day' | 'day' | 'month' };

/**
 * The last day of a period counted from `from` (the day of the decision does not count). A last
 * day on a rest day moves to the next working day (民法典 art. 203); working days skip holidays and
 * count make-up working days. Hours are whole days (a day's deadline ends at midnight).
 */
export const addPeriod = (calendar: WorkCalendar, from: CalendarDate, period: LadderPeriod): CalendarDate => {
  switch (period.unit) {
    case 'working_day':
      return calendar.addWorkingDays(from, period.amount);
    case 'day':
      return calendar.adjustDeadline(addCalendarDays(from, period.amount));
    case 'hour':
      return addCalendarDays(from, Math.ceil(period.amount / 24));
    case 'month':
      return calendar.adjustDeadline(addMonths(from, period.amount));
  }
};

const CADENCE_MONTHS = { month: 1, quarter: 3, half_year: 6, year: 12 } as const;

export type StepDeadlines = {
  rectificationDue: CalendarDate | null;
  firstReportDue: CalendarDate | null;
  /** Progress reports after the first, at the step's cadence, before the rectification deadline. */
  reportDueDates: CalendarDate[];
  /** 001: the major-case results, rectification and accountability are due by this day. */
  resultDue: CalendarDate | null;
  /** Copied from the rulebook onto the decided step (eligibility bars). */
  windows: EligibilityWindow[];
};

/** The limit of the rulebook that a major-case notice starts (measured from the notice). */
export const findMajorCaseLimit = (rulebook: Pick<Rulebook, 'incidentReporting'>) =>
  rulebook.incidentReporting.limits.find((l) => l.measuredFrom === 'notice_received');

/** The deadlines and windows a step decided on `decidedOn` carries under the rulebook. */
export const decideStepDeadlines = ({
  rulebook,
  unitKind,
  step,
  decidedOn,
  calendar,
}: {
  rulebook: Pick<Rulebook, 'ladder' | 'incidentReporting'>;
  unitKind: UnitKind;
  step: AccountabilityStep;
  decidedOn: CalendarDate;
  calendar: WorkCalendar;
}): StepDeadlines => {
  if (step === 'major_case_notice') {
    const limit = findMajorCaseLimit(rulebook);
    const deadline = limit?.deadline;
    return {
      rectificationDue: null,
      firstReportDue: null,
      reportDueDates: [],
      resultDue: deadline?.kind === 'within' ? addPeriod(calendar, decidedOn, deadline) : null,
      windows: limit?.windows ?? [],
    };
  }
  // A yellow card and a recommendation carry no periods of their own: the listing's run on, and
  // the county bars nobody of a stationed unit.
  const definition =
    step === 'yellow_card' || step === 'recommendation'
      ? undefined
      : definitionOf(rulebook.ladder, unitKind, step);
  const rectificationDue = definition?.rectification
    ? addPeriod(calendar, decidedOn, definition.rectification)
    : null;
  const firstReportDue = definition?.firstReport
    ? addPeriod(calendar, decidedOn, definition.firstReport)
    : null;
  const reportDueDates: CalendarDate[] = [];
  const cadence = definition?.reportCadence;
  if (cadence && rectificationDue) {
    for (let k = 1; k < 1000; k += 1) {
      const raw =
        cadence.unit === 'week'
          ? addCalendarDays(decidedOn, 7 * cadence.every * k)
          : addMonths(decidedOn, CADENCE_MONTHS[cadence.unit] * cadence.every * k);
      const due = calendar.adjustDeadline(raw);
      if (due >= rectificationDue) break;
      if (firstReportDue === null || due > firstReportDue) reportDueDates.push(due);
    }
  }
  return {
    rectificationDue,
    firstReportDue,
    reportDueDates,
    resultDue: null,
    windows: definition?.windows ?? [],
  };
};

/** Who decides a step: the unit's own level, or the level above (the county for a town). */
export const decideDecidingLevel = (
  ladder: Ladder,
  unitKind: UnitKind,
  step: AccountabilityStep,
): 'same' | 'superior' => {
  const definition = definitionOf(ladder, unitKind, step);
  return definition?.decision?.level ?? 'same';
};

/** The body that decides a step unless the operator names another: the rulebook's, else the office. */
export const defaultDecisionBody = (ladder: Ladder, unitKind: UnitKind, step: AccountabilityStep): string =>
  step === 'recommendation'
    ? 'committee'
    : (definitionOf(ladder, unitKind, step)?.decision?.body ?? 'office');

const GENERIC_BODIES: Record<string, Bilingual> = {
  party_committee_and_government: { zh: '党委和政府', en: 'Party committee and government' },
  discipline_and_personnel_organs: {
    zh: '纪检监察机关和组织人事部门',
    en: 'Discipline inspection and organisation/personnel organs',
  },
};

/** Bodies that may be named as deciding: the rulebook's office, committee and other bodies, and the generic organs. */
export const listDecisionBodies = (rulebook: Pick<Rulebook, 'bodies'>): { id: string; name: Bilingual }[] => [
  { id: 'office', name: rulebook.bodies.office.name },
  { id: 'committee', name: rulebook.bodies.committee.name },
  ...(rulebook.bodies.others ?? []).map((b) => ({ id: b.id, name: b.name })),
  ...Object.entries(GENERIC_BODIES).map(([id, name]) => ({ id, name })),
];

export type ReportFact = { kind: 'progress' | 'rectification_submission'; submittedOn: CalendarDate };

export type GoverningStep = {
  id: number;
  step: AccountabilityStep;
  rectificationDue: CalendarDate | null;
  firstReportDue: CalendarDate | null;
  resultDue: CalendarDate | null;
  acceptedOn: CalendarDate | null;
  reports: readonly ReportFact[];
};

export type MissedDeadline = { stepId: number; kind: StepDeadlineKind; date: CalendarDate };

/**
 * The deadlines of a step that have passed unmet on `asOf`: the rectification not submitted (and
 * not accepted) by its deadline, the first report or the major-case results not filed by theirs.
 * Earliest first.
 */
export const decideMissedDeadlines = (step: GoverningStep, asOf: CalendarDate): MissedDeadline[] => {
  const missed: MissedDeadline[] = [];
  const filedBy = (date: CalendarDate, kinds: readonly ReportFact['kind'][]) =>
    (step.acceptedOn !== null && step.acceptedOn <= date) ||
    step.reports.some((r) => kinds.includes(r.kind) && r.submittedOn <= date);
  if (
    step.firstReportDue &&
    asOf > step.firstReportDue &&
    !filedBy(step.firstReportDue, ['progress', 'rectification_submission'])
  )
    missed.push({ stepId: step.id, kind: 'first_report', date: step.firstReportDue });
  if (
    step.resultDue &&
    asOf > step.resultDue &&
    !filedBy(step.resultDue, ['progress', 'rectification_submission'])
  )
    missed.push({ stepId: step.id, kind: 'major_case_result', date: step.resultDue });
  if (
    step.rectificationDue &&
    asOf > step.rectificationDue &&
    !filedBy(step.rectificationDue, ['rectification_submission'])
  )
    missed.push({ stepId: step.id, kind: 'rectification', date: step.rectificationDue });
  return missed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

/** The decided step whose deadlines run: the latest, except a yellow card (the listing's run on). */
export const findGoverningStep = <S extends { step: AccountabilityStep }>(
  steps: readonly S[],
): S | undefined => [...steps].reverse().find((s) => s.step !== 'yellow_card');

export type EscalationProposal = { step: AccountabilityStep; missed: MissedDeadline };

/**
 * What a missed deadline proposes on an open case: the next rung above the current step, due to
 * the earliest missed deadline of the governing step. Null when nothing is missed or at the top.
 * The system only proposes: the step is decided by people, so the case never moves by itself.
 */
export const decideEscalation = ({
  ladder,
  unitKind,
  steps,
  asOf,
}: {
  ladder: Ladder;
  unitKind: UnitKind;
  /** The case's decided steps in the order decided. */
  steps: readonly GoverningStep[];
  asOf: CalendarDate;
}): EscalationProposal | null => {
  const governing = findGoverningStep(steps);
  const current = steps.at(-1);
  if (!governing || !current) return null;
  const missed = decideMissedDeadlines(governing, asOf)[0];
  if (!missed) return null;
  const next = decideNextStep(ladder, unitKind, current.step);
  return next ? { step: next, missed } : null;
};

export type UnitCaseHistory = {
  caseId: number;
  /** The first decision of the case, for ordering. */
  firstDecidedOn: CalendarDate;
  steps: readonly { id: number; step: AccountabilityStep }[];
};

/**
 * A `repeat_step` rule over a unit's cases: with `consecutive`, its last `times` cases all reached
 * the step (listed twice in a row → yellow card, 即墨); otherwise any `times` cases did. Answers the
 * case and step the outcome attaches to (the latest), or null.
 */
export const decideRepeatStep = (
  rule: RuleOf<'repeat_step'>,
  cases: readonly UnitCaseHistory[],
): { caseId: number; stepId: number } | null => {
  const ordered = [...cases].sort((a, b) =>
    a.firstDecidedOn < b.firstDecidedOn ? -1 : a.firstDecidedOn > b.firstDecidedOn ? 1 : a.caseId - b.caseId,
  );
  const reached = (c: UnitCaseHistory) => c.steps.find((s) => s.step === rule.step);
  const considered = rule.consecutive ? ordered.slice(-rule.times) : ordered.filter((c) => reached(c));
  if (considered.length < rule.times || !considered.every((c) => reached(c))) return null;
  const last = considered.at(-1)!;
  if (last.steps.some((s) => s.step === rule.outcome)) return null;
  return { caseId: last.caseId, stepId: reached(last)!.id };
};

/** A `consecutive_failing_years` rule: the last year of the latest run of `years` failing years ending in the latest failure. */
export const decideFailingYears = (
  rule: RuleOf<'consecutive_failing_years'>,
  failedYears: readonly number[],
): number | null => {
  if (failedYears.length === 0) return null;
  const set = new Set(failedYears);
  const last = Math.max(...failedYears);
  for (let y = last; y > last - rule.years; y -= 1) if (!set.has(y)) return null;
  return last;
};

/**
 * A `major_incidents_in_window` rule: `count` or more of the unit's incidents within the window
 * ending on `asOf` (the window's first day is `asOf` minus the window, exclusive). Answers the
 * incidents in the window, latest last, or null.
 */
export const decideMajorIncidents = (
  rule: RuleOf<'major_incidents_in_window'>,
  incidents: readonly { id: number; occurredOn: CalendarDate }[],
  asOf: CalendarDate,
): { id: number; occurredOn: CalendarDate }[] | null => {
  const start =
    rule.window.unit === 'month'
      ? addMonths(asOf, -rule.window.amount)
      : addCalendarDays(asOf, -rule.window.amount);
  const within = incidents
    .filter((i) => i.occurredOn > start && i.occurredOn <= asOf)
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id));
  return within.length >= rule.count ? within : null;
};

export const STEP_NAMES: Record<AccountabilityStep, Bilingual> = {
  notice: { zh: '通报', en: 'Notice' },
  interview: { zh: '约谈', en: 'Interview' },
  listed_supervision: { zh: '挂牌督办', en: 'Listed supervision' },
  veto: { zh: '一票否决', en: 'One-vote veto' },
  referral: { zh: '移送问责（引咎辞职、责令辞职、免职）', en: 'Referral (resignation, removal)' },
  yellow_card: { zh: '黄牌警告', en: 'Yellow card' },
  major_case_notice: { zh: '重大案件领导责任查究', en: 'Major-case responsibility investigation' },
  recommendation: { zh: '书面建议（驻县单位）', en: 'Written recommendation (stationed unit)' },
};

/** The name of a step: the rulebook's where it names it, else the standard one. */
export const stepName = (ladder: Ladder, step: AccountabilityStep): Bilingual =>
  findLadderStep(ladder, step)?.name ?? STEP_NAMES[step];
