import cn2016 from './data/cn-2016.json';
import cn2017 from './data/cn-2017.json';
import cn2018 from './data/cn-2018.json';
import cn2019 from './data/cn-2019.json';
import cn2020 from './data/cn-2020.json';
import cn2021 from './data/cn-2021.json';
import cn2022 from './data/cn-2022.json';
import cn2023 from './data/cn-2023.json';
import cn2024 from './data/cn-2024.json';
import cn2025 from './data/cn-2025.json';
import cn2026 from './data/cn-2026.json';
import cn2027 from './data/cn-2027.json';
import { type CalendarData, parseCalendarYear } from './calendar-year';

/**
 * The official national arrangements shipped with the product, 2016–2026, one file per State
 * Council General Office notice. Each was compared day by day with public datasets (see
 * `verifiedAgainst` in each file). A new year is added by dropping its cn-YYYY.json beside them and
 * listing it here; until then `missingYears` reports it and working-day arithmetic in that year
 * refuses to answer — unless a provisional arrangement stands in for it (below).
 */
export const CHINA_CALENDAR_DATA: CalendarData = [
  cn2016,
  cn2017,
  cn2018,
  cn2019,
  cn2020,
  cn2021,
  cn2022,
  cn2023,
  cn2024,
  cn2025,
  cn2026,
].map((raw, i) => parseCalendarYear(raw, `cn-${2016 + i}.json`));

/**
 * Provisional years (暂定, `status: 'provisional'`) shipped until their notice is published: 2027,
 * the statutory holidays of 《全国年节及纪念日放假办法》（2024年修订, 国务院令第795号） only, without
 * make-up working days or bridged rest days, which only the notice decides (docs/decisions/0008).
 * When the 2027 notice is out, cn-2027.json is replaced by the official arrangement and moves to
 * CHINA_CALENDAR_DATA; start-up then replaces the stored provisional year
 * (`ensureShippedCalendarYears`) unless an administrator has saved 2027 in the meantime.
 */
export const CHINA_PROVISIONAL_CALENDAR_DATA: CalendarData = [cn2027].map((raw) =>
  parseCalendarYear(raw, `cn-${raw.year}.json`),
);

/** Every year start-up stores: the official years, then the provisional ones. */
export const SHIPPED_CALENDAR_DATA: CalendarData = [
  ...CHINA_CALENDAR_DATA,
  ...CHINA_PROVISIONAL_CALENDAR_DATA,
];
