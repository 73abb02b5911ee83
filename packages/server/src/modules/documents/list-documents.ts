import type { ListDocumentsQuery, OfficialDocumentSummary } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { assertInScope } from './documents-access';
import { findUnitRef, listOfficialDocuments } from './documents.repository';

/** A page of the issued documents about units of the caller's jurisdiction, newest first. */
export const listDocuments = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: ListDocumentsQuery,
): Promise<{ items: OfficialDocumentSummary[]; total: number }> => {
  const unit =
    query.unitId === undefined
      ? undefined
      : assertInScope(
          grants,
          await findUnitRef(q, query.unitId).then((u) => u && { ...u, unitPath: u.path }),
        );
  const page = await listOfficialDocuments(q, {
    patterns: scopePatterns(grants),
    unitPath: unit?.unitPath,
    kind: query.kind,
    year: query.year,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: page.items.map(({ unitPath: _, ...d }) => d), total: page.total };
};
