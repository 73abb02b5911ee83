import type { Reminders } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findAllRulebooksInForce } from '../rulebook/resolve-rulebook-in-force';
import type { DueSoonDaysByRulebook } from './duties.repository';
import { calculateEndOfDate } from './duty-dates';

/**
 * The reminder settings (`reminders` of the rulebook) of each rulebook, as in force on `today`. An
 * occurrence is reminded of by the rulebook it was generated from, the one its unit followed; a
 * rulebook republished since applies its new settings to occurrences already generated.
 */
export const loadRemindersInForce = async (q: Queryable, today: string): Promise<Map<string, Reminders>> =>
  new Map(
    [...(await findAllRulebooksInForce(q, calculateEndOfDate(today)))].map(([id, inForce]) => [
      id,
      inForce.rulebook.reminders,
    ]),
  );

/** Due-soon days by rulebook, for stating occurrences' states in SQL. */
export const loadDueSoonDaysInForce = async (q: Queryable, today: string): Promise<DueSoonDaysByRulebook> =>
  new Map([...(await loadRemindersInForce(q, today))].map(([id, r]) => [id, r.dueSoonDays]));
