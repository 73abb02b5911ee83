import type { DocumentTemplate, OfficialDocumentKindName } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { DEFAULT_TEMPLATES } from './default-templates';
import { findLatestTemplates } from './documents.repository';

const ancestorIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The template a unit uses for a kind: its own latest version, else its nearest ancestor's, else the shipped default. */
export const findEffectiveTemplate = async (
  q: Queryable,
  kind: OfficialDocumentKindName,
  unitPath: string,
): Promise<DocumentTemplate> => {
  const rows = await findLatestTemplates(q, kind, ancestorIds(unitPath));
  const nearest = rows.sort((a, b) => b.depth - a.depth)[0];
  if (!nearest)
    return {
      kind,
      origin: 'default',
      unitId: null,
      unitName: null,
      version: null,
      content: DEFAULT_TEMPLATES[kind],
      updatedAt: null,
      updatedBy: null,
    };
  return {
    kind,
    origin: 'unit',
    unitId: nearest.unitId,
    unitName: nearest.unitName,
    version: nearest.version,
    content: nearest.content,
    updatedAt: nearest.createdAt,
    updatedBy: nearest.createdBy,
  };
};
