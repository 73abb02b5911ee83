import { toChinaDate } from '@zongzhi/domain';
import { type FieldError, field } from '../../platform/errors';

/** Today in China: the default of every decision date. */
export const today = (now: Date) => toChinaDate(now);

/** A decision or report date: not in the future, not before `notBefore` (the case's relevant date). */
export const checkDate = (
  path: string,
  date: string,
  now: Date,
  notBefore?: { date: string; zh: string; en: string },
): FieldError[] => {
  if (date > toChinaDate(now)) return [field(path, '日期不能晚于今天', 'the date cannot be in the future')];
  if (notBefore && date < notBefore.date) return [field(path, notBefore.zh, notBefore.en)];
  return [];
};
