import type { LetterBatch } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, isInScope, scopePatterns } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { findBatch, listBatches } from './letters.repository';
import { presentBatch } from './present-batch';

/** A batch with its progress (done / total / status), for those scoped over its issuer. */
export const getLetterBatch = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
): Promise<LetterBatch> => {
  const batch = await findBatch(q, id);
  if (!batch || !isInScope(grants, batch.issuerPath)) throw notFound();
  return presentBatch(batch);
};

export const listLetterBatches = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: { year?: number | undefined; issuerUnitId?: number | undefined; page: number; pageSize: number },
): Promise<{ items: LetterBatch[]; total: number }> => {
  const { items, total } = await listBatches(q, {
    scope: scopePatterns(grants),
    year: query.year,
    issuerUnitId: query.issuerUnitId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: items.map(presentBatch), total };
};
