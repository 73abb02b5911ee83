import { describe, expect, it } from 'vitest';
import {
  type RectificationFacts,
  compareRectificationUrgency,
  decideRectificationStatus,
  isSubmittedOnTime,
} from './decide-rectification-status';

const task = (over: Partial<RectificationFacts> = {}): RectificationFacts => ({
  state: 'open',
  issuedOn: '2026-03-02',
  deadline: '2026-03-31',
  submittedOn: null,
  acceptedOn: null,
  closedOn: null,
  ...over,
});

describe('decideRectificationStatus (due soon from 5 days)', () => {
  it.each<[string, RectificationFacts, string, string, string, number, boolean]>([
    ['open, 6 days left', task(), '2026-03-25', 'open', 'green', 6, false],
    ['5 days left enters due soon', task(), '2026-03-26', 'due_soon', 'yellow', 5, false],
    ['the deadline day is in time', task(), '2026-03-31', 'due_soon', 'yellow', 0, false],
    ['the day after the deadline is overdue', task(), '2026-04-01', 'overdue', 'red', -1, true],
    ['across a month end: 30 days over', task(), '2026-04-30', 'overdue', 'red', -30, true],
    [
      'submitted on time stops the clock',
      task({ state: 'submitted', submittedOn: '2026-03-30' }),
      '2026-04-10',
      'submitted',
      'none',
      -10,
      false,
    ],
    [
      'submitted late: no longer overdue once submitted',
      task({ state: 'submitted', submittedOn: '2026-04-03' }),
      '2026-04-05',
      'submitted',
      'none',
      -5,
      false,
    ],
    [
      'a past date before the late submission reads overdue',
      task({ state: 'submitted', submittedOn: '2026-04-03' }),
      '2026-04-02',
      'overdue',
      'red',
      -2,
      true,
    ],
    [
      'rejected back, new deadline ahead',
      task({ state: 'rejected', deadline: '2026-04-20' }),
      '2026-04-10',
      'rejected',
      'green',
      10,
      false,
    ],
    [
      'rejected back, new deadline near',
      task({ state: 'rejected', deadline: '2026-04-20' }),
      '2026-04-17',
      'rejected',
      'yellow',
      3,
      false,
    ],
    [
      'rejected back and the new deadline missed',
      task({ state: 'rejected', deadline: '2026-04-20' }),
      '2026-04-21',
      'overdue',
      'red',
      -1,
      true,
    ],
    [
      'accepted',
      task({ state: 'accepted', submittedOn: '2026-03-20', acceptedOn: '2026-03-25' }),
      '2026-05-01',
      'accepted',
      'none',
      -31,
      false,
    ],
    [
      'accepted later than the date asked: still submitted then',
      task({ state: 'accepted', submittedOn: '2026-03-20', acceptedOn: '2026-03-25' }),
      '2026-03-22',
      'submitted',
      'none',
      9,
      false,
    ],
    [
      'closed',
      task({ state: 'closed', submittedOn: '2026-03-20', acceptedOn: '2026-03-25', closedOn: '2026-03-26' }),
      '2026-03-26',
      'closed',
      'none',
      5,
      false,
    ],
  ])('%s', (_, facts, asOf, status, colour, daysLeft, overdue) => {
    expect(decideRectificationStatus({ task: facts, asOf, dueSoonDays: 5 })).toEqual({
      status,
      colour,
      daysLeft,
      overdue,
    });
  });

  it('due-soon window 0: only the deadline day is yellow', () => {
    expect(decideRectificationStatus({ task: task(), asOf: '2026-03-30', dueSoonDays: 0 }).colour).toBe(
      'green',
    );
    expect(decideRectificationStatus({ task: task(), asOf: '2026-03-31', dueSoonDays: 0 }).colour).toBe(
      'yellow',
    );
  });

  it.each([
    ['2026-03-31', '2026-03-31', true],
    ['2026-04-01', '2026-03-31', false],
  ])('submitted %s against deadline %s on time: %s', (submittedOn, deadline, expected) => {
    expect(isSubmittedOnTime({ submittedOn, deadline })).toBe(expected);
  });
});

describe('compareRectificationUrgency', () => {
  it('puts overdue first (most overdue on top), then by days left, finished last', () => {
    const asOf = '2026-04-05';
    const rows = [
      { id: 1, facts: task({ deadline: '2026-04-20' }) },
      {
        id: 2,
        facts: task({
          state: 'closed',
          closedOn: '2026-04-01',
          submittedOn: '2026-03-01',
          acceptedOn: '2026-03-02',
        }),
      },
      { id: 3, facts: task({ deadline: '2026-04-01' }) },
      { id: 4, facts: task({ state: 'submitted', submittedOn: '2026-04-02' }) },
      { id: 5, facts: task({ deadline: '2026-03-20' }) },
      { id: 6, facts: task({ deadline: '2026-04-07' }) },
    ].map((r) => ({ id: r.id, ...decideRectificationStatus({ task: r.facts, asOf, dueSoonDays: 5 }) }));
    expect(rows.sort(compareRectificationUrgency).map((r) => r.id)).toEqual([5, 3, 6, 1, 4, 2]);
  });
});
