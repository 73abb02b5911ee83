import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, isWeekend } from './calendar-date';
import { CHINA_CALENDAR_DATA } from './china-calendar-data';
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
    const data = CHINA_CALENDAR_DATA.find((y) => y.year === year);
    expect(data?.source.documentNumber).toBe(documentNumber);
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
    expect(CHINA_CALENDAR_DATA.find((y) => y.year === 2019)?.amendments?.[0]?.documentNumber).toBe(
      '国办发明电〔2019〕3号',
    );
    expect(CHINA_CALENDAR_DATA.find((y) => y.year === 2020)?.amendments?.[0]?.documentNumber).toBe(
      '国办发明电〔2020〕1号',
    );
  });
});

describe('missingYears', () => {
  it.each([
    [2016, 2026, []],
    [2014, 2017, [2014, 2015]],
    [2025, 2028, [2027, 2028]],
    [2027, 2026, []],
  ])('%i–%i → %j', (fromYear, toYear, expected) => {
    expect(missingYears(CHINA_CALENDAR_DATA, fromYear, toYear)).toEqual(expected);
  });
});
