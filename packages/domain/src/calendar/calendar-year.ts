import { type CalendarDate, isCalendarDate, isWeekend, yearOf } from './calendar-date';
import { CalendarError } from './calendar-error';

/**
 * What a year's arrangement rests on. An official year: the State Council General Office notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知), with its link. A provisional year: the statutory
 * basis its holidays come from (《全国年节及纪念日放假办法》), whose link may be left out.
 */
export type CalendarSource = {
  title: string;
  documentNumber: string; // 文号, e.g. 国办发明电〔2025〕7号
  publishedOn: CalendarDate; // date of publication on www.gov.cn
  url?: string; // required for an official year
};

/**
 * `official`: the year's State Council notice, make-up working days (调休) included.
 * `provisional` (暂定): built only from the statutory holidays before the notice is published —
 * no make-up working days and no bridging days, which only the notice decides. Deadlines computed
 * from it may move by a day or two once the notice is entered.
 */
export type CalendarYearStatus = 'official' | 'provisional';
export const CALENDAR_YEAR_STATUSES: readonly CalendarYearStatus[] = ['official', 'provisional'];

/** A later notice that changed the year's arrangement; the spans below already include the change. */
export type CalendarAmendment = CalendarSource & { change: string };

/** Consecutive rest days (放假调休) of one festival, both ends inclusive, as the notice states them. */
export type HolidaySpan = { name: string; from: CalendarDate; to: CalendarDate };

/** A Saturday or Sunday worked in exchange for a rest day (调休上班). */
export type MakeUpWorkday = { date: CalendarDate; for: string };

/**
 * One year's arrangement, editable data (packages/domain/src/calendar/data/cn-YYYY.json). Spans
 * and make-up days may fall in the last days of the previous year (2019's New Year from
 * 2018-12-30, with 2018-12-29 worked): they belong to the notice that ordered them.
 */
export type CalendarYear = {
  year: number;
  jurisdiction: string;
  /** `official` when absent (data stored before the field existed). */
  status: CalendarYearStatus;
  source: CalendarSource;
  amendments?: CalendarAmendment[];
  holidays: HolidaySpan[];
  makeUpWorkdays: MakeUpWorkday[];
  /** Public datasets the dates were compared with, day by day. */
  verifiedAgainst?: string[];
};

export type CalendarData = readonly CalendarYear[];

const fail = (path: string, message: string, value?: unknown): never => {
  throw new CalendarError('invalid_calendar_data', `${path}: ${message}`, { path, value });
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const requireString = (record: Record<string, unknown>, key: string, path: string): string => {
  const value = record[key];
  if (typeof value !== 'string' || value.trim() === '')
    fail(`${path}.${key}`, 'a non-empty string is required', value);
  return value as string;
};

const requireDate = (
  record: Record<string, unknown>,
  key: string,
  path: string,
  year: number,
): CalendarDate => {
  const value = record[key];
  if (!isCalendarDate(value)) return fail(`${path}.${key}`, "a date 'YYYY-MM-DD' is required", value);
  if (yearOf(value) !== year && yearOf(value) !== year - 1) {
    fail(`${path}.${key}`, `must fall in ${year} or the end of ${year - 1}`, value);
  }
  return value;
};

const parseSource = (raw: unknown, path: string, urlRequired = true): CalendarSource => {
  if (!isRecord(raw)) return fail(path, 'an object is required', raw);
  const publishedOn = raw.publishedOn;
  if (!isCalendarDate(publishedOn))
    return fail(`${path}.publishedOn`, "a date 'YYYY-MM-DD' is required", publishedOn);
  const source = {
    title: requireString(raw, 'title', path),
    documentNumber: requireString(raw, 'documentNumber', path),
    publishedOn,
  };
  if (!urlRequired && raw.url === undefined) return source;
  return { ...source, url: requireString(raw, 'url', path) };
};

const parseStatus = (raw: unknown, path: string): CalendarYearStatus => {
  if (raw === undefined) return 'official';
  if (!CALENDAR_YEAR_STATUSES.includes(raw as CalendarYearStatus))
    return fail(path, "'official' or 'provisional' is required", raw);
  return raw as CalendarYearStatus;
};

/**
 * Validates one year's data (as read from JSON or edited by an administrator). Errors name the
 * path of the wrong value. A make-up working day must be a Saturday or Sunday and must not lie
 * inside a holiday span. A provisional year has no make-up working days (only the notice orders
 * them) and its source may omit the link; an official year's source must have one.
 */
export const parseCalendarYear = (raw: unknown, path = 'calendar'): CalendarYear => {
  if (!isRecord(raw)) return fail(path, 'an object is required', raw);
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1949 || year > 9999) {
    return fail(`${path}.year`, 'a year is required', year);
  }
  const status = parseStatus(raw.status, `${path}.status`);
  if (!Array.isArray(raw.holidays)) return fail(`${path}.holidays`, 'a list is required', raw.holidays);
  if (!Array.isArray(raw.makeUpWorkdays))
    return fail(`${path}.makeUpWorkdays`, 'a list is required', raw.makeUpWorkdays);

  const holidays = raw.holidays.map((h: unknown, i: number): HolidaySpan => {
    const p = `${path}.holidays[${i}]`;
    if (!isRecord(h)) return fail(p, 'an object is required', h);
    const span = {
      name: requireString(h, 'name', p),
      from: requireDate(h, 'from', p, year),
      to: requireDate(h, 'to', p, year),
    };
    if (span.to < span.from) fail(`${p}.to`, 'must not be before from', span.to);
    return span;
  });

  const makeUpWorkdays = raw.makeUpWorkdays.map((w: unknown, i: number): MakeUpWorkday => {
    const p = `${path}.makeUpWorkdays[${i}]`;
    if (!isRecord(w)) return fail(p, 'an object is required', w);
    const date = requireDate(w, 'date', p, year);
    if (!isWeekend(date)) fail(`${p}.date`, 'a make-up working day must be a Saturday or Sunday', date);
    if (holidays.some((h) => h.from <= date && date <= h.to))
      fail(`${p}.date`, 'lies inside a holiday span', date);
    return { date, for: requireString(w, 'for', p) };
  });
  if (status === 'provisional' && makeUpWorkdays.length > 0) {
    fail(
      `${path}.makeUpWorkdays`,
      'a provisional year has no make-up working days; only the State Council notice sets them',
      raw.makeUpWorkdays,
    );
  }

  const amendments = raw.amendments;
  if (amendments !== undefined && !Array.isArray(amendments)) {
    return fail(`${path}.amendments`, 'a list is required', amendments);
  }
  const verifiedAgainst = raw.verifiedAgainst;
  if (
    verifiedAgainst !== undefined &&
    !(Array.isArray(verifiedAgainst) && verifiedAgainst.every((v) => typeof v === 'string'))
  ) {
    return fail(`${path}.verifiedAgainst`, 'a list of strings is required', verifiedAgainst);
  }

  return {
    year,
    jurisdiction: requireString(raw, 'jurisdiction', path),
    status,
    source: parseSource(raw.source, `${path}.source`, status === 'official'),
    ...(amendments
      ? {
          amendments: amendments.map((a: unknown, i: number) => {
            const p = `${path}.amendments[${i}]`;
            if (!isRecord(a)) return fail(p, 'an object is required', a);
            return { ...parseSource(a, p), change: requireString(a, 'change', p) };
          }),
        }
      : {}),
    holidays,
    makeUpWorkdays,
    ...(verifiedAgainst ? { verifiedAgainst: verifiedAgainst as string[] } : {}),
  };
};
