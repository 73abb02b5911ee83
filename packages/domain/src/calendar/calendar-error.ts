/** Why a calendar operation refused to answer. One union per area (STYLE habit 7). */
export type CalendarErrorCode =
  | 'invalid_date'
  | 'calendar_year_missing'
  | 'invalid_calendar_data'
  | 'invalid_cadence';

/**
 * A typed calendar failure. `calendar_year_missing` carries the year so the server can say which
 * year's State Council notice must be added before a deadline in that year can be computed.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details: { year?: number; value?: unknown; path?: string } = {},
  ) {
    super(message);
  }
}

export const isCalendarError = (error: unknown, code?: CalendarErrorCode): error is CalendarError =>
  error instanceof CalendarError && (code === undefined || error.code === code);
