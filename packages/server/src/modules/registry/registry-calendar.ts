import { toChinaDate } from '@zongzhi/domain';

// Registry dates are calendar dates in China Standard Time: "today" for a change made at 23:30 on
// 1 July in 平安办 is 1 July, whatever the server's zone. The domain's toChinaDate decides it.
export const calculateToday = (now: Date) => toChinaDate(now);
