import { CHINA_CALENDAR_DATA, type CalendarData } from '@zongzhi/domain';
import type { Database } from '../../db/client';
import { appendAudit, chainPendingAudit } from '../../platform/audit/audit-ledger';
import { type Clock, systemClock } from '../../platform/clock';
import { insertCalendarYearIfAbsent } from './calendar.repository';

export type EnsureShippedCalendarResult = {
  /** Years stored now, as shipped. */
  seeded: number[];
  /** Years the database already held (as shipped or edited since): left alone. */
  present: number[];
};

/**
 * Stores each shipped year (packages/domain/src/calendar/data/cn-YYYY.json) that the database does
 * not hold yet, by 'system', with an audit record. Idempotent: a second run (or a second server
 * starting at the same time) stores nothing, and a year an administrator has edited is never
 * overwritten.
 */
export const ensureShippedCalendarYears = async (
  db: Database,
  clock: Clock = systemClock,
  shipped: CalendarData = CHINA_CALENDAR_DATA,
): Promise<EnsureShippedCalendarResult> => {
  const result: EnsureShippedCalendarResult = { seeded: [], present: [] };
  await db.transaction(async (tx) => {
    for (const data of shipped) {
      const now = clock.now();
      if (!(await insertCalendarYearIfAbsent(tx, { data, now, by: 'system' }))) {
        result.present.push(data.year);
        continue;
      }
      await appendAudit(tx, {
        occurredAt: now,
        actor: { id: null, name: 'system', role: 'system' },
        action: 'calendar.year_saved',
        outcome: 'ok',
        targetType: 'calendar_year',
        targetId: String(data.year),
        details: {
          year: data.year,
          shipped: true,
          documentNumber: data.source.documentNumber,
          holidays: data.holidays.length,
          makeUpWorkdays: data.makeUpWorkdays.length,
        },
      });
      result.seeded.push(data.year);
    }
  });
  if (result.seeded.length > 0) await chainPendingAudit(db);
  return result;
};
