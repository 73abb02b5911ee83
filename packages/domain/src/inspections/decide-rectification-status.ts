import { type CalendarDate, toDayNumber } from '../calendar/calendar-date';

/** What the task's record says happened last (the stored lifecycle). */
export const RECTIFICATION_STATES = ['open', 'submitted', 'rejected', 'accepted', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/** What the tracker shows at a date. */
export const RECTIFICATION_STATUSES = [
  'open',
  'due_soon',
  'overdue',
  'submitted',
  'rejected',
  'accepted',
  'closed',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export type CountdownColour = 'green' | 'yellow' | 'red' | 'none';

export type RectificationFacts = {
  state: RectificationState;
  /** The deadline in force (reset by a rejection). */
  deadline: CalendarDate;
  issuedOn: CalendarDate;
  /** Day of the pending or accepted submission; null while the owner is still rectifying. */
  submittedOn: CalendarDate | null;
  acceptedOn: CalendarDate | null;
  closedOn: CalendarDate | null;
};

export type RectificationStatusDecision = {
  status: RectificationStatus;
  /** Calendar days from `asOf` to the deadline: 0 on the deadline day, negative once overdue. */
  daysLeft: number;
  colour: CountdownColour;
  /** True when, at `asOf`, the deadline has passed and the owner had not submitted in time. */
  overdue: boolean;
};

/**
 * The status of a rectification at `asOf` (a China date).
 *
 * Edge semantics: the deadline day itself is in time; a task is overdue from the day after its
 * deadline until it is submitted for acceptance. A submission stops the clock; a rejection sends
 * the task back with a new deadline and the clock runs again. A task submitted after its deadline
 * stays `submitted` (it is no longer overdue, but it was not on time: see `isSubmittedOnTime`).
 * Facts dated after `asOf` are ignored, so a past date reads as it stood then, on the deadline in
 * force now. Colours: green while more than `dueSoonDays` calendar days are left, yellow from then
 * to the deadline day, red once overdue; finished and submitted tasks have none.
 */
export const decideRectificationStatus = ({
  task,
  asOf,
  dueSoonDays,
}: {
  task: RectificationFacts;
  asOf: CalendarDate;
  dueSoonDays: number;
}): RectificationStatusDecision => {
  const daysLeft = toDayNumber(task.deadline) - toDayNumber(asOf);
  const by = (d: CalendarDate | null) => d !== null && d <= asOf;
  if (by(task.closedOn)) return { status: 'closed', daysLeft, colour: 'none', overdue: false };
  if (by(task.acceptedOn)) return { status: 'accepted', daysLeft, colour: 'none', overdue: false };
  if (by(task.submittedOn) && task.state !== 'rejected')
    return { status: 'submitted', daysLeft, colour: 'none', overdue: false };
  if (daysLeft < 0) return { status: 'overdue', daysLeft, colour: 'red', overdue: true };
  const colour: CountdownColour = daysLeft <= dueSoonDays ? 'yellow' : 'green';
  if (task.state === 'rejected') return { status: 'rejected', daysLeft, colour, overdue: false };
  return { status: colour === 'yellow' ? 'due_soon' : 'open', daysLeft, colour, overdue: false };
};

/** Whether a submission on `submittedOn` met the deadline in force (the deadline day is in time). */
export const isSubmittedOnTime = ({
  submittedOn,
  deadline,
}: {
  submittedOn: CalendarDate;
  deadline: CalendarDate;
}) => submittedOn <= deadline;

/** Tracker order: overdue first (most overdue on top), then by days left, finished tasks last. */
type Urgency = Pick<RectificationStatusDecision, 'status' | 'daysLeft' | 'colour'> & { id: number };

export const compareRectificationUrgency = (a: Urgency, b: Urgency): number => {
  const rank = (d: Urgency) =>
    d.status === 'overdue' ? 0 : d.status === 'submitted' ? 2 : d.colour === 'none' ? 3 : 1;
  return rank(a) - rank(b) || a.daysLeft - b.daysLeft || a.id - b.id;
};
