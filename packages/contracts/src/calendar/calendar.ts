import { z } from 'zod';

/** The first year the product needs a working calendar for (the national baseline, 2016). */
export const CALENDAR_FIRST_YEAR = 2016;

export const calendarYearParamSchema = z.object({ year: z.coerce.number().int().min(1949).max(9999) });
export type CalendarYearParam = z.infer<typeof calendarYearParamSchema>;

/**
 * One year's arrangement in the domain's CalendarYear shape (year, jurisdiction, source notice,
 * amendments, holidays, makeUpWorkdays, verifiedAgainst). Checked field by field by the domain's
 * validator, which names the wrong path.
 */
export const calendarYearDataSchema = z.record(z.string(), z.unknown());
export type CalendarYearData = z.infer<typeof calendarYearDataSchema>;

/**
 * `official`: the State Council's notice for the year. `provisional` (暂定): the statutory holidays
 * only, without make-up working days; deadlines computed from it may move by a day or two once the
 * notice is entered.
 */
export const calendarYearStatusSchema = z.enum(['official', 'provisional']);
export type CalendarYearStatus = z.infer<typeof calendarYearStatusSchema>;

export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
  status: calendarYearStatusSchema,
  sourceTitle: z.string(),
  documentNumber: z.string(),
  holidays: z.number().int(),
  makeUpWorkdays: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type CalendarYearSummary = z.infer<typeof calendarYearSummarySchema>;

export const calendarYearsResponseSchema = z.object({
  years: z.array(calendarYearSummarySchema),
  /** The range the product needs: from 2016 to next year. */
  required: z.object({ from: z.number().int(), to: z.number().int() }),
  /** Years of that range without an arrangement: deadlines in them cannot be computed yet. */
  missing: z.array(z.number().int()),
  /** Stored years that are provisional: deadlines in them may move once the notice is entered. */
  provisional: z.array(z.number().int()),
});
export type CalendarYearsResponse = z.infer<typeof calendarYearsResponseSchema>;

export const calendarYearDetailSchema = z.object({
  year: z.number().int(),
  status: calendarYearStatusSchema,
  data: calendarYearDataSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type CalendarYearDetail = z.infer<typeof calendarYearDetailSchema>;
