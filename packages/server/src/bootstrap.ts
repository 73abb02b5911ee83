import type { Database } from './db/client';
import { migrate } from './db/migrate';
import { ensureShippedCalendarYears } from './modules/calendar/ensure-shipped-calendar';
import { ensureShippedLetterTemplates } from './modules/letters/ensure-shipped-letter-templates';
import { ensurePresetRulebooks } from './modules/rulebook/ensure-preset-rulebooks';

/**
 * Brings a database up to what this version of the product expects: the migrations, then the
 * shipped rulebook presets and working-calendar years (idempotent, never overwriting an edited one).
 * Every entry point that opens a database calls this.
 */
export const prepareDatabase = async (db: Database) => {
  const applied = await migrate(db);
  const presets = await ensurePresetRulebooks(db);
  const calendar = await ensureShippedCalendarYears(db);
  // Built from the stored district-001 preset, so after the presets.
  const letterTemplates = await ensureShippedLetterTemplates(db);
  return { applied, presets, calendar, letterTemplates };
};
