import type { CalendarData } from './calendar-year';

/**
 * The years in [fromYear, toYear] for which no arrangement is loaded, ascending — what the UI
 * lists as "calendar missing for …" and what an administrator must add before deadlines in those
 * years can be computed.
 */
export const missingYears = (calendarData: CalendarData, fromYear: number, toYear: number): number[] => {
  const present = new Set(calendarData.map((y) => y.year));
  const missing: number[] = [];
  for (let year = fromYear; year <= toYear; year++) if (!present.has(year)) missing.push(year);
  return missing;
};
