import type { OfficialDocumentDetail } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope } from './documents-access';
import { findOfficialDocument } from './documents.repository';

/** One issued document with its content and SM3; 404 out of scope. */
export const getDocument = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
): Promise<OfficialDocumentDetail> => {
  const { unitPath: _, ...doc } = assertInScope(grants, await findOfficialDocument(q, id));
  return doc;
};
