import {
  type DocumentTemplate,
  OFFICIAL_DOCUMENT_KINDS,
  type OfficialDocumentKindName,
} from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope, homeUnitId } from './documents-access';
import { findUnitRef } from './documents.repository';
import { findEffectiveTemplate } from './effective-template';

const unitInScope = async (q: Queryable, grants: readonly RoleGrant[], unitId: number | undefined) => {
  const u = await findUnitRef(q, unitId ?? homeUnitId(grants));
  return assertInScope(grants, u && { ...u, unitPath: u.path });
};

/** The effective template of one kind for a unit (default: the caller's unit). */
export const getDocumentTemplate = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  kind: OfficialDocumentKindName,
  unitId?: number,
): Promise<DocumentTemplate> =>
  findEffectiveTemplate(q, kind, (await unitInScope(q, grants, unitId)).unitPath);

/** The effective templates of every kind for a unit (default: the caller's unit). */
export const listDocumentTemplates = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  unitId?: number,
): Promise<DocumentTemplate[]> => {
  const unit = await unitInScope(q, grants, unitId);
  const out: DocumentTemplate[] = [];
  for (const kind of OFFICIAL_DOCUMENT_KINDS) out.push(await findEffectiveTemplate(q, kind, unit.unitPath));
  return out;
};
