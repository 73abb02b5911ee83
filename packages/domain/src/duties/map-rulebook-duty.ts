import type { Duty } from '../rulebook/rulebook.schema';
import type { DutyDeadlineRule, DutyDefinition } from './duty-definition';

/**
 * The generator's view of a rulebook duty, or null for an event-driven duty (a major case "within
 * 24 hours" has no period: it is owed when the event happens, not on a calendar). The shapes map
 * one to one: end_of_period → 'period_end', working_days_after_period_end → the nth working day
 * after the period, days_after_period_start → n calendar days after its first day, fixed_date →
 * a month-day in the period's year plus yearOffset.
 */
export const mapRulebookDuty = (duty: Duty): DutyDefinition | null => {
  if (duty.cadence.kind !== 'periodic') return null;
  const deadline = mapDeadline(duty.deadline);
  if (deadline === null) return null;
  return {
    id: duty.id,
    appliesTo: duty.who,
    cadence: { every: duty.cadence.every, unit: duty.cadence.unit },
    deadline,
  };
};

const mapDeadline = (deadline: Duty['deadline']): DutyDeadlineRule | null => {
  switch (deadline.kind) {
    case 'end_of_period':
      return 'period_end';
    case 'working_days_after_period_end':
      return { workingDaysAfterPeriodEnd: deadline.days };
    case 'days_after_period_start':
      return { daysAfterPeriodStart: deadline.days };
    case 'fixed_date':
      return deadline.yearOffset === undefined
        ? { month: deadline.month, day: deadline.day }
        : { month: deadline.month, day: deadline.day, yearOffset: deadline.yearOffset };
    // A periodic cadence with an event deadline is not a calendar duty either.
    case 'within':
    case 'at_once':
      return null;
    default:
      return assertNever(deadline);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`unexpected deadline ${JSON.stringify(value)}`);
};

/** The calendar duties of a rulebook, in its order; event-driven ones are left to their own flows. */
export const mapRulebookDuties = (duties: readonly Duty[]): DutyDefinition[] =>
  duties.flatMap((d) => mapRulebookDuty(d) ?? []);
