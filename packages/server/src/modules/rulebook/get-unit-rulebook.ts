import type { UnitRulebookResponse } from '@zongzhi/contracts';
import { type Citation, buildRulebookChain, resolveEffectiveRulebook } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { field } from '../../platform/errors';
import { assertUnitInScope } from './rulebook-access';
import { calculateEndOfDate } from './rulebook-dates';
import { rulebookErrors } from './rulebook.errors';
import { loadChainDocuments } from './resolve-rulebook-in-force';
import { findAncestryOnDate, findNearestAttachment, findUnitRef } from './rulebook.repository';

/**
 * "What applies here?": the rulebook in force for a unit on a date — attached to the unit or
 * inherited from its nearest ancestor (ancestry as on that date), resolved down its chain with
 * each rulebook at the version in force that day — and where each parameter comes from.
 */
export const getUnitRulebook = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  unitId: number,
  date: string,
): Promise<UnitRulebookResponse> => {
  assertUnitInScope(grants, await findUnitRef(q, unitId));
  const ancestry = await findAncestryOnDate(q, unitId, date);
  if (ancestry.length === 0)
    throw rulebookErrors.fail('rulebook.unit_absent_on_date', [
      field('query.date', '该单位在此日期不存在', 'the unit did not exist on this date'),
    ]);
  const attachment = await findNearestAttachment(q, ancestry, date);
  if (!attachment)
    return { unitId, date, attachment: null, chain: [], parameters: [], removed: [], rulebook: null };

  const documents = await loadChainDocuments(q, attachment.rulebookId, calculateEndOfDate(date));
  const chain = buildRulebookChain({ id: attachment.rulebookId, rulebooks: documents });
  if (!chain.ok) throw rulebookErrors.fail('rulebook.unresolvable', chain.errors);
  const effective = resolveEffectiveRulebook({ chain: chain.chain });
  if (!effective.ok) throw rulebookErrors.fail('rulebook.unresolvable', effective.errors);

  const titles = new Map(effective.rulebook.sources.map((s) => [s.id, s.title]));
  const cite = (source: Citation | null) => source && { ...source, title: titles.get(source.doc) ?? null };
  return {
    unitId,
    date,
    attachment,
    chain: chain.chain.map((r) => ({ rulebookId: r.id, version: r.version, name: r.name })),
    parameters: Object.entries(effective.provenance).map(([path, p]) => ({
      path,
      value: p.value,
      rulebookId: p.fromRulebook,
      version: p.version,
      source: cite(p.source),
    })),
    removed: effective.removed.map((r) => ({
      path: r.path,
      rulebookId: r.byRulebook,
      version: r.version,
      source: cite(r.source),
    })),
    rulebook: effective.rulebook,
  };
};
