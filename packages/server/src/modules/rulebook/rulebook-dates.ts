// Rulebook dates are calendar dates in China Standard Time (UTC+8, no daylight saving), as in the
// registry: "today" at 23:30 on 1 July in 平安办 is 1 July, whatever the server's zone.
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export const calculateToday = (now: Date) =>
  new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

/** The first moment after a date ends in China: versions published before it are in force that day. */
export const calculateEndOfDate = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS);
