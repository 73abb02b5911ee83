import type { CascadeGap } from './cascade-gap';
import type { LetterTarget, QuantitativeTarget } from './letter-target';

export type CheckCascadeInput = {
  /** Targets of the parent letter (the issuer's own letter from its parent, same year). */
  parentTargets: readonly LetterTarget[];
  /** The draft (or issued) targets of each child letter, keyed by whatever the caller uses (unit id). */
  children: readonly { id: number; targets: readonly LetterTarget[] }[];
};

/** Does `child` decompose `parent` (分解)? By explicit reference, else by key, else by indicator. */
const decomposes = (parent: LetterTarget, child: LetterTarget) => {
  if (child.decomposes) return child.decomposes === parent.key;
  if (child.key === parent.key) return true;
  return (
    parent.kind === 'quantitative' &&
    child.kind === 'quantitative' &&
    parent.indicatorId === child.indicatorId
  );
};

/**
 * At least as strict: for ≤/< the child's threshold is not above the parent's, for ≥/> not below,
 * for = equal. A child with a different comparator direction, or without a number where the
 * parent has one, does not count as at least as strict.
 */
export const isAtLeastAsStrict = (parent: QuantitativeTarget, child: QuantitativeTarget): boolean => {
  if (parent.reference === 'previous_year' || parent.threshold === null)
    return child.reference === 'previous_year' && rank(child.comparator) >= rank(parent.comparator);
  if (child.threshold === null) return false;
  const p = parent.threshold;
  const c = child.threshold;
  switch (parent.comparator) {
    case 'lte':
      return (
        (child.comparator === 'lte' && c <= p) ||
        (child.comparator === 'lt' && c <= p) ||
        (child.comparator === 'eq' && c <= p)
      );
    case 'lt':
      return (
        (child.comparator === 'lt' && c <= p) ||
        ((child.comparator === 'lte' || child.comparator === 'eq') && c < p)
      );
    case 'gte':
      return (
        (child.comparator === 'gte' && c >= p) ||
        (child.comparator === 'gt' && c >= p) ||
        (child.comparator === 'eq' && c >= p)
      );
    case 'gt':
      return (
        (child.comparator === 'gt' && c >= p) ||
        ((child.comparator === 'gte' || child.comparator === 'eq') && c > p)
      );
    case 'eq':
      return child.comparator === 'eq' && c === p;
  }
};

/** For previous-year references: strict (< / >) is stricter than non-strict. */
const rank = (c: QuantitativeTarget['comparator']) => (c === 'lt' || c === 'gt' || c === 'eq' ? 1 : 0);

/**
 * The cascade check (层层分解): for each child, the parent targets that no child target
 * decomposes ('missing') and those decomposed only less strictly ('weaker'). A qualitative parent
 * target is decomposed by any target that refers to it; a quantitative one needs a quantitative
 * child target at least as strict.
 */
export const checkCascade = ({ parentTargets, children }: CheckCascadeInput): Map<number, CascadeGap[]> => {
  const result = new Map<number, CascadeGap[]>();
  for (const child of children) {
    const gaps: CascadeGap[] = [];
    for (const parent of parentTargets) {
      const candidates = child.targets.filter((t) => decomposes(parent, t));
      const base = { parentKey: parent.key, parentTitle: parent.title };
      const parentThreshold = parent.kind === 'quantitative' ? parent.threshold : null;
      if (candidates.length === 0) {
        gaps.push({ ...base, problem: 'missing', parentThreshold, childKey: null, childThreshold: null });
        continue;
      }
      if (parent.kind === 'qualitative') continue;
      const numeric = candidates.filter((t): t is QuantitativeTarget => t.kind === 'quantitative');
      if (numeric.some((t) => isAtLeastAsStrict(parent, t))) continue;
      const weakest = numeric[0];
      gaps.push({
        ...base,
        problem: 'weaker',
        parentThreshold,
        childKey: weakest?.key ?? candidates[0]!.key,
        childThreshold: weakest?.threshold ?? null,
      });
    }
    result.set(child.id, gaps);
  }
  return result;
};
