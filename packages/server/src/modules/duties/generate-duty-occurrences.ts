import {
  type CalendarDate,
  type Duty,
  type DutyDefinition,
  type DutyOccurrence,
  type OccurrencesWaitingForCalendar,
  addCalendarDays,
  decideDutyOccurrences,
  mapRulebookDuty,
  periodOf,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { loadWorkCalendar } from '../calendar/load-work-calendar';
import { calculateEndOfDate } from './duty-dates';
import { type NewOccurrence, findUnitsExistingIn, insertOccurrencesIfAbsent } from './duties.repository';

/** The days whose periods a duty is generated for (every period overlapping [from, to]). */
export type GenerationWindow = (duty: DutyDefinition) => { from: CalendarDate; to: CalendarDate };

export type GenerationPlan = {
  rows: NewOccurrence[];
  units: number;
  unitsWithoutRulebook: number;
  rulebooks: { rulebookId: string; version: number; units: number }[];
  waitingForCalendar: OccurrencesWaitingForCalendar[];
};

/** A whole calendar year for every duty. */
export const yearWindow =
  (year: number): GenerationWindow =>
  () => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The scheduler's window: each duty's current and next period, and the previous one while its
 * deadline (counted after the period, e.g. "10 working days after the quarter") is still ahead.
 */
export const currentAndNextWindow =
  (today: CalendarDate): GenerationWindow =>
  (duty) => {
    const current = periodOf(today, duty.cadence);
    return {
      from: addCalendarDays(current.start, -1),
      to: addCalendarDays(current.end, 1),
    };
  };

/**
 * What the effective rulebooks owe in a window: loads the units (inside `patterns` when given),
 * finds each one's rulebook as in force on `rulesDate`, resolves every rulebook once, and asks the
 * domain for the occurrences of each calendar duty. Nothing is written.
 */
export const planDutyOccurrences = async (
  q: Queryable,
  input: {
    window: GenerationWindow;
    /** Bounds of every window: units existing at some point of it are considered. */
    span: { from: CalendarDate; to: CalendarDate };
    /** The day whose rulebook versions and attachments apply. */
    rulesDate: CalendarDate;
    patterns: readonly string[] | null;
    /** Drops occurrences the caller does not want (the scheduler's already-past previous periods). */
    keep?: (o: DutyOccurrence) => boolean;
  },
): Promise<GenerationPlan> => {
  // The calendar as stored now: a year saved since the last run lets its waiting occurrences through.
  const calendar = await loadWorkCalendar(q);
  const units = await findUnitsExistingIn(q, { ...input.span, patterns: input.patterns });
  const rulebookOf = await findRulebookIdsOfUnits(q, units, input.rulesDate);
  const byRulebook = new Map<string, typeof units>();
  for (const unit of units) {
    const id = rulebookOf.get(unit.id);
    if (id === undefined) continue;
    const list = byRulebook.get(id);
    if (list) list.push(unit);
    else byRulebook.set(id, [unit]);
  }

  const rows: NewOccurrence[] = [];
  const waitingForCalendar: OccurrencesWaitingForCalendar[] = [];
  const rulebooks: GenerationPlan['rulebooks'] = [];
  const before = calculateEndOfDate(input.rulesDate);
  for (const [rulebookId, owing] of [...byRulebook].sort(([a], [b]) => a.localeCompare(b))) {
    const inForce = await findRulebookInForce(q, rulebookId, before);
    // An unresolvable chain generates nothing; the rulebook page names its errors.
    if (!inForce) continue;
    rulebooks.push({ rulebookId, version: inForce.version, units: owing.length });
    const dutyUnits = owing.map((u) => ({
      id: String(u.id),
      kind: u.kind,
      validFrom: u.validFrom,
      validTo: u.validTo,
    }));
    for (const duty of inForce.rulebook.duties) {
      const definition = mapRulebookDuty(duty);
      if (!definition) continue;
      const decision = decideDutyOccurrences({
        duties: [definition],
        units: dutyUnits,
        ...input.window(definition),
        calendar,
      });
      waitingForCalendar.push(...decision.waitingForCalendar);
      for (const o of decision.occurrences) {
        if (input.keep && !input.keep(o)) continue;
        rows.push(toRow(o, duty, rulebookId, inForce.version));
      }
    }
  }
  return {
    rows,
    units: units.length,
    unitsWithoutRulebook: units.length - rulebookOf.size,
    rulebooks,
    waitingForCalendar,
  };
};

const toRow = (o: DutyOccurrence, duty: Duty, rulebookId: string, version: number): NewOccurrence => ({
  dutyId: o.dutyId,
  unitId: Number(o.unitId),
  periodKey: o.periodKey,
  periodStart: o.periodStart,
  periodEnd: o.periodEnd,
  deadline: o.deadline,
  nameZh: duty.name.zh,
  nameEn: duty.name.en,
  dutyKind: duty.kind,
  evidenceRequired: duty.evidenceRequired,
  rulebookId,
  rulebookVersion: version,
});

/**
 * Plans and stores the occurrences of a window: one per (duty, unit, period), each with the
 * rulebook version it came from. Idempotent: a second run, or a second server, adds nothing, and
 * an occurrence stored earlier keeps its rulebook version, fulfilment and waiver.
 */
export const generateDutyOccurrences = async (
  q: Queryable,
  input: Parameters<typeof planDutyOccurrences>[1] & { now: Date; insertChunk?: number },
) => {
  const plan = await planDutyOccurrences(q, input);
  const created = await insertOccurrencesIfAbsent(q, plan.rows, input.now, input.insertChunk);
  return { ...plan, created, owed: plan.rows.length };
};
