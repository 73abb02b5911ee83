import type { LetterTemplate } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { type RoleGrant, isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { type TemplateRow, findTemplate } from './letters.repository';

/** A shipped template is visible to every reader; a unit's template to those scoped over the unit. */
export const findTemplateInScope = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
): Promise<TemplateRow> => {
  const template = await findTemplate(q, id);
  if (!template || (template.ownerPath !== null && !isInScope(grants, template.ownerPath))) throw notFound();
  return template;
};

export const getLetterTemplate = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
): Promise<LetterTemplate> => {
  const { ownerPath: _, ...template } = await findTemplateInScope(q, grants, id);
  return template;
};
