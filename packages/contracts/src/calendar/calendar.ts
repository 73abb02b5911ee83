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

export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
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
});
export type CalendarYearsResponse = z.infer<typeof calendarYearsResponseSchema>;

export const calendarYearDetailSchema = z.object({
  year: z.number().int(),
  data: calendarYearDataSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type CalendarYearDetail = z.infer<typeof calendarYearDetailSchema>;
