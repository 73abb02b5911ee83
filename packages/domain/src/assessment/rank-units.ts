import type { AssessmentSettings } from '../rulebook/rulebook.schema';

/** A unit's result as the ranking needs it (from `scoreUnit` and the unit's place in the tree). */
export type RankingEntry = {
  unitId: string;
  kind: string;
  /** The unit's level in the tree (e.g. its depth, or the kind of its parent). */
  level: string | number;
  score: number | null;
  vetoed: boolean;
  gradeId: string | null;
  indicatorsWithData: number;
};

export type NotRankedReason = 'too_few_indicators' | 'no_score';

export type RankedUnit = RankingEntry & {
  /** The ranking group: units are compared only within it (e.g. `kind=town|level=3`). */
  group: string;
  /** 1 is first; units with equal results share a rank and the next rank skips (1, 1, 3). */
  rank: number | null;
  notRanked: NotRankedReason | null;
};

export type RankingOptions = Pick<AssessmentSettings['ranking'], 'groupBy' | 'minimumIndicators'>;

export const groupKeyOf = (
  entry: Pick<RankingEntry, 'kind' | 'level'>,
  groupBy: RankingOptions['groupBy'],
) => (groupBy.length === 0 ? 'all' : groupBy.map((key) => `${key}=${String(entry[key])}`).join('|'));

const byUnitId = (a: { unitId: string }, b: { unitId: string }) =>
  a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;

/** Better first: a unit not vetoed before a vetoed one, then the higher score. 0 means tied. */
const compareResults = (a: RankingEntry, b: RankingEntry): number =>
  Number(a.vetoed) - Number(b.vetoed) || (b.score ?? 0) - (a.score ?? 0);

/**
 * Fair ranking (issue 6 §2): units are ranked only against units of the same group (`groupBy`:
 * kind and/or level). Within a group, a unit not vetoed ranks before a vetoed one (a veto fails
 * the assessment), then by score, higher first. Equal results share a rank and the next rank
 * skips (standard competition ranking: 1, 1, 3). A unit with data for fewer than
 * `minimumIndicators` indicators, or without a score, is not ranked and says why.
 *
 * Deterministic: the output is ordered by group, then rank, then unit id, with unranked units last
 * in their group; the input order does not matter.
 */
export const rankUnits = (entries: readonly RankingEntry[], options: RankingOptions): RankedUnit[] => {
  const groups = new Map<string, RankingEntry[]>();
  for (const entry of entries) {
    const key = groupKeyOf(entry, options.groupBy);
    const members = groups.get(key);
    if (members) members.push(entry);
    else groups.set(key, [entry]);
  }
  const result: RankedUnit[] = [];
  for (const group of [...groups.keys()].sort()) {
    const members = groups.get(group)!;
    const ranked: RankingEntry[] = [];
    const unranked: { entry: RankingEntry; reason: NotRankedReason }[] = [];
    for (const e of members) {
      const reason = notRankedReasonOf(e, options.minimumIndicators);
      if (reason === null) ranked.push(e);
      else unranked.push({ entry: e, reason });
    }
    ranked.sort(compareForRanking);
    let previous: RankedUnit | undefined;
    for (let index = 0; index < ranked.length; index += 1) {
      const entry = ranked[index]!;
      const tied = previous !== undefined && compareResults(previous, entry) === 0;
      const placed: RankedUnit = {
        ...entry,
        group,
        rank: tied ? previous!.rank : index + 1,
        notRanked: null,
      };
      result.push(placed);
      previous = placed;
    }
    unranked.sort((a, b) => byUnitId(a.entry, b.entry));
    for (const { entry, reason } of unranked) result.push({ ...entry, group, rank: null, notRanked: reason });
  }
  return result;
};

const notRankedReasonOf = (e: RankingEntry, minimumIndicators: number): NotRankedReason | null =>
  e.score === null ? 'no_score' : e.indicatorsWithData < minimumIndicators ? 'too_few_indicators' : null;

/** Better first, then by unit id: the ranking's order within a group. */
const compareForRanking = (a: RankingEntry, b: RankingEntry) => compareResults(a, b) || byUnitId(a, b);
