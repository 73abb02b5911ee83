import type { Bar } from './derive-bars';
import { type EligibilityPurpose, PURPOSE_BARS } from './eligibility-kinds';

export type EligibilityQuestion = { date: string; purpose: EligibilityPurpose };

export type EligibilityAnswer<B extends Bar> = {
  eligible: boolean;
  /** Every bar in force on the date that answers the purpose: the longest first, open ones before all. */
  reasons: B[];
  /** The first day every one of these bars has ended; null when eligible or when a bar is open-ended. */
  eligibleFrom: string | null;
};

/** Whether a bar is in force on `date` ([from, to), open while `to` is null). */
export const isBarInForce = (bar: Pick<Bar, 'from' | 'to'>, date: string) =>
  bar.from <= date && (bar.to === null || date < bar.to);

/**
 * 提拔奖励征求综治委意见: a party is eligible for a purpose on a date unless a bar answering that
 * purpose (`PURPOSE_BARS`, per kind of party) is in force that day. Pass one party's bars.
 */
export const decideEligibility = <B extends Bar>(
  bars: readonly B[],
  { date, purpose }: EligibilityQuestion,
): EligibilityAnswer<B> => {
  const reasons = bars
    .filter((b) => PURPOSE_BARS[b.partyKind][purpose].includes(b.bar) && isBarInForce(b, date))
    .sort(
      (a, b) =>
        (a.to === null ? 0 : 1) - (b.to === null ? 0 : 1) ||
        (b.to ?? '').localeCompare(a.to ?? '') ||
        a.caseId - b.caseId ||
        a.stepId - b.stepId ||
        a.windowId.localeCompare(b.windowId) ||
        a.bar.localeCompare(b.bar),
    );
  const open = reasons.some((r) => r.to === null);
  const eligibleFrom = reasons.length === 0 || open ? null : (reasons[0]?.to ?? null);
  return { eligible: reasons.length === 0, reasons, eligibleFrom };
};
