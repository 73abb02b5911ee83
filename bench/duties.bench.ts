/**
 * Micro-benchmark of pure duty-occurrence generation (no database): a year of occurrences for a
 * demo-county-sized tree (~800 units × 15 duties) and for a 25,000-unit tree. Each size is run
 * "as the rules apply" (each duty owed by the unit kinds that owe it) and as an upper bound with
 * every duty owed by every unit. The year is 2025 so that every deadline, including those counted
 * into January of the next year, falls in a shipped calendar year.
 */
import {
  CHINA_CALENDAR_DATA,
  createWorkCalendar,
  decideDutyOccurrences,
  type DutyDefinition,
  type DutyUnit,
} from '../packages/domain/src/index';

type Log = (message: string) => void;

export type DutyBenchFigure = {
  scenario: string;
  units: number;
  duties: number;
  occurrences: number;
  waitingForCalendar: number;
  /** Median wall time of the pure generation, milliseconds. */
  ms: number;
  occurrencesPerSecond: number;
  runs: number;
};

/** The duties of RULES §2, with the kinds that owe them. */
const DUTIES: DutyDefinition[] = [
  {
    id: 'party-special-meeting',
    appliesTo: ['county', 'town', 'department'],
    cadence: { every: 1, unit: 'quarter' },
    deadline: 'period_end',
  },
  {
    id: 'committee-meeting',
    appliesTo: ['county', 'town'],
    cadence: { every: 2, unit: 'month' },
    deadline: 'period_end',
  },
  {
    id: 'committee-plenary',
    appliesTo: ['county'],
    cadence: { every: 1, unit: 'year' },
    deadline: 'period_end',
  },
  {
    id: 'office-joint-meeting',
    appliesTo: ['county', 'town'],
    cadence: { every: 1, unit: 'month' },
    deadline: 'period_end',
  },
  {
    id: 'principal-hears-report',
    appliesTo: ['county', 'town', 'department', 'village'],
    cadence: { every: 1, unit: 'half_year' },
    deadline: 'period_end',
  },
  {
    id: 'member-unit-report',
    appliesTo: ['department'],
    cadence: { every: 1, unit: 'year' },
    deadline: { month: 12, day: 20 },
  },
  {
    id: 'security-situation-report',
    appliesTo: ['town', 'department'],
    cadence: { every: 1, unit: 'quarter' },
    deadline: { workingDaysAfterPeriodEnd: 5 },
  },
  {
    id: 'dispute-screening',
    appliesTo: ['town', 'village'],
    cadence: { every: 1, unit: 'month' },
    deadline: 'period_end',
  },
  {
    id: 'publicity-activity',
    appliesTo: ['town', 'department'],
    cadence: { every: 1, unit: 'quarter' },
    deadline: 'period_end',
  },
  {
    id: 'briefing',
    appliesTo: ['county', 'town'],
    cadence: { every: 1, unit: 'month' },
    deadline: 'period_end',
  },
  {
    id: 'research-article',
    appliesTo: ['county', 'town'],
    cadence: { every: 1, unit: 'year' },
    deadline: { month: 12, day: 31 },
  },
  {
    id: 'safety-report',
    appliesTo: ['town', 'department'],
    cadence: { every: 1, unit: 'month' },
    deadline: { workingDaysAfterPeriodEnd: 5 },
  },
  {
    id: 'weekly-report',
    appliesTo: ['town', 'village', 'grid'],
    cadence: { every: 1, unit: 'week' },
    deadline: { workingDaysAfterPeriodEnd: 1 },
  },
  {
    id: 'safety-survey',
    appliesTo: ['county'],
    cadence: { every: 1, unit: 'quarter' },
    deadline: { daysAfterPeriodStart: 14 },
  },
  {
    id: 'annual-duty-report',
    appliesTo: ['county', 'town', 'department'],
    cadence: { every: 1, unit: 'year' },
    deadline: { month: 1, day: 31, yearOffset: 1 },
  },
];

const ALL_KINDS = ['county', 'town', 'department', 'village', 'grid'];

/** A tree with the given count of each kind, ids u1, u2, … */
const buildUnits = (counts: Record<string, number>): DutyUnit[] => {
  const units: DutyUnit[] = [];
  for (const [kind, count] of Object.entries(counts)) {
    for (let i = 0; i < count; i++) units.push({ id: `u${units.length + 1}`, kind });
  }
  return units;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchDutyGeneration(log: Log = console.log): Promise<DutyBenchFigure[]> {
  const calendar = createWorkCalendar(CHINA_CALENDAR_DATA);
  const window = { from: '2025-01-01', to: '2025-12-31', calendar };
  const everyDutyEverywhere = DUTIES.map((d) => ({ ...d, appliesTo: ALL_KINDS }));

  const county = buildUnits({ county: 1, town: 20, department: 40, village: 300, grid: 439 }); // 800
  const tree25k = buildUnits({ county: 10, town: 200, department: 600, village: 4_000, grid: 20_190 }); // 25,000

  const scenarios: { scenario: string; units: DutyUnit[]; duties: DutyDefinition[]; runs: number }[] = [
    { scenario: 'demo county, as the rules apply', units: county, duties: DUTIES, runs: 7 },
    {
      scenario: 'demo county, every duty on every unit',
      units: county,
      duties: everyDutyEverywhere,
      runs: 7,
    },
    { scenario: '25,000 units, as the rules apply', units: tree25k, duties: DUTIES, runs: 3 },
    {
      scenario: '25,000 units, every duty on every unit',
      units: tree25k,
      duties: everyDutyEverywhere,
      runs: 3,
    },
  ];

  // Warm-up so the first measured run does not pay for JIT compilation.
  decideDutyOccurrences({ duties: DUTIES, units: county.slice(0, 100), ...window });

  const figures: DutyBenchFigure[] = [];
  for (const { scenario, units, duties, runs } of scenarios) {
    const times: number[] = [];
    let occurrences = 0;
    let waiting = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const decision = decideDutyOccurrences({ duties, units, ...window });
      times.push(performance.now() - started);
      occurrences = decision.occurrences.length;
      waiting = decision.waitingForCalendar.length;
    }
    const ms = Math.round(median(times) * 10) / 10;
    const figure: DutyBenchFigure = {
      scenario,
      units: units.length,
      duties: duties.length,
      occurrences,
      waitingForCalendar: waiting,
      ms,
      occurrencesPerSecond: Math.round(occurrences / (ms / 1000)),
      runs,
    };
    figures.push(figure);
    log(
      `duties: ${scenario}: ${figure.units} units × ${figure.duties} duties → ${occurrences} occurrences for 2025 ` +
        `in ${ms} ms (median of ${runs}; ${figure.occurrencesPerSecond.toLocaleString('en')} /s)`,
    );
  }
  return figures;
}

// Run directly: npx tsx bench/duties.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchDutyGeneration();
}
