import { describe, expect, it } from 'vitest';
import type { Duty } from '../rulebook/rulebook.schema';
import type { DutyDefinition } from './duty-definition';
import { mapRulebookDuties, mapRulebookDuty } from './map-rulebook-duty';

const duty = (overrides: Partial<Duty> = {}): Duty => ({
  id: 'party-committee-special-meeting',
  name: { zh: '党委综治专题会议', en: 'Party committee special meeting' },
  kind: 'meeting',
  who: ['town', 'department'],
  cadence: { kind: 'periodic', every: 1, unit: 'quarter' },
  deadline: { kind: 'end_of_period' },
  evidenceRequired: false,
  source: { doc: 'seed-001', article: '会议制度' },
  ...overrides,
});

describe('mapRulebookDuty', () => {
  it.each<[string, Partial<Duty>, Partial<DutyDefinition> | null]>([
    ['end of period', {}, { cadence: { every: 1, unit: 'quarter' }, deadline: 'period_end' }],
    [
      'bimonthly',
      { cadence: { kind: 'periodic', every: 2, unit: 'month' } },
      { cadence: { every: 2, unit: 'month' }, deadline: 'period_end' },
    ],
    [
      'at least 12 a year keeps the yearly period',
      { cadence: { kind: 'periodic', every: 1, unit: 'year', timesPerPeriod: { min: 12 } } },
      { cadence: { every: 1, unit: 'year' } },
    ],
    [
      '10 working days after the quarter',
      { deadline: { kind: 'working_days_after_period_end', days: 10 } },
      { deadline: { workingDaysAfterPeriodEnd: 10 } },
    ],
    [
      'every Monday of the ISO week',
      {
        cadence: { kind: 'periodic', every: 1, unit: 'week' },
        deadline: { kind: 'days_after_period_start', days: 0 },
      },
      { cadence: { every: 1, unit: 'week' }, deadline: { daysAfterPeriodStart: 0 } },
    ],
    [
      'fixed date in the period year',
      { deadline: { kind: 'fixed_date', month: 3, day: 31 } },
      { deadline: { month: 3, day: 31 } },
    ],
    [
      'fixed date in the next year',
      { deadline: { kind: 'fixed_date', month: 1, day: 15, yearOffset: 1 } },
      { deadline: { month: 1, day: 15, yearOffset: 1 } },
    ],
    [
      'event-driven: a major case within 24 hours',
      {
        cadence: { kind: 'event', trigger: { zh: '发生重大案件', en: 'a major case' } },
        deadline: { kind: 'within', amount: 24, unit: 'hour' },
      },
      null,
    ],
    [
      'event-driven: at once',
      {
        cadence: { kind: 'event', trigger: { zh: '发生重大事件', en: 'a major incident' } },
        deadline: { kind: 'at_once' },
      },
      null,
    ],
    ['periodic with an event deadline', { deadline: { kind: 'at_once' } }, null],
  ])('%s', (_, overrides, expected) => {
    const mapped = mapRulebookDuty(duty(overrides));
    if (expected === null) expect(mapped).toBeNull();
    else
      expect(mapped).toEqual({
        id: 'party-committee-special-meeting',
        appliesTo: ['town', 'department'],
        cadence: { every: 1, unit: 'quarter' },
        deadline: 'period_end',
        ...expected,
      });
  });

  it('keeps the calendar duties of a rulebook in order and skips the event-driven ones', () => {
    const mapped = mapRulebookDuties([
      duty({ id: 'a' }),
      duty({ id: 'b', cadence: { kind: 'event', trigger: { zh: '事件', en: 'event' } } }),
      duty({ id: 'c' }),
    ]);
    expect(mapped.map((d) => d.id)).toEqual(['a', 'c']);
  });
});
