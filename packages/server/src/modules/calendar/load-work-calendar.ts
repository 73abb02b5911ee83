import { type CalendarYear, type WorkCalendar, createWorkCalendar, parseCalendarYear } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findCalendarDigest, findCalendarYears } from './calendar.repository';

// Built calendars by the digest of the rows they were built from. A save (in this process or in
// another server on the same database) changes the digest, so the next use case builds afresh; a
// transaction sees its own unsaved change the same way. Only a few calendars are kept.
const built = new Map<string, WorkCalendar>();
const KEEP = 8;

/** Builds the calendar from stored years (each validated again: the rows are data, not trusted code). */
export const buildWorkCalendar = (years: readonly CalendarYear[]): WorkCalendar =>
  createWorkCalendar(years.map((y) => parseCalendarYear(y, `calendar_years[${y.year}]`)));

/**
 * The working calendar as the database holds it now: holidays and make-up working days of every
 * stored year. Years not stored are missing, and working-day arithmetic in them refuses to answer
 * (`calendar_year_missing`). Every use case that computes a deadline starts with this.
 */
export const loadWorkCalendar = async (q: Queryable): Promise<WorkCalendar> => {
  const digest = await findCalendarDigest(q);
  const cached = built.get(digest);
  if (cached) return cached;
  const calendar = buildWorkCalendar((await findCalendarYears(q)).map((r) => r.data));
  if (built.size >= KEEP) built.delete(built.keys().next().value as string);
  built.set(digest, calendar);
  return calendar;
};
