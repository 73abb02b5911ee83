/** Something held over [startDate, endDate): endDate is exclusive and null while open. */
export type Interval = { startDate: string; endDate: string | null };

/**
 * Whether the interval covers the calendar date. Dates are 'YYYY-MM-DD', so string order is date
 * order. A post ending on D was last held on D-1: its successor, starting on D, is the holder on D.
 */
export const isValidOn = ({ startDate, endDate }: Interval, date: string) =>
  startDate <= date && (endDate === null || date < endDate);
