import dayjs, { type Dayjs } from 'dayjs';

/** The API's calendar dates are 'YYYY-MM-DD' strings; Ant Design's pickers hold Dayjs values. */
export const toIsoDate = (d: Dayjs) => d.format('YYYY-MM-DD');

export const todayIso = () => dayjs().format('YYYY-MM-DD');

/** For pickers of a dated change: history is recorded, not planned, so days after today are off. */
export const isAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');
