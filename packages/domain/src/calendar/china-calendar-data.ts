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
import { type CalendarData, parseCalendarYear } from './calendar-year';

/**
 * The national arrangements shipped with the product, 2016–2026, one file per State Council
 * General Office notice. Each was compared day by day with public datasets (see `verifiedAgainst`
 * in each file). A new year is added by dropping its cn-YYYY.json beside them and listing it here;
 * until then `missingYears` reports it and working-day arithmetic in that year refuses to answer.
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
