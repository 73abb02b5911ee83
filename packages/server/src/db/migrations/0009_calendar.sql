-- The working calendar as editable data (issue 3 §2): one row per year, the State Council notice's
-- holidays and make-up working days in the domain's CalendarYear shape (packages/domain/src/calendar/
-- calendar-year.ts), source notice included. The shipped years (cn-YYYY.json) are seeded on start
-- only where absent, so a year an administrator has edited is never overwritten. A year without a
-- row is "missing": working-day arithmetic in it refuses to answer until it is added.
CREATE TABLE calendar_years (
  year                   integer PRIMARY KEY CHECK (year BETWEEN 1949 AND 9999),
  data                   jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND (data->>'year')::integer = year),
  updated_at             timestamptz NOT NULL,
  -- 'system' for a shipped year seeded on start, else the administrator's username.
  updated_by             text NOT NULL,
  updated_by_account_id  bigint REFERENCES accounts(id)
);
