import { toChinaDate } from '@zongzhi/domain';

// Duty dates are calendar dates in China Standard Time: a meeting recorded at 23:30 on 30 September
// in 平安办 was held on 30 September, whatever the server's zone.
export const calculateToday = (now: Date) => toChinaDate(now);

/** The first moment after a date ends in China: rulebook versions published before it apply that day. */
export const calculateEndOfDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
