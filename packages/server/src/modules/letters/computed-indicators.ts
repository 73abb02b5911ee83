import { calculateSigningRate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { countDutiesOnTime, countIncidentReportsOnTime, countLettersIssuedBy } from './letters.repository';

type Period = { key: string; start: string; end: string };
type Compute = (
  q: Queryable,
  o: { unitId: number; year: number; period: Period; today: string },
) => Promise<number | null>;

const percent = ({ total, part }: { total: number; part: number }) =>
  total === 0 ? null : Math.round((part * 1000) / total) / 10;

/**
 * Indicators whose value the system computes from facts it already holds (RULES.md §9: a figure
 * the system has is never asked for). Each answers the value for a period that has started, or
 * null when there is nothing to count yet. Later issues add more sources.
 * - `signing-rate` (001 target 3): 签状率 of the letters the unit itself issued this year, as now;
 * - `duties-on-time`: share of the unit's duty occurrences due in the period (and already due)
 *   that were done by their deadline or waived;
 * - `incident-reports-on-time`: share of the unit's incidents in the period reported within the
 *   rulebook's limit (late and unreported ones count against it).
 */
export const COMPUTED_INDICATORS: Record<string, Compute> = {
  'signing-rate': async (q, { unitId, year, period, today }) => {
    if (period.start > today) return null;
    return calculateSigningRate(await countLettersIssuedBy(q, unitId, year));
  },
  'duties-on-time': async (q, { unitId, period, today }) => {
    if (period.start > today) return null;
    const { total, onTime } = await countDutiesOnTime(q, unitId, period.start, period.end, today);
    return percent({ total, part: onTime });
  },
  'incident-reports-on-time': async (q, { unitId, period, today }) => {
    if (period.start > today) return null;
    const { total, onTime } = await countIncidentReportsOnTime(q, unitId, period.start, period.end);
    return percent({ total, part: onTime });
  },
};

export const isComputedIndicator = (indicatorId: string | null | undefined): indicatorId is string =>
  typeof indicatorId === 'string' && Object.hasOwn(COMPUTED_INDICATORS, indicatorId);
