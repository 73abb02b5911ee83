import { type FieldError, field } from '../../platform/errors';

/**
 * A post is held over [startDate, endDate) and only while its unit exists: endDate is the first day
 * no longer held, so it must come after startDate (a one-day post starts D and ends D+1).
 */
export const checkPostDates = (p: {
  startDate: string;
  endDate: string | null;
  unit: { validFrom: string; validTo: string | null };
}): FieldError[] => {
  const errors: FieldError[] = [];
  if (p.endDate !== null && p.endDate <= p.startDate)
    errors.push(field('body.endDate', '免职日期须晚于任职日期', 'The end date must be after the start date'));
  if (p.startDate < p.unit.validFrom || (p.unit.validTo !== null && p.startDate >= p.unit.validTo))
    errors.push(
      field(
        'body.startDate',
        `任职日期不在单位存续期内（${p.unit.validFrom} 起${p.unit.validTo ? `，${p.unit.validTo} 撤销` : ''}）`,
        `The start date is outside the unit's existence (from ${p.unit.validFrom}${p.unit.validTo ? ` to ${p.unit.validTo}` : ''})`,
      ),
    );
  else if (p.unit.validTo !== null && (p.endDate === null || p.endDate > p.unit.validTo))
    errors.push(
      field(
        'body.endDate',
        `单位已于 ${p.unit.validTo} 撤销，免职日期不能晚于该日`,
        `The unit closed on ${p.unit.validTo}; the post must end by then`,
      ),
    );
  return errors;
};
