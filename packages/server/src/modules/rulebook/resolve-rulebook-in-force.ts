import {
  type Rulebook,
  type RulebookDocument,
  buildRulebookChain,
  resolveEffectiveRulebook,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { findAttachmentsOnDate, findRulebookIds, findVersionInForce } from './rulebook.repository';

/** A chain is a handful of levels (national → province → city → county → town); more is a loop. */
const MAX_CHAIN = 16;

/** Each rulebook from `id` up its `extends`, at the version in force before `before`. */
export const loadChainDocuments = async (
  q: Queryable,
  id: string,
  before: Date,
): Promise<RulebookDocument[]> => {
  const documents: RulebookDocument[] = [];
  const seen = new Set<string>();
  let next: string | undefined = id;
  while (next !== undefined && !seen.has(next) && documents.length < MAX_CHAIN) {
    seen.add(next);
    const found = await findVersionInForce(q, next, before);
    if (!found) break;
    documents.push(found.body);
    next = found.body.extends;
  }
  return documents;
};

export type RulebookInForce = {
  rulebookId: string;
  /** Version of the rulebook itself (not of the ones it extends) that was in force. */
  version: number;
  rulebook: Rulebook;
};

/**
 * The effective rulebook `id` stood for at a moment, resolved down its chain; undefined when it
 * cannot be resolved (the caller decides whether that is an error). Other modules use this, not
 * the rulebook repository, to read the rules they apply.
 */
export const findRulebookInForce = async (
  q: Queryable,
  id: string,
  before: Date,
): Promise<RulebookInForce | undefined> => {
  const documents = await loadChainDocuments(q, id, before);
  const chain = buildRulebookChain({ id, rulebooks: documents });
  if (!chain.ok) return undefined;
  const effective = resolveEffectiveRulebook({ chain: chain.chain });
  if (!effective.ok) return undefined;
  return { rulebookId: id, version: chain.chain[0]!.version, rulebook: effective.rulebook };
};

/**
 * Every stored rulebook as it stood at a moment, by id (a county holds a handful), for work over
 * many units whose rows name the rulebook they follow; rulebooks that cannot be resolved are left out.
 */
export const findAllRulebooksInForce = async (
  q: Queryable,
  before: Date,
): Promise<Map<string, RulebookInForce>> => {
  const result = new Map<string, RulebookInForce>();
  for (const id of await findRulebookIds(q)) {
    const inForce = await findRulebookInForce(q, id, before);
    if (inForce) result.set(id, inForce);
  }
  return result;
};

/**
 * Which rulebook id each unit follows on a date, for many units at once: its own attachment or
 * its nearest attached ancestor along `path` ('/1/5/23/', the current tree). Units without one
 * are left out. The registry's history of moves is not consulted: bulk work (duty generation)
 * reads today's tree, while "what applied on D" for one unit is `getUnitRulebook`.
 */
export const findRulebookIdsOfUnits = async (
  q: Queryable,
  units: readonly { id: number; path: string }[],
  date: string,
): Promise<Map<number, string>> => {
  const attached = new Map((await findAttachmentsOnDate(q, date)).map((a) => [a.unitId, a.rulebookId]));
  const result = new Map<number, string>();
  if (attached.size === 0) return result;
  for (const unit of units) {
    const ancestry = unit.path.split('/').filter(Boolean).map(Number);
    for (let i = ancestry.length - 1; i >= 0; i -= 1) {
      const id = attached.get(ancestry[i]!);
      if (id !== undefined) {
        result.set(unit.id, id);
        break;
      }
    }
  }
  return result;
};
