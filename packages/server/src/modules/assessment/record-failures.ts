import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { insertAssessmentFailure } from '../accountability/accountability.repository';
import { proposeFromFacts } from '../accountability/sweep-accountability';

/**
 * Records, in the caller's transaction, that these units failed the annual assessment of `year`
 * (the accountability module's assessment_failures, as POST /accountability/assessment-failures
 * does), then lets its rules propose (a `consecutive_failing_years` rule → a veto proposal).
 * A year already recorded for a unit stays as it was.
 */
export const recordAnnualFailures = async (
  q: Queryable,
  o: {
    unitIds: readonly number[];
    year: number;
    note: string;
    now: Date;
    by: string;
    byAccountId: number | null;
    /** Audits each recorded failure as the accountability module does. */
    audit: (unitId: number, details: Record<string, unknown>) => Promise<void>;
  },
): Promise<{ failuresRecorded: { unitId: number; failureId: number }[]; proposals: number[] }> => {
  const failuresRecorded: { unitId: number; failureId: number }[] = [];
  for (const unitId of o.unitIds) {
    const row = await insertAssessmentFailure(q, {
      unitId,
      year: o.year,
      note: o.note,
      recordedAt: o.now,
      recordedBy: o.by,
      recordedByAccountId: o.byAccountId,
    });
    if (row) failuresRecorded.push({ unitId, failureId: row.id });
  }
  const proposals =
    failuresRecorded.length === 0
      ? []
      : await proposeFromFacts(q, {
          asOf: toChinaDate(o.now),
          now: o.now,
          unitIds: failuresRecorded.map((f) => f.unitId),
        });
  for (const f of failuresRecorded)
    await o.audit(f.unitId, { year: o.year, failureId: f.failureId, proposals, note: o.note });
  return { failuresRecorded, proposals };
};
