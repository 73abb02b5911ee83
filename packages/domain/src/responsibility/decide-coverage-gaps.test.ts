import { describe, expect, it } from 'vitest';
import type { UnitKind } from '../units/unit-kinds';
import { type CoveragePost, decideCoverageGaps } from './decide-coverage-gaps';

const units: { id: number; kind: UnitKind }[] = [
  { id: 1, kind: 'county' },
  { id: 2, kind: 'town' },
  { id: 3, kind: 'village' },
  { id: 4, kind: 'grid' },
  { id: 5, kind: 'department' },
];

const posts: CoveragePost[] = [
  { unitId: 1, postKind: 'party_secretary', startDate: '2020-01-01', endDate: null },
  { unitId: 1, postKind: 'deputy_in_charge', startDate: '2020-01-01', endDate: null },
  // Town: head until 2025-07-01 (exclusive), secretary from 2025-07-01; deputy only from 2026.
  { unitId: 2, postKind: 'chief', startDate: '2020-01-01', endDate: '2025-07-01' },
  { unitId: 2, postKind: 'party_secretary', startDate: '2025-07-01', endDate: null },
  { unitId: 2, postKind: 'deputy_in_charge', startDate: '2026-01-01', endDate: null },
  // Village: only members and cadres — specific roles do not cover the leadership.
  { unitId: 3, postKind: 'member', startDate: '2020-01-01', endDate: null },
  { unitId: 3, postKind: 'village_cadre', startDate: '2020-01-01', endDate: null },
  { unitId: 5, postKind: 'chief', startDate: '2020-01-01', endDate: null },
  { unitId: 5, postKind: 'deputy_in_charge', startDate: '2020-01-01', endDate: '2025-01-01' },
];

describe('decideCoverageGaps', () => {
  it.each([
    [
      'before the town handover',
      '2025-06-30',
      [
        { unitId: 2, missing: ['in_charge'] },
        { unitId: 3, missing: ['principal', 'in_charge'] },
        { unitId: 5, missing: ['in_charge'] },
      ],
    ],
    [
      'handover day: successor covers the town',
      '2025-07-01',
      [
        { unitId: 2, missing: ['in_charge'] },
        { unitId: 3, missing: ['principal', 'in_charge'] },
        { unitId: 5, missing: ['in_charge'] },
      ],
    ],
    [
      'deputy of the department still in post on its last day',
      '2024-12-31',
      [
        { unitId: 2, missing: ['in_charge'] },
        { unitId: 3, missing: ['principal', 'in_charge'] },
      ],
    ],
    [
      'future deputy has started',
      '2026-01-01',
      [
        { unitId: 3, missing: ['principal', 'in_charge'] },
        { unitId: 5, missing: ['in_charge'] },
      ],
    ],
    [
      'before any post: every unit but the grid lacks both',
      '2019-01-01',
      [1, 2, 3, 5].map((unitId) => ({ unitId, missing: ['principal', 'in_charge'] })),
    ],
  ])('%s (%s)', (_, date, expected) => {
    expect(decideCoverageGaps({ units, posts, date })).toEqual(expected);
  });

  it('follows a rulebook that requires less', () => {
    const gaps = decideCoverageGaps({
      units,
      posts,
      date: '2025-06-30',
      requiredRoles: {
        province: ['principal'],
        city: ['principal'],
        county: ['principal'],
        town: ['principal'],
        village: [],
        grid: [],
        department: ['principal'],
        subunit: ['principal'],
        key_unit: ['principal'],
        stationed: ['principal'],
      },
    });
    expect(gaps).toEqual([]);
  });
});
