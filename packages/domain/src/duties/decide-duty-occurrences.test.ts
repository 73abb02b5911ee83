import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR_DATA } from '../calendar/china-calendar-data';
import { createWorkCalendar } from '../calendar/create-work-calendar';
import { decideDutyOccurrences } from './decide-duty-occurrences';
import type { DutyDeadlineRule, DutyDefinition, DutyUnit } from './duty-definition';
import { DutyError } from './duty-error';

const calendar = createWorkCalendar(CHINA_CALENDAR_DATA);

const duty = (overrides: Partial<DutyDefinition> = {}): DutyDefinition => ({
  id: 'party-special-meeting',
  appliesTo: ['town'],
  cadence: { every: 1, unit: 'quarter' },
  deadline: 'period_end',
  ...overrides,
});

const town = (overrides: Partial<DutyUnit> = {}): DutyUnit => ({ id: 'town-x', kind: 'town', ...overrides });

const year2026 = { from: '2026-01-01', to: '2026-12-31', calendar } as const;

describe('occurrences per cadence over 2026', () => {
  it.each<[string, DutyDefinition['cadence'], number, string, string, string, string, string[]]>([
    // [label, cadence, count, first key, its deadline, last key, its deadline, waiting]
    [
      'weekly (周报)',
      { every: 1, unit: 'week' },
      52,
      '2026-W01',
      '2026-01-04',
      '2026-W52',
      '2026-12-28',
      ['2026-W53'],
    ],
    ['monthly', { every: 1, unit: 'month' }, 12, '2026-M01', '2026-02-02', '2026-M12', '2026-12-31', []],
    [
      'bimonthly (至少每两个月)',
      { every: 2, unit: 'month' },
      6,
      '2026-M01-M02',
      '2026-02-28',
      '2026-M11-M12',
      '2026-12-31',
      [],
    ],
    ['quarterly', { every: 1, unit: 'quarter' }, 4, '2026-Q1', '2026-03-31', '2026-Q4', '2026-12-31', []],
    ['half-yearly', { every: 1, unit: 'half_year' }, 2, '2026-H1', '2026-06-30', '2026-H2', '2026-12-31', []],
    ['yearly', { every: 1, unit: 'year' }, 1, '2026', '2026-12-31', '2026', '2026-12-31', []],
  ])('%s', (_, cadence, count, firstKey, firstDeadline, lastKey, lastDeadline, waiting) => {
    const { occurrences, waitingForCalendar } = decideDutyOccurrences({
      duties: [duty({ id: 'd', cadence })],
      units: [town()],
      ...year2026,
    });
    expect(occurrences).toHaveLength(count);
    expect(occurrences[0]).toMatchObject({ key: `d:town-x:${firstKey}`, deadline: firstDeadline });
    expect(occurrences.at(-1)).toMatchObject({ key: `d:town-x:${lastKey}`, deadline: lastDeadline });
    // 2026-W53 ends on Sunday 2027-01-03: its deadline needs the 2027 calendar, which is not shipped.
    expect(waitingForCalendar.map((w) => w.periodKey)).toEqual(waiting);
  });

  it('gives the example of the issue: town X, party-committee special meeting, 2026 Q3, due 2026-09-30', () => {
    const { occurrences } = decideDutyOccurrences({ duties: [duty()], units: [town()], ...year2026 });
    expect(occurrences[2]).toEqual({
      key: 'party-special-meeting:town-x:2026-Q3',
      dutyId: 'party-special-meeting',
      unitId: 'town-x',
      periodKey: '2026-Q3',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      deadline: '2026-09-30',
    });
  });
});

