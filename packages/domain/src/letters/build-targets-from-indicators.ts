import type { Indicator } from '../rulebook/rulebook.schema';
import type { LetterTarget, TargetPeriod } from './letter-target';

const PERIOD_OF: Record<string, TargetPeriod> = {
  week: 'month',
  month: 'month',
  quarter: 'quarter',
  half_year: 'half_year',
  year: 'year',
};

/**
 * The targets of a letter template built from a rulebook's indicator items (seed 001's 20 targets,
 * less the one the product omits). An item with one threshold is one quantitative target; an item
 * with several (第7项: 查处率 100 % and 灾害事故 0) gives one target per threshold, keyed
 * `item.threshold`, so that each is measured and decomposed on its own. Items without a threshold
 * are qualitative. The item's weight is shared among its targets; without weights every item
 * weighs the same share of 100.
 */
export const buildTargetsFromIndicators = (items: readonly Indicator[]): LetterTarget[] => {
  const equalShare = items.length > 0 ? 100 / items.length : 0;
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return items.flatMap((item): LetterTarget[] => {
    const weight = item.weight ?? equalShare;
    if (item.thresholds.length === 0)
      return [
        {
          kind: 'qualitative',
          key: item.id,
          number: item.number ?? null,
          title: item.name.zh,
          weight: round2(weight),
          evidence: null,
          indicatorId: item.id,
          per: 'year',
        },
      ];
    const share = weight / item.thresholds.length;
    return item.thresholds.map((t) => ({
      kind: 'quantitative',
      key: item.thresholds.length === 1 ? item.id : `${item.id}.${t.id}`,
      number: item.number ?? null,
      title: item.thresholds.length === 1 ? item.name.zh : `${item.name.zh}：${t.measure.zh}`,
      weight: round2(share),
      evidence: null,
      indicatorId: t.id,
      comparator: t.comparator,
      threshold: t.value ?? null,
      reference: t.reference ?? null,
      unit: t.unit,
      per: PERIOD_OF[t.per ?? 'year'] ?? 'year',
    }));
  });
};
