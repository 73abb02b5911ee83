import type { CalendarDate } from '../calendar/calendar-date';
import { isCalendarError } from '../calendar/calendar-error';
import type { WorkCalendar } from '../calendar/create-work-calendar';
import { listPeriods } from '../calendar/period';
import { calculateDutyDeadline } from './calculate-duty-deadline';
import {
  type DutyDefinition,
  type DutyOccurrence,
  type DutyUnit,
  dutyOccurrenceKey,
} from './duty-definition';
import { DutyError } from './duty-error';

export type DecideDutyOccurrencesInput = {
  duties: readonly DutyDefinition[];
  units: readonly DutyUnit[];
  /** First and last day of the window, inclusive: every period overlapping it is generated. */
  from: CalendarDate;
  to: CalendarDate;
  calendar: WorkCalendar;
};

/** A (duty, period) whose deadline needs a calendar year that is not loaded yet. */
export type OccurrencesWaitingForCalendar = {
  dutyId: string;
  periodKey: string;
  missingYear: number;
  unitCount: number;
};

export type DutyOccurrenceDecision = {
  occurrences: DutyOccurrence[];
  /**
   * Periods left out because their deadline falls in (or counts through) a year without holiday
   * data. Nothing is guessed: the server stores the rest and generates these once the year's notice
   * is added — the same keys, so the later run adds exactly the missing rows.
   */
  waitingForCalendar: OccurrencesWaitingForCalendar[];
};

const existsOn = (unit: DutyUnit, date: CalendarDate) =>
  (unit.validFrom == null || unit.validFrom <= date) && (unit.validTo == null || date < unit.validTo);

/**
 * The occurrences owed in a window: one per (duty, unit, period) for every duty, every unit of a
 * kind the duty applies to, and every period of the duty's cadence that overlaps [from, to].
 *
 * Periods follow the rule's own calendar (quarters, bimonths anchored on January, ISO weeks), never
 * the date of the last fulfilment, so a late meeting does not shift the next one. A unit owes a
 * period when it exists on the period's last day, the day the duty falls due for it: a unit closed
 * before the end of a quarter owes nothing for it; a unit founded during it does (a waiver covers
 * the hard case). Keys are `${dutyId}:${unitId}:${periodKey}`; overlapping windows give the same
 * keys for the same periods, so storing with a unique key makes a second generation a no-op.
 */
export const decideDutyOccurrences = ({
  duties,
  units,
  from,
  to,
  calendar,
}: DecideDutyOccurrencesInput): DutyOccurrenceDecision => {
  const unitsByKind = new Map<string, DutyUnit[]>();
  const unitIds = new Set<string>();
  for (const unit of units) {
    if (unitIds.has(unit.id)) throw new DutyError('duplicate_unit', unit.id);
    unitIds.add(unit.id);
    const list = unitsByKind.get(unit.kind);
    if (list) list.push(unit);
    else unitsByKind.set(unit.kind, [unit]);
  }

  const occurrences: DutyOccurrence[] = [];
  const waitingForCalendar: OccurrencesWaitingForCalendar[] = [];
  const dutyIds = new Set<string>();

  for (const duty of duties) {
    if (dutyIds.has(duty.id)) throw new DutyError('duplicate_duty', duty.id);
    dutyIds.add(duty.id);
    const owing = [...new Set(duty.appliesTo)].flatMap((kind) => unitsByKind.get(kind) ?? []);
    if (owing.length === 0) continue;

    for (const period of listPeriods({ cadence: duty.cadence, from, to })) {
      const unitsOwing = owing.filter((unit) => existsOn(unit, period.end));
      if (unitsOwing.length === 0) continue;
      let deadline: CalendarDate;
      try {
        deadline = calculateDutyDeadline({ period, rule: duty.deadline, calendar });
      } catch (error) {
        if (!isCalendarError(error, 'calendar_year_missing')) throw error;
        waitingForCalendar.push({
          dutyId: duty.id,
          periodKey: period.key,
          missingYear: error.details.year ?? Number.NaN,
          unitCount: unitsOwing.length,
        });
        continue;
      }
      for (const unit of unitsOwing) {
        occurrences.push({
          key: dutyOccurrenceKey({ dutyId: duty.id, unitId: unit.id, periodKey: period.key }),
          dutyId: duty.id,
          unitId: unit.id,
          periodKey: period.key,
          periodStart: period.start,
          periodEnd: period.end,
          deadline,
        });
      }
    }
  }
  return { occurrences, waitingForCalendar };
};
