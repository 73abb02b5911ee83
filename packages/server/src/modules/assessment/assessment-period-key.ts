/** The bounds of an assessment period from its kind and key: 2026 → year, 2026-Q2, 2026-M03. */
export type PeriodKind = 'month' | 'quarter' | 'year';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** undefined when the key does not name a period of that kind. */
export const periodBounds = (
  kind: PeriodKind,
  key: string,
): { start: string; end: string; year: number } | undefined => {
  const year = Number(key.slice(0, 4));
  if (kind === 'year' && /^\d{4}$/.test(key)) return { start: `${year}-01-01`, end: `${year}-12-31`, year };
  const q = /^\d{4}-Q([1-4])$/.exec(key);
  if (kind === 'quarter' && q) {
    const first = (Number(q[1]) - 1) * 3 + 1;
    return {
      start: `${year}-${pad(first)}-01`,
      end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
      year,
    };
  }
  const m = /^\d{4}-M(0[1-9]|1[0-2])$/.exec(key);
  if (kind === 'month' && m) {
    const month = Number(m[1]);
    return {
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
      year,
    };
  }
  return undefined;
};

/** The same period a year earlier (2026-Q2 → 2025-Q2), for thresholds against the previous year. */
export const previousYearKey = (key: string) => `${Number(key.slice(0, 4)) - 1}${key.slice(4)}`;
