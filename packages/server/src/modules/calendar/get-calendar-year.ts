import type { CalendarYearDetail, CalendarYearStatus } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { notFound } from '../../platform/errors';
import { type CalendarYearRow, findCalendarYear } from './calendar.repository';

/** A stored year's status; rows stored before the field existed are official notices. */
export const statusOf = (data: { status?: unknown }): CalendarYearStatus =>
  data.status === 'provisional' ? 'provisional' : 'official';

export const presentCalendarYear = (r: CalendarYearRow): CalendarYearDetail => ({
  year: r.year,
  status: statusOf(r.data),
  data: r.data,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

/** One stored year, as it is edited; 404 for a missing year. */
export const getCalendarYear = async (q: Queryable, year: number): Promise<CalendarYearDetail> => {
  const row = await findCalendarYear(q, year);
  if (!row) throw notFound();
  return presentCalendarYear(row);
};
