// Registry dates are calendar dates in China Standard Time (UTC+8, no daylight saving):
// "today" for a change made at 23:30 on 1 July in 平安办 is 1 July, whatever the server's zone.
const CST_OFFSET_MS = 8 * 3_600_000;

export const calculateToday = (now: Date) =>
  new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
