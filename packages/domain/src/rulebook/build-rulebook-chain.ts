import type { RulebookDocument } from './rulebook-layer.schema';
import { RULEBOOK_MESSAGES, type RulebookError } from './validate-rulebook';

export type BuildRulebookChainInput = {
  /** The rulebook that applies to the unit (the most specific one). */
  id: string;
  /** Every rulebook available, in any order. */
  rulebooks: readonly RulebookDocument[];
};

export type RulebookChain = { ok: true; chain: RulebookDocument[] } | { ok: false; errors: RulebookError[] };

/** Follows `extends` from a rulebook up to its root and returns the chain root first, ready to resolve. */
export const buildRulebookChain = ({ id, rulebooks }: BuildRulebookChainInput): RulebookChain => {
  const byId = new Map(rulebooks.map((r) => [r.id, r]));
  const chain: RulebookDocument[] = [];
  const visited = new Set<string>();
  let currentId: string | undefined = id;
  let childId: string | undefined;
  while (currentId !== undefined) {
    if (visited.has(currentId)) {
      return {
        ok: false,
        errors: [{ path: 'extends', message: RULEBOOK_MESSAGES['chain.cycle']!, rulebook: currentId }],
      };
    }
    const current = byId.get(currentId);
    if (current === undefined) {
      const error: RulebookError = {
        path: childId === undefined ? 'id' : 'extends',
        message: RULEBOOK_MESSAGES['chain.unknownParent']!,
      };
      return { ok: false, errors: [childId === undefined ? error : { ...error, rulebook: childId }] };
    }
    visited.add(currentId);
    chain.unshift(current);
    childId = currentId;
    currentId = current.extends;
  }
  return { ok: true, chain };
};
