import { CALENDAR_FIRST_YEAR, type CalendarYearsResponse } from '@zongzhi/contracts';
import { missingYears, toChinaDate, yearOf } from '@zongzhi/domain';
import type { AppContext } from '../../platform/context';
import { findCalendarYears } from './calendar.repository';
import { statusOf } from './get-calendar-year';

/**
 * Every stored year, and the years the product needs (2016 to next year) that are missing: the
 * notice for next year is published in October–December, and until it is added deadlines that
 * fall in next year cannot be computed. A provisional year (statutory holidays only) is not missing,
 * but is listed under `provisional`: its deadlines may move once the notice is entered.
 */
export const listCalendarYears = async (ctx: AppContext): Promise<CalendarYearsResponse> => {
  const rows = await findCalendarYears(ctx.db);
  const to = yearOf(toChinaDate(ctx.clock.now())) + 1;
  return {
    years: rows.map((r) => ({
      year: r.year,
      status: statusOf(r.data),
      sourceTitle: r.data.source.title,
      documentNumber: r.data.source.documentNumber,
      holidays: r.data.holidays.length,
      makeUpWorkdays: r.data.makeUpWorkdays.length,
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: r.updatedBy,
    })),
    required: { from: CALENDAR_FIRST_YEAR, to },
    missing: missingYears(
      rows.map((r) => r.data),
      CALENDAR_FIRST_YEAR,
      to,
    ),
    provisional: rows.filter((r) => statusOf(r.data) === 'provisional').map((r) => r.year),
  };
};
