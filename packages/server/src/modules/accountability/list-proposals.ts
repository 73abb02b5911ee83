import type { ListProposalsQuery, ProposalList } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { findUnitRef, listProposalRows } from './accountability.repository';
import { createRulebookCache, presentProposal } from './present-case';

/** Proposals of the caller's units (pending ones wait for a decision), newest first. */
export const listProposals = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListProposalsQuery,
  now: Date,
): Promise<ProposalList> => {
  const unit = query.unitId === undefined ? undefined : await findUnitRef(q, query.unitId);
  if (query.unitId !== undefined && !unit) return { items: [], total: 0 };
  const rows = await listProposalRows(q, {
    patterns: scopePatterns(grants),
    unitPath: unit?.unitPath,
    status: query.status,
    caseId: query.caseId,
  });
  const rulebookOf = createRulebookCache(q, now);
  const start = (query.page - 1) * query.pageSize;
  const items = [];
  for (const p of rows.slice(start, start + query.pageSize))
    items.push(presentProposal(p, await rulebookOf(p.rulebookId)));
  return { items, total: rows.length };
};
