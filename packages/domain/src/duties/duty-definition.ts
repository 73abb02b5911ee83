import type { CalendarDate } from '../calendar/calendar-date';
import type { PeriodCadence } from '../calendar/period';

/**
 * When an occurrence falls due, relative to its period. Whatever the rule, a deadline on a rest
 * day moves to the next working day.
 * - 'period_end': the period's last day (a quarterly meeting of 2026 Q3 is due 2026-09-30);
 * - { workingDaysAfterPeriodEnd: n }: the nth working day after the period's last day
 *   ("within 10 working days after the quarter");
 * - { daysAfterPeriodStart: n }: n calendar days after the first day ("by the 5th" = 4);
 * - { month, day, yearOffset? }: a fixed date in the period's year plus `yearOffset` (the annual
 *   report for 2026 due 15 January 2027 = { month: 1, day: 15, yearOffset: 1 }); a day past the
 *   month's end is clamped (29 February in a common year → 28 February).
 */
export type DutyDeadlineRule =
  | 'period_end'
  | { workingDaysAfterPeriodEnd: number }
  | { daysAfterPeriodStart: number }
  | { month: number; day: number; yearOffset?: number };

/**
 * The least the occurrence generator needs of a duty. The rulebook's duty entries (validated by
 * the rulebook schema) carry more — names, source articles, evidence requirements — and map onto
 * this shape field for field.
 */
export type DutyDefinition = {
  id: string;
  /** Unit kinds that owe the duty (e.g. ['town', 'department']). */
  appliesTo: readonly string[];
  cadence: PeriodCadence;
  deadline: DutyDeadlineRule;
};

/**
 * A unit as the generator sees it. `validFrom`/`validTo` bound its existence (`validTo` exclusive,
 * null or absent while open), as in the unit registry.
 */
export type DutyUnit = {
  id: string;
  kind: string;
  validFrom?: CalendarDate | null;
  validTo?: CalendarDate | null;
};

/** One (duty, unit, period): the row the server stores once, keyed by `key`. */
export type DutyOccurrence = {
  /** `${dutyId}:${unitId}:${periodKey}` — the same inputs always give the same key. */
  key: string;
  dutyId: string;
  unitId: string;
  periodKey: string;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  deadline: CalendarDate;
};

export const dutyOccurrenceKey = ({
  dutyId,
  unitId,
  periodKey,
}: {
  dutyId: string;
  unitId: string;
  periodKey: string;
}) => `${dutyId}:${unitId}:${periodKey}`;
