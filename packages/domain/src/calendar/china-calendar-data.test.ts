import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, isWeekend } from './calendar-date';
import {
  CHINA_CALENDAR_DATA,
  CHINA_PROVISIONAL_CALENDAR_DATA,
  SHIPPED_CALENDAR_DATA,
} from './china-calendar-data';
import { missingYears } from './missing-years';

/**
 * An independent reading of the notices (a public holiday library's table of 2008–2026, compiled
 * from gov.cn): the document number, the days off of each arrangement counted as the notice states
 * its spans, and the weekend days worked. The shipped data were also compared day by day with
 * NateScarlet/holiday-cn and vsme/chinese-days (no difference on any day of 2016–2026).
 */
const NOTICES: [number, string, number, number][] = [
  [2016, '国办发明电〔2015〕18号', 24, 6],
  [2017, '国办发明电〔2016〕17号', 24, 5],
  [2018, '国办发明电〔2017〕12号', 23, 6],
  [2019, '国办发明电〔2018〕15号', 24, 7],
  [2020, '国办发明电〔2019〕16号', 30, 6],
  [2021, '国办发明电〔2020〕27号', 31, 7],
  [2022, '国办发明电〔2021〕11号', 31, 7],
  [2023, '国办发明电〔2022〕16号', 27, 7],
  [2024, '国办发明电〔2023〕7号', 28, 8],
  [2025, '国办发明电〔2024〕12号', 28, 5],
  [2026, '国办发明电〔2025〕7号', 33, 6],
];

describe('shipped national arrangements', () => {
  it.each(NOTICES)('%i: %s, %i days off, %i weekend days worked', (year, documentNumber, daysOff, worked) => {
    const data = SHIPPED_CALENDAR_DATA.find((y) => y.year === year);
    expect(data?.status).toBe('official');
    expect(data?.source.documentNumber).toBe(documentNumber);
    expect(data?.source.url).toMatch(/^https?:\/\/www\.gov\.cn\//);
    const spanDays = (data?.holidays ?? []).reduce(
      (sum, h) => sum + calendarDaysBetween(h.from, h.to) + 1,
      0,
    );
    expect(spanDays).toBe(daysOff);
    expect(data?.makeUpWorkdays).toHaveLength(worked);
    expect(data?.makeUpWorkdays.every((w) => isWeekend(w.date))).toBe(true);
    expect(data?.verifiedAgainst?.length).toBeGreaterThan(0);
  });

  it('records the notices that changed 2019 and 2020', () => {
    expect(SHIPPED_CALENDAR_DATA.find((y) => y.year === 2019)?.amendments?.[0]?.documentNumber).toBe(
      '国办发明电〔2019〕3号',
    );
    expect(SHIPPED_CALENDAR_DATA.find((y) => y.year === 2020)?.amendments?.[0]?.documentNumber).toBe(
      '国办发明电〔2020〕1号',
    );
  });
});

describe('the provisional 2027 (statutory holidays only, until the 2027 notice)', () => {
  const year2027 = SHIPPED_CALENDAR_DATA.find((y) => y.year === 2027);

  it('rests on the 2024 revision of the holiday regulation, with no make-up day and no link', () => {
    expect(year2027).toMatchObject({
      status: 'provisional',
      source: { documentNumber: '国务院令第795号', publishedOn: '2024-11-12' },
      makeUpWorkdays: [],
    });
    expect(year2027?.source.url).toBeUndefined();
    expect(year2027?.verifiedAgainst).toBeUndefined();
    expect(CHINA_CALENDAR_DATA.map((y) => y.year)).toEqual(NOTICES.map(([y]) => y));
    expect(CHINA_PROVISIONAL_CALENDAR_DATA.map((y) => y.year)).toEqual([2027]);
    expect(SHIPPED_CALENDAR_DATA.map((y) => y.year)).toEqual([...NOTICES.map(([y]) => y), 2027]);
  });

  it('holds the 13 statutory days off, each festival on its lunar or solar-term date', () => {
    // 春节: 除夕 to 初三 (lunar new year 2027-02-06); 清明: the solar term, 5 April 2027;
    // 端午: 五月初五 = 9 June; 中秋: 八月十五 = 15 September (checked with Debian's `lunar`).
    expect(year2027?.holidays).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ]);
    const days = (year2027?.holidays ?? []).reduce((n, h) => n + calendarDaysBetween(h.from, h.to) + 1, 0);
    expect(days).toBe(13);
  });

  it.each([
    ['春节 (正月初一)', '2026-02-17', '2027-02-06'],
    ['端午节 (五月初五)', '2026-06-19', '2027-06-09'],
    ['中秋节 (八月十五)', '2026-09-25', '2027-09-15'],
  ])('%s comes twelve lunar months (353–355 days) after 2026’s', (name, in2026, in2027) => {
    // 2026's lunar year has no leap month (2025 had 闰六月, 2028 has 闰五月): a wrong month
    // would be about 30 days off.
    const festival = String(name).split(' ')[0];
    const y2026 = SHIPPED_CALENDAR_DATA.find((y) => y.year === 2026)!;
    const span2026 = y2026.holidays.find((h) => h.name === festival)!;
    expect(span2026.from <= in2026 && in2026 <= span2026.to).toBe(true);
    const span2027 = year2027!.holidays.find((h) => h.name === festival)!;
    expect(span2027.from <= in2027 && in2027 <= span2027.to).toBe(true);
    const gap = calendarDaysBetween(in2026, in2027);
    expect(gap).toBeGreaterThanOrEqual(353);
    expect(gap).toBeLessThanOrEqual(355);
  });
});

describe('missingYears', () => {
  it.each([
    [2016, 2026, []],
    [2014, 2017, [2014, 2015]],
    [2025, 2028, [2028]],
    [2027, 2026, []],
  ])('%i–%i → %j', (fromYear, toYear, expected) => {
    expect(missingYears(SHIPPED_CALENDAR_DATA, fromYear, toYear)).toEqual(expected);
  });
});