describe('deadline rules', () => {
  it.each<[string, DutyDefinition['cadence'], DutyDeadlineRule, string, string, string]>([
    [
      'period end on a Saturday moves to Monday',
      { every: 1, unit: 'month' },
      'period_end',
      '2026-01-15',
      '2026-M01',
      '2026-02-02',
    ],
    [
      'period end on a make-up Saturday stays',
      { every: 1, unit: 'month' },
      'period_end',
      '2026-02-15',
      '2026-M02',
      '2026-02-28',
    ],
    [
      'period end inside National Day 2025',
      { every: 1, unit: 'week' },
      'period_end',
      '2025-10-01',
      '2025-W40',
      '2025-10-09',
    ],
    [
      '10 working days after the quarter, across National Day',
      { every: 1, unit: 'quarter' },
      { workingDaysAfterPeriodEnd: 10 },
      '2026-08-01',
      '2026-Q3',
      '2026-10-20',
    ],
    [
      '0 working days after = period end',
      { every: 1, unit: 'quarter' },
      { workingDaysAfterPeriodEnd: 0 },
      '2026-08-01',
      '2026-Q3',
      '2026-09-30',
    ],
    [
      '"by the 5th" of February',
      { every: 1, unit: 'month' },
      { daysAfterPeriodStart: 4 },
      '2026-02-10',
      '2026-M02',
      '2026-02-05',
    ],
    [
      '"by the 5th" of October falls in National Day',
      { every: 1, unit: 'month' },
      { daysAfterPeriodStart: 4 },
      '2026-10-10',
      '2026-M10',
      '2026-10-08',
    ],
    [
      'fixed 15 January of the next year',
      { every: 1, unit: 'year' },
      { month: 1, day: 15, yearOffset: 1 },
      '2025-06-01',
      '2025',
      '2026-01-15',
    ],
    [
      'fixed 30 February clamps to the 28th, a make-up Saturday',
      { every: 1, unit: 'year' },
      { month: 2, day: 30 },
      '2026-06-01',
      '2026',
      '2026-02-28',
    ],
    [
      'fixed date on Spring Festival',
      { every: 1, unit: 'year' },
      { month: 2, day: 17 },
      '2026-06-01',
      '2026',
      '2026-02-24',
    ],
  ])('%s', (_, cadence, deadline, day, periodKey, expected) => {
    const { occurrences } = decideDutyOccurrences({
      duties: [duty({ id: 'd', cadence, deadline })],
      units: [town()],
      from: day,
      to: day,
      calendar,
    });
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]).toMatchObject({ periodKey, deadline: expected });
  });

  it('waits, rather than guesses, when the deadline needs a missing year', () => {
    const { occurrences, waitingForCalendar } = decideDutyOccurrences({
      duties: [
        duty({
          id: 'annual',
          cadence: { every: 1, unit: 'year' },
          deadline: { month: 1, day: 15, yearOffset: 1 },
        }),
      ],
      units: [town(), town({ id: 'town-y' })],
      ...year2026,
    });
    expect(occurrences).toEqual([]);
    expect(waitingForCalendar).toEqual([
      { dutyId: 'annual', periodKey: '2026', missingYear: 2027, unitCount: 2 },
    ]);
  });
});

describe('which units owe a duty', () => {
  const units: DutyUnit[] = [
    town({ id: 't1' }),
    { id: 'v1', kind: 'village' },
    { id: 'd1', kind: 'department' },
    town({ id: 't-closed', validTo: '2026-09-15' }), // closed during Q3: owes Q1, Q2
    town({ id: 't-new', validFrom: '2026-08-20' }), // founded during Q3: owes Q3, Q4
    town({ id: 't-closed-on-end', validTo: '2026-09-30' }), // gone on 30 Sep (validTo is exclusive)
  ];

  it('applies to the listed kinds only, and to units existing on the last day of the period', () => {
    const { occurrences } = decideDutyOccurrences({
      duties: [duty({ appliesTo: ['town', 'department', 'town'] })],
      units,
      ...year2026,
    });
    const byUnit = (id: string) => occurrences.filter((o) => o.unitId === id).map((o) => o.periodKey);
    expect(byUnit('t1')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(byUnit('d1')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(byUnit('v1')).toEqual([]);
    expect(byUnit('t-closed')).toEqual(['2026-Q1', '2026-Q2']);
    expect(byUnit('t-new')).toEqual(['2026-Q3', '2026-Q4']);
    expect(byUnit('t-closed-on-end')).toEqual(['2026-Q1', '2026-Q2']);
  });
});

describe('idempotent keys', () => {
  const duties = [
    duty(),
    duty({ id: 'committee-meeting', cadence: { every: 2, unit: 'month' } }),
    duty({
      id: 'weekly-report',
      cadence: { every: 1, unit: 'week' },
      deadline: { workingDaysAfterPeriodEnd: 1 },
    }),
  ];
  const units = [town({ id: 't1' }), town({ id: 't2' })];

  it('generating twice yields identical occurrences, with unique keys', () => {
    const first = decideDutyOccurrences({ duties, units, ...year2026 });
    const second = decideDutyOccurrences({ duties, units, ...year2026 });
    expect(second).toEqual(first);
    const keys = first.occurrences.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('overlapping windows give the same rows for the periods they share', () => {
    const h1 = decideDutyOccurrences({ duties, units, from: '2026-01-01', to: '2026-06-30', calendar });
    const q2q3 = decideDutyOccurrences({ duties, units, from: '2026-04-15', to: '2026-09-30', calendar });
    const shared = q2q3.occurrences.filter((o) => o.periodEnd <= '2026-06-30');
    expect(shared.length).toBeGreaterThan(0);
    expect(h1.occurrences).toEqual(expect.arrayContaining(shared));
  });

  it.each([
    ['a duty id', [duty(), duty()], [town()], 'duplicate_duty'],
    ['a unit id', [duty()], [town(), town()], 'duplicate_unit'],
  ])('refuses %s given twice', (_, ds, us, code) => {
    expect(() => decideDutyOccurrences({ duties: ds, units: us, ...year2026 })).toThrow(DutyError);
    try {
      decideDutyOccurrences({ duties: ds, units: us, ...year2026 });
    } catch (error) {
      expect((error as DutyError).code).toBe(code);
    }
  });
});
