import type { ListLetterTemplatesQuery, LetterTemplateSummary } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, scopePatterns } from '../../platform/auth/principal';
import { listTemplates } from './letters.repository';

/** The shipped templates and those of units in the caller's scope. */
export const listLetterTemplates = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListLetterTemplatesQuery,
): Promise<{ items: LetterTemplateSummary[]; total: number }> => {
  const { items, total } = await listTemplates(q, {
    scope: scopePatterns(grants),
    relationshipId: query.relationshipId,
    ownerUnitId: query.ownerUnitId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total,
    items: items.map(({ ownerPath: _, preamble: _p, responsibilities: _r, targets, ...t }) => ({
      ...t,
      targetCount: targets.length,
    })),
  };
};
