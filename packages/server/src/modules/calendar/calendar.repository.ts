import type { CalendarYear } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';

// The working calendar's SQL: one row per year, the domain's CalendarYear as jsonb.

export type CalendarYearRow = {
  year: number;
  data: CalendarYear;
  updatedAt: Date;
  updatedBy: string;
};

type Raw = { year: number; data: CalendarYear | string; updated_at: Date | string; updated_by: string };

const toRow = (r: Raw): CalendarYearRow => ({
  year: r.year,
  data: typeof r.data === 'string' ? (JSON.parse(r.data) as CalendarYear) : r.data,
  updatedAt: new Date(r.updated_at),
  updatedBy: r.updated_by,
});

export const findCalendarYears = async (q: Queryable): Promise<CalendarYearRow[]> =>
  (await q.query<Raw>('SELECT year, data, updated_at, updated_by FROM calendar_years ORDER BY year')).map(
    toRow,
  );

export const findCalendarYear = async (q: Queryable, year: number): Promise<CalendarYearRow | undefined> =>
  (
    await q.query<Raw>('SELECT year, data, updated_at, updated_by FROM calendar_years WHERE year = $1', [
      year,
    ])
  ).map(toRow)[0];

/** Locks the year's row (when present) so that two editors' summaries of the change are right. */
export const lockCalendarYear = async (q: Queryable, year: number): Promise<CalendarYearRow | undefined> =>
  (
    await q.query<Raw>(
      'SELECT year, data, updated_at, updated_by FROM calendar_years WHERE year = $1 FOR UPDATE',
      [year],
    )
  ).map(toRow)[0];

/** Stores a shipped year unless the database holds that year already (edited or not). */
export const insertCalendarYearIfAbsent = async (
  q: Queryable,
  input: { data: CalendarYear; now: Date; by: string },
): Promise<boolean> =>
  (
    await q.query<{ year: number }>(
      `INSERT INTO calendar_years (year, data, updated_at, updated_by) VALUES ($1, $2::jsonb, $3, $4)
       ON CONFLICT (year) DO NOTHING RETURNING year`,
      [input.data.year, JSON.stringify(input.data), input.now, input.by],
    )
  ).length > 0;

/**
 * Replaces a year that start-up stored as provisional (by 'system', never edited since) with the
 * shipped arrangement. Returns false, changing nothing, when the row is gone, was saved by a
 * person, is no longer provisional, or already holds exactly `data` — so two servers starting
 * together upgrade it once.
 */
export const replaceSystemProvisionalYear = async (
  q: Queryable,
  input: { data: CalendarYear; now: Date },
): Promise<boolean> =>
  (
    await q.query<{ year: number }>(
      `UPDATE calendar_years SET data = $2::jsonb, updated_at = $3, updated_by = 'system',
              updated_by_account_id = NULL
        WHERE year = $1 AND updated_by = 'system' AND updated_by_account_id IS NULL
          AND data->>'status' = 'provisional' AND data <> $2::jsonb
        RETURNING year`,
      [input.data.year, JSON.stringify(input.data), input.now],
    )
  ).length > 0;

export const upsertCalendarYear = async (
  q: Queryable,
  input: { data: CalendarYear; now: Date; by: string; byAccountId: number | null },
): Promise<CalendarYearRow> => {
  const [row] = await q.query<Raw>(
    `INSERT INTO calendar_years (year, data, updated_at, updated_by, updated_by_account_id)
     VALUES ($1, $2::jsonb, $3, $4, $5)
     ON CONFLICT (year) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at,
       updated_by = EXCLUDED.updated_by, updated_by_account_id = EXCLUDED.updated_by_account_id
     RETURNING year, data, updated_at, updated_by`,
    [input.data.year, JSON.stringify(input.data), input.now, input.by, input.byAccountId],
  );
  return toRow(row!);
};

/**
 * A digest of every stored year's content: equal digests mean an equal calendar, whichever
 * process or transaction wrote it. Cheap next to loading and building the calendar.
 */
export const findCalendarDigest = async (q: Queryable): Promise<string> =>
  (
    await q.query<{ digest: string }>(
      `SELECT coalesce(md5(string_agg(year::text || '=' || data::text, '|' ORDER BY year)), '') AS digest
         FROM calendar_years`,
    )
  )[0]!.digest;
