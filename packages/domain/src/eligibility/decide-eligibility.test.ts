import { describe, expect, it } from 'vitest';
import type { EligibilityWindow } from '../rulebook/rulebook.schema';
import { decideEligibility } from './decide-eligibility';
import { deriveBars, type HeldPost } from './derive-bars';
import type { EligibilityPurpose } from './eligibility-kinds';

const listing: EligibilityWindow[] = [
  { id: 'listing-unit', months: 6, bars: ['comprehensive_honours'], who: ['unit'] },
  {
    id: 'listing-leaders',
    months: 6,
    bars: ['award', 'promotion'],
    who: ['principal', 'responsible', 'in_charge'],
  },
];
const vetoUntil: EligibilityWindow[] = [
  {
    id: 'veto-unit',
    until: { zh: '未规定', en: 'none stated' },
    bars: ['comprehensive_honours'],
    who: ['unit'],
  },
];

// 张书记 is party secretary of town 100 when it is listed (decided 2026-08-31), and is transferred
// to town 200 on 2026-10-01; 李镇长 succeeds him on 2026-10-01.
const posts: HeldPost[] = [
  { personId: 1, unitId: 100, postKind: 'party_secretary', startDate: '2024-01-01', endDate: '2026-10-01' },
  { personId: 1, unitId: 200, postKind: 'party_secretary', startDate: '2026-10-01', endDate: null },
  { personId: 2, unitId: 100, postKind: 'party_secretary', startDate: '2026-10-01', endDate: null },
];
const bars = deriveBars(
  [
    {
      stepId: 5,
      caseId: 9,
      unitId: 100,
      step: 'listed_supervision',
      decidedOn: '2026-08-31',
      relevantOn: '2026-08-31',
      liftedOn: null,
      windows: listing,
      rulebookId: 'zhuzhou-county-2018',
      rulebookVersion: 1,
    },
  ],
  posts,
);
const of = (kind: 'person' | 'unit', id: number) =>
  bars.filter((b) => b.partyKind === kind && b.partyId === id);

describe('decideEligibility', () => {
  it.each([
    // [party, date, purpose, eligible]
    ['person 1 the day before the decision', 'person', 1, '2026-08-30', 'promotion', true],
    ['person 1 on the decision day', 'person', 1, '2026-08-31', 'promotion', false],
    ['person 1 after the transfer: the bar follows him', 'person', 1, '2026-12-01', 'promotion', false],
    ['person 1 on the last barred day', 'person', 1, '2027-02-27', 'award', false],
    ['person 1 on the day the bar ends', 'person', 1, '2027-02-28', 'promotion', true],
    ['person 1: a personal honour is 评先 (award bar)', 'person', 1, '2026-12-01', 'honour', false],
    ['the successor is not barred', 'person', 2, '2026-12-01', 'promotion', true],
    ['the unit: comprehensive honours', 'unit', 100, '2026-12-01', 'honour', false],
    ['the unit: no award bar in this window', 'unit', 100, '2026-12-01', 'award', true],
    ['the unit: promotion is not a unit bar', 'unit', 100, '2026-12-01', 'promotion', true],
    ['the unit after half a year', 'unit', 100, '2027-02-28', 'honour', true],
  ] as const)('%s', (_name, kind, id, date, purpose, eligible) => {
    const answer = decideEligibility(of(kind, id), { date, purpose: purpose as EligibilityPurpose });
    expect(answer.eligible).toBe(eligible);
    expect(answer.reasons.length === 0).toBe(eligible);
    if (!eligible) {
      expect(answer.eligibleFrom).toBe('2027-02-28');
      expect(answer.reasons[0]).toMatchObject({
        caseId: 9,
        stepId: 5,
        step: 'listed_supervision',
        to: '2027-02-28',
      });
    }
  });

  it('gives every reason, open-ended first, and no eligibleFrom while one is open', () => {
    const open = deriveBars(
      [
        {
          stepId: 6,
          caseId: 11,
          unitId: 100,
          step: 'veto',
          decidedOn: '2026-09-10',
          relevantOn: '2026-09-10',
          liftedOn: null,
          windows: vetoUntil,
          rulebookId: 'district-001',
          rulebookVersion: 1,
        },
      ],
      posts,
    );
    const answer = decideEligibility([...of('unit', 100), ...open], {
      date: '2026-12-01',
      purpose: 'honour',
    });
    expect(answer.reasons.map((r) => [r.caseId, r.to])).toEqual([
      [11, null],
      [9, '2027-02-28'],
    ]);
    expect(answer.eligibleFrom).toBeNull();
  });
});
