import type { UnitVersion } from '@zongzhi/contracts';
import { field, invalid } from '../../platform/errors';

/**
 * A dated change to a unit is valid from its open version's start (same day = correction of that
 * version) up to today: history is recorded, not planned — a future change would make the current
 * tree, on which every scope check relies, wrong until that day.
 */
export const assertChangeDate = (o: {
  date: string;
  today: string;
  open: UnitVersion | undefined;
  path: string;
  strictlyAfterOpen?: boolean;
}) => {
  if (o.date > o.today)
    throw invalid([
      field(o.path, `生效日期不能晚于今天（${o.today}）`, `The date may not be after today (${o.today})`),
    ]);
  if (!o.open) return;
  const tooEarly = o.strictlyAfterOpen ? o.date <= o.open.validFrom : o.date < o.open.validFrom;
  if (tooEarly)
    throw invalid([
      field(
        o.path,
        `生效日期须${o.strictlyAfterOpen ? '晚于' : '不早于'}单位当前版本的开始日期（${o.open.validFrom}）`,
        `The date must be ${o.strictlyAfterOpen ? 'after' : 'on or after'} the start of the unit's current version (${o.open.validFrom})`,
      ),
    ]);
};
