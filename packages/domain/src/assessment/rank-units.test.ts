import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RankingEntry, rankUnits } from './rank-units';
import { entry } from './test/assessment-factory';

const FAIR = { groupBy: ['kind', 'level'] as ('kind' | 'level')[], minimumIndicators: 3 };
const ranks = (entries: RankingEntry[], options = FAIR) =>
  rankUnits(entries, options).map((u) => [u.unitId, u.rank, u.notRanked]);

describe('rankUnits', () => {
  it.each<[string, RankingEntry[], (string | number | null)[][]]>([
    [
      'by score, higher first',
      [entry('b', 70), entry('a', 90), entry('c', 80)],
      [
        ['a', 1, null],
        ['c', 2, null],
        ['b', 3, null],
      ],
    ],
    [
      'equal scores share a rank and the next rank skips',
      [entry('a', 90), entry('b', 80), entry('c', 80), entry('d', 70)],
      [
        ['a', 1, null],
        ['b', 2, null],
        ['c', 2, null],
        ['d', 4, null],
      ],
    ],
    [
      'all tied',
      [entry('b', 80), entry('a', 80)],
      [
        ['a', 1, null],
        ['b', 1, null],
      ],
    ],
    [
      'a vetoed unit ranks after every unit not vetoed, whatever its score',
      [entry('a', 99, { vetoed: true }), entry('b', 61), entry('c', 50, { vetoed: true })],
      [
        ['b', 1, null],
        ['a', 2, null],
        ['c', 3, null],
      ],
    ],
    [
      'too few indicators with data: not ranked, and does not take a rank',
      [entry('a', 95, { indicatorsWithData: 2 }), entry('b', 80), entry('c', 70)],
      [
        ['b', 1, null],
        ['c', 2, null],
        ['a', null, 'too_few_indicators'],
      ],
    ],
    ['exactly the minimum is ranked', [entry('a', 95, { indicatorsWithData: 3 })], [['a', 1, null]]],
    [
      'no score: not ranked',
      [entry('a', null), entry('b', 80)],
      [
        ['b', 1, null],
        ['a', null, 'no_score'],
      ],
    ],
  ])('%s', (_, entries, expected) => {
    expect(ranks(entries)).toEqual(expected);
  });

  it('compares units only within their kind and level', () => {
    const result = rankUnits(
      [
        entry('town-a', 70),
        entry('town-b', 90),
        entry('dept-county', 80, { kind: 'department', level: 2 }),
        entry('dept-town', 95, { kind: 'department', level: 3 }),
      ],
      FAIR,
    );
    expect(result.map((u) => [u.group, u.unitId, u.rank])).toEqual([
      ['kind=department|level=2', 'dept-county', 1],
      ['kind=department|level=3', 'dept-town', 1],
      ['kind=town|level=3', 'town-b', 1],
      ['kind=town|level=3', 'town-a', 2],
    ]);
  });

  it('groups by kind alone, or not at all, as the rulebook says', () => {
    const entries = [
      entry('a', 70, { level: 2 }),
      entry('b', 90, { level: 3 }),
      entry('c', 80, { kind: 'department' }),
    ];
    expect(ranks(entries, { groupBy: ['kind'], minimumIndicators: 0 })).toEqual([
      ['c', 1, null],
      ['b', 1, null],
      ['a', 2, null],
    ]);
    expect(ranks(entries, { groupBy: [], minimumIndicators: 0 })).toEqual([
      ['b', 1, null],
      ['c', 2, null],
      ['a', 3, null],
    ]);
  });

  const arbitraryEntries = fc.uniqueArray(
    fc.record({
      unitId: fc.string({ minLength: 1, maxLength: 4 }),
      kind: fc.constantFrom('town', 'department'),
      level: fc.constantFrom(2, 3),
      score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      vetoed: fc.boolean(),
      gradeId: fc.constant(null),
      indicatorsWithData: fc.nat(5),
    }),
    { selector: (e) => e.unitId, maxLength: 30 },
  );

  it('rank = 1 + the number of better units of the same group (property)', () => {
    fc.assert(
      fc.property(arbitraryEntries, (entries) => {
        const result = rankUnits(entries, FAIR);
        expect(result).toHaveLength(entries.length);
        for (const unit of result) {
          if (unit.rank === null) continue;
          const better = result.filter(
            (o) =>
              o.group === unit.group &&
              o.rank !== null &&
              (Number(o.vetoed) < Number(unit.vetoed) ||
                (o.vetoed === unit.vetoed && o.score! > unit.score!)),
          );
          expect(unit.rank).toBe(better.length + 1);
        }
      }),
    );
  });

  it('does not depend on the input order (property)', () => {
    fc.assert(
      fc.property(arbitraryEntries, (entries) => {
        expect(rankUnits([...entries].reverse(), FAIR)).toEqual(rankUnits(entries, FAIR));
      }),
    );
  });
});
