import type { LetterDetail, ListLettersQuery, LetterSummary } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { Access } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { assertLetterInScope } from './letters-access';
import { type LetterRow, findLetter, listLetters as listLetterRows } from './letters.repository';
import { presentLetterDetail, presentLetterSummary } from './present-letter';

/** A live letter in the caller's scope (issuer or recipient), or 404. */
export const findLetterInScope = async (q: Queryable, access: Access, id: number): Promise<LetterRow> =>
  assertLetterInScope(access.grants, await findLetter(q, id, access.principal.personId));

export const getLetter = async (q: Queryable, access: Access, id: number): Promise<LetterDetail> =>
  presentLetterDetail(q, await findLetterInScope(q, access, id));

export const listLetters = async (
  q: Queryable,
  access: Access,
  query: ListLettersQuery,
): Promise<{ items: LetterSummary[]; total: number }> => {
  const { items, total } = await listLetterRows(q, {
    scope: scopePatterns(access.grants),
    personId: access.principal.personId,
    year: query.year,
    batchId: query.batchId,
    issuerUnitId: query.issuerUnitId,
    recipientUnitId: query.recipientUnitId,
    status: query.status,
    awaitingMe: query.awaitingMe,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: items.map(presentLetterSummary), total };
};
