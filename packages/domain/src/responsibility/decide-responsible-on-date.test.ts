import { describe, expect, it } from 'vitest';
import { decideResponsibleOnDate, type PostFacts } from './decide-responsible-on-date';
import { POST_KIND_TABLE, type PostKind, getRoleOfPostKind } from './post-kinds';

type P = PostFacts & { id: string };
const post = (id: string, postKind: PostKind, startDate: string, endDate: string | null = null): P => ({
  id,
  postKind,
  startDate,
  endDate,
});

// Town history: secretary A hands over to B on 2025-07-01; head C is open-ended; deputy D's post
// ended the day before 2025-03-01; E acts as secretary (代理) overlapping A for June; F starts in 2027.
const posts: P[] = [
  post('A', 'party_secretary', '2021-01-01', '2025-07-01'),
  post('B', 'party_secretary', '2025-07-01'),
  post('C', 'chief', '2020-05-01'),
  post('D', 'deputy_in_charge', '2022-01-01', '2025-03-01'),
  post('D2', 'deputy_in_charge', '2025-03-01'),
  post('E', 'party_secretary', '2025-06-01', '2025-07-01'),
  post('F', 'member', '2027-01-01'),
  post('G', 'grid_worker', '2024-01-01', '2026-01-01'),
  post('H', 'liaison_cadre', '2024-01-01'),
];

const ids = (list: P[]) => list.map((p) => p.id);

describe('decideResponsibleOnDate', () => {
  it.each([
    ['before anyone held a post', '2019-12-31', [], [], [], []],
    ['first day of the open-ended head', '2020-05-01', ['C'], [], [], []],
    ['deputy still in post on its last day', '2025-02-28', ['A', 'C'], ['D'], [], ['G', 'H']],
    ['post ending the day before is gone, successor holds', '2025-03-01', ['A', 'C'], ['D2'], [], ['G', 'H']],
    ['acting secretary overlaps the outgoing one', '2025-06-15', ['A', 'C', 'E'], ['D2'], [], ['G', 'H']],
    ['last day before the handover', '2025-06-30', ['A', 'C', 'E'], ['D2'], [], ['G', 'H']],
    [
      'handover day: the successor holds, not the predecessor',
      '2025-07-01',
      ['B', 'C'],
      ['D2'],
      [],
      ['G', 'H'],
    ],
    ['grid worker ended, open posts continue', '2026-06-01', ['B', 'C'], ['D2'], [], ['H']],
    ['a future post counts only from its start', '2026-12-31', ['B', 'C'], ['D2'], [], ['H']],
    ['future post has started', '2027-01-01', ['B', 'C'], ['D2'], ['F'], ['H']],
  ])('%s (%s)', (_, date, principal, inCharge, member, specific) => {
    const roles = decideResponsibleOnDate({ posts, date });
    expect(ids(roles.principal)).toEqual(principal);
    expect(ids(roles.in_charge)).toEqual(inCharge);
    expect(ids(roles.member)).toEqual(member);
    expect(ids(roles.specific)).toEqual(specific);
  });

  it('answers every role even with no posts', () => {
    expect(decideResponsibleOnDate({ posts: [], date: '2026-01-01' })).toEqual({
      principal: [],
      in_charge: [],
      member: [],
      specific: [],
    });
  });
});

describe('post kind → responsibility role', () => {
  it.each([
    ['party_secretary', 'principal'],
    ['chief', 'principal'],
    ['deputy_in_charge', 'in_charge'],
    ['member', 'member'],
    ['village_cadre', 'specific'],
    ['grid_worker', 'specific'],
    ['liaison_cadre', 'specific'],
  ] as const)('%s → %s', (kind, role) => {
    expect(getRoleOfPostKind(kind)).toBe(role);
  });

  it('labels every kind in Chinese', () => {
    for (const row of POST_KIND_TABLE) expect(row.label.zh).toMatch(/\p{Script=Han}/u);
  });
});
