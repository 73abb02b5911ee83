import { type CalendarData, type CalendarYear, SHIPPED_CALENDAR_DATA } from '@zongzhi/domain';
import type { Database, Queryable } from '../../db/client';
import { appendAudit, chainPendingAudit } from '../../platform/audit/audit-ledger';
import { type Clock, systemClock } from '../../platform/clock';
import { insertCalendarYearIfAbsent, replaceSystemProvisionalYear } from './calendar.repository';

export type EnsureShippedCalendarResult = {
  /** Years stored now, as shipped. */
  seeded: number[];
  /** Provisional years stored earlier by 'system', replaced now by the shipped (official) year. */
  upgraded: number[];
  /** Years the database already held (as shipped or edited since): left alone. */
  present: number[];
};

const auditShipped = (tx: Queryable, now: Date, data: CalendarYear, upgraded: boolean) =>
  appendAudit(tx, {
    occurredAt: now,
    actor: { id: null, name: 'system', role: 'system' },
    // An upgrade replaces a provisional year (statutory holidays only) with the shipped notice.
    action: upgraded ? 'calendar.year_upgraded' : 'calendar.year_saved',
    outcome: 'ok',
    targetType: 'calendar_year',
    targetId: String(data.year),
    details: {
      year: data.year,
      shipped: true,
      status: data.status,
      ...(upgraded ? { replaced: 'provisional' } : {}),
      documentNumber: data.source.documentNumber,
      holidays: data.holidays.length,
      makeUpWorkdays: data.makeUpWorkdays.length,
    },
  });

/**
 * Stores each shipped year (packages/domain/src/calendar/data/cn-YYYY.json) that the database does
 * not hold yet, by 'system', with an audit record. A year start-up stored as provisional (暂定:
 * statutory holidays only) and nobody saved since is replaced when a later release ships it
 * differently — normally the official arrangement once the State Council notice is out — and the
 * replacement is audited as an upgrade. Idempotent: a second run (or a second server starting at
 * the same time) stores nothing, and a year an administrator has saved is never overwritten.
 */
export const ensureShippedCalendarYears = async (
  db: Database,
  clock: Clock = systemClock,
  shipped: CalendarData = SHIPPED_CALENDAR_DATA,
): Promise<EnsureShippedCalendarResult> => {
  const result: EnsureShippedCalendarResult = { seeded: [], upgraded: [], present: [] };
  await db.transaction(async (tx) => {
    for (const data of shipped) {
      const now = clock.now();
      if (await insertCalendarYearIfAbsent(tx, { data, now, by: 'system' })) {
        await auditShipped(tx, now, data, false);
        result.seeded.push(data.year);
      } else if (await replaceSystemProvisionalYear(tx, { data, now })) {
        await auditShipped(tx, now, data, true);
        result.upgraded.push(data.year);
      } else {
        result.present.push(data.year);
      }
    }
  });
  if (result.seeded.length + result.upgraded.length > 0) await chainPendingAudit(db);
  return result;
};
