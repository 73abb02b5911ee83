import { addMonths, toChinaDate } from '../calendar/calendar-date';
import { isCalendarError } from '../calendar/calendar-error';
import type { WorkCalendar } from '../calendar/create-work-calendar';
import type { Rulebook } from '../rulebook/rulebook.schema';

/**
 * How a report of an incident stands against the rulebook's limit:
 * - `on_time` / `late`: the limit is counted (within N hours, days, working days, months);
 * - `unassessed`: the rulebook counts no limit (随时报告 "at once", no limit stated, no rulebook,
 *   or the working calendar lacks the year) — the product does not invent one;
 * - `unreported`: the unit never reported it; the 综治办 learned of it elsewhere (瞒报/漏报).
 */
export const REPORT_TIMELINESS = ['on_time', 'late', 'unassessed', 'unreported'] as const;
export type ReportTimeliness = (typeof REPORT_TIMELINESS)[number];

/** Why the decision is what it is, for the record and the screen. */
export const TIMELINESS_BASES = [
  'within_limit',
  'after_limit',
  'at_once',
  'no_limit',
  'no_rulebook',
  'calendar_year_missing',
  'not_reported',
] as const;
export type TimelinessBasis = (typeof TIMELINESS_BASES)[number];

export type IncidentLimit = Rulebook['incidentReporting']['limits'][number];

export type DecideReportTimelinessInput = {
  /** The effective rulebook's incident limits; null when the unit follows no rulebook. */
  limits: readonly IncidentLimit[] | null;
  occurredAt: Date;
  /** When the unit's report was filed; null when the incident was learned of elsewhere. */
  reportedAt: Date | null;
  /** For limits counted in working days. */
  calendar: WorkCalendar;
};

export type ReportTimelinessDecision = {
  timeliness: ReportTimeliness;
  basis: TimelinessBasis;
  /** The limit applied (its id in the rulebook), when there was one to apply. */
  limitId: string | null;
  /** The last instant a report was on time, when the limit is counted. */
  deadlineAt: Date | null;
};

const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The same wall-clock time in China on another date. */
const atChinaTimeOn = (date: string, instant: Date) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + ((instant.getTime() + CHINA_OFFSET_MS) % (24 * HOUR_MS)));

/**
 * The deadline of a counted limit, measured from the moment the incident happened: hours and
 * calendar days as elapsed time (24 h is 24 h, across midnight and holidays); months to the same
 * wall-clock time N months on (Jan 31 + 1 month = Feb 28); working days to the end (24:00 China
 * time) of the Nth working day after the day it happened.
 */
const calculateDeadline = (
  deadline: { amount: number; unit: 'hour' | 'day' | 'working_day' | 'month' },
  occurredAt: Date,
  calendar: WorkCalendar,
): Date => {
  switch (deadline.unit) {
    case 'hour':
      return new Date(occurredAt.getTime() + deadline.amount * HOUR_MS);
    case 'day':
      return new Date(occurredAt.getTime() + deadline.amount * 24 * HOUR_MS);
    case 'month':
      return atChinaTimeOn(addMonths(toChinaDate(occurredAt), deadline.amount), occurredAt);
    case 'working_day': {
      const day = calendar.addWorkingDays(toChinaDate(occurredAt), deadline.amount);
      return new Date(Date.parse(`${day}T00:00:00+08:00`) + 24 * HOUR_MS - 1);
    }
  }
};

/**
 * Was the report of an incident on time? The applicable limit is the rulebook's first limit
 * measured from the occurrence (a limit measured from a notice, like seed 001's one-month
 * investigation report, concerns a later report, not this one). A report at the deadline instant
 * is on time; one millisecond later is late.
 */
export const decideReportTimeliness = ({
  limits,
  occurredAt,
  reportedAt,
  calendar,
}: DecideReportTimelinessInput): ReportTimelinessDecision => {
  const limit = limits?.find((l) => l.measuredFrom === 'occurrence');
  const limitId = limit?.id ?? null;
  const decide = (timeliness: ReportTimeliness, basis: TimelinessBasis, deadlineAt: Date | null = null) => ({
    timeliness,
    basis,
    limitId,
    deadlineAt,
  });
  let deadlineAt: Date | null = null;
  if (limit?.deadline.kind === 'within') {
    try {
      deadlineAt = calculateDeadline(limit.deadline, occurredAt, calendar);
    } catch (error) {
      if (!isCalendarError(error, 'calendar_year_missing')) throw error;
    }
  }
  if (reportedAt === null) return decide('unreported', 'not_reported', deadlineAt);
  if (limits === null) return decide('unassessed', 'no_rulebook');
  if (!limit) return decide('unassessed', 'no_limit');
  if (limit.deadline.kind === 'at_once') return decide('unassessed', 'at_once');
  if (!deadlineAt) return decide('unassessed', 'calendar_year_missing');
  return reportedAt.getTime() <= deadlineAt.getTime()
    ? decide('on_time', 'within_limit', deadlineAt)
    : decide('late', 'after_limit', deadlineAt);
};
