import { describe, expect, it } from 'vitest';
import { type DecideDutyStateInput, decideDutyState } from './decide-duty-state';

const occurrence = { deadline: '2026-09-30' };

describe('decideDutyState', () => {
  it.each<[string, Omit<DecideDutyStateInput, 'occurrence'>, string, string, number]>([
    ['8 days before, due-soon window 7', { now: '2026-09-22', dueSoonDays: 7 }, 'upcoming', 'green', 0],
    ['7 days before enters the window', { now: '2026-09-23', dueSoonDays: 7 }, 'due_soon', 'yellow', 0],
    ['on the deadline day', { now: '2026-09-30', dueSoonDays: 7 }, 'due_soon', 'yellow', 0],
    [
      '23:59:59.999 Beijing on the deadline day',
      { now: new Date('2026-09-30T15:59:59.999Z'), dueSoonDays: 7 },
      'due_soon',
      'yellow',
      0,
    ],
    [
      '00:00 Beijing the next day',
      { now: new Date('2026-09-30T16:00:00Z'), dueSoonDays: 7 },
      'overdue',
      'red',
      1,
    ],
    ['nine days after', { now: '2026-10-09', dueSoonDays: 7 }, 'overdue', 'red', 9],
    ['window 0: the day before', { now: '2026-09-29', dueSoonDays: 0 }, 'upcoming', 'green', 0],
    ['window 0: the deadline day', { now: '2026-09-30', dueSoonDays: 0 }, 'due_soon', 'yellow', 0],
    [
      'fulfilled on the deadline day',
      { fulfilledAt: '2026-09-30', now: '2026-12-01', dueSoonDays: 7 },
      'done',
      'green',
      0,
    ],
    ['fulfilled early', { fulfilledAt: '2026-07-02', now: '2026-07-03', dueSoonDays: 7 }, 'done', 'green', 0],
    [
      'fulfilled 23:59 Beijing on the deadline day',
      { fulfilledAt: new Date('2026-09-30T15:59:00Z'), now: '2026-10-02', dueSoonDays: 7 },
      'done',
      'green',
      0,
    ],
    [
      'fulfilled 00:00 Beijing the next day',
      { fulfilledAt: new Date('2026-09-30T16:00:00Z'), now: '2026-10-02', dueSoonDays: 7 },
      'done_late',
      'red',
      1,
    ],
    [
      'an overdue duty turns done late',
      { fulfilledAt: '2026-10-09', now: '2026-10-09', dueSoonDays: 7 },
      'done_late',
      'red',
      9,
    ],
    ['waived while overdue', { waived: true, now: '2026-10-09', dueSoonDays: 7 }, 'waived', 'green', 0],
    [
      'a waiver wins over a late fulfilment',
      { waived: true, fulfilledAt: '2026-10-09', now: '2026-10-09', dueSoonDays: 7 },
      'waived',
      'green',
      0,
    ],
    [
      'no fulfilment recorded (null)',
      { fulfilledAt: null, now: '2026-09-01', dueSoonDays: 7 },
      'upcoming',
      'green',
      0,
    ],
  ])('%s → %s / %s', (_, input, state, timeStatus, daysLate) => {
    expect(decideDutyState({ occurrence, ...input })).toEqual({ state, timeStatus, daysLate });
  });

  it('rejects a malformed date', () => {
    expect(() => decideDutyState({ occurrence, now: '2026-9-30', dueSoonDays: 7 })).toThrow(/calendar date/);
  });
});
