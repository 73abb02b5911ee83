import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarYearData, CalendarYearDetail, CalendarYearsResponse } from '@zongzhi/contracts';
import { ApiError, api } from '../../lib/api';

export type { CalendarYearDetail, CalendarYearsResponse };

/** A holiday span and a make-up working day as the stored arrangement holds them. */
export type HolidaySpan = { name: string; from: string; to: string };
export type MakeUpWorkday = { date: string; for: string };

export const useCalendarYears = () =>
  useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => api.get<CalendarYearsResponse>('/calendar/years'),
  });

/** One year's arrangement; `null` for a year not stored yet (404). */
export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: async () => {
      try {
        return await api.get<CalendarYearDetail>(`/calendar/years/${year}`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });

export const saveCalendarYear = (year: number, data: CalendarYearData) =>
  api.put<CalendarYearDetail>(`/calendar/years/${year}`, data);

/** After a save: the list, the year, and duties (deadlines waiting for a year may now be computed). */
export const useInvalidateCalendar = () => {
  const qc = useQueryClient();
  return async () => {
    await Promise.all(['calendar', 'duties'].map((key) => qc.invalidateQueries({ queryKey: [key] })));
  };
};

const asArray = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
export const holidaysOf = (data: Record<string, unknown> | undefined) => asArray<HolidaySpan>(data?.holidays);
export const makeUpWorkdaysOf = (data: Record<string, unknown> | undefined) =>
  asArray<MakeUpWorkday>(data?.makeUpWorkdays);

/** The text a new year starts from: the notice to fill in, one span and one make-up day as examples. */
export const yearTemplate = (year: number) => ({
  year,
  jurisdiction: 'CN',
  source: {
    title: `国务院办公厅关于${year}年部分节假日安排的通知`,
    documentNumber: `国办发明电〔${year - 1}〕号`,
    publishedOn: `${year - 1}-11-01`,
    url: 'https://www.gov.cn/',
  },
  holidays: [{ name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` }],
  makeUpWorkdays: [] as MakeUpWorkday[],
});

/** Keys first in the order a notice reads (jsonb stores them by length), then any others. */
const ordered = (value: unknown, keys: readonly string[]): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in record) out[k] = record[k];
  for (const k of Object.keys(record)) if (!(k in out)) out[k] = record[k];
  return out;
};
const SOURCE_KEYS = ['title', 'documentNumber', 'publishedOn', 'url', 'change'] as const;

/** A stored year in reading order: year, notice, holidays and make-up days. */
export const readableYear = (data: Record<string, unknown>) => {
  const y = ordered(data, [
    'year',
    'jurisdiction',
    'status',
    'source',
    'amendments',
    'holidays',
    'makeUpWorkdays',
    'verifiedAgainst',
  ]) as Record<string, unknown>;
  const list = (v: unknown, keys: readonly string[]) =>
    Array.isArray(v) ? v.map((e) => ordered(e, keys)) : v;
  return {
    ...y,
    ...('source' in y ? { source: ordered(y.source, SOURCE_KEYS) } : {}),
    ...('amendments' in y ? { amendments: list(y.amendments, SOURCE_KEYS) } : {}),
    ...('holidays' in y ? { holidays: list(y.holidays, ['name', 'from', 'to']) } : {}),
    ...('makeUpWorkdays' in y ? { makeUpWorkdays: list(y.makeUpWorkdays, ['date', 'for']) } : {}),
  };
};

/**
 * What the editor starts from. A saved year is official whatever it says, so `status` is left out.
 * A provisional year (statutory holidays only) keeps its days off but starts from the notice
 * template's source, to be filled in from the State Council's notice; a missing year is the template.
 */
export const editableYear = (year: number, detail: CalendarYearDetail | null) => {
  if (!detail) return yearTemplate(year);
  const { status: _status, ...rest } = readableYear(detail.data) as Record<string, unknown>;
  return detail.status === 'provisional' ? { ...rest, source: yearTemplate(year).source } : rest;
};
