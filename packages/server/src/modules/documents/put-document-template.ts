import type {
  DocumentTemplate,
  OfficialDocumentKindName,
  PutDocumentTemplateRequest,
} from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { checkTemplate } from './check-template';
import { TEMPLATE_WRITERS } from './documents-access';
import { findUnitRef, insertTemplateVersion } from './documents.repository';
import { findEffectiveTemplate } from './effective-template';

/**
 * Saves a new version of the caller's unit's template of a kind (the unit of the caller's operator
 * grant). Units below inherit it unless they have their own. Audited with the version.
 */
export const putDocumentTemplate = async (
  ctx: AppContext,
  request: FastifyRequest,
  kind: OfficialDocumentKindName,
  input: PutDocumentTemplateRequest,
): Promise<DocumentTemplate> => {
  const { principal, grants } = getAccess(request);
  const grant = grants.find((g) => (TEMPLATE_WRITERS as readonly string[]).includes(g.role));
  if (!grant) throw notFound();
  const errors = checkTemplate(input.content, 'body.content');
  if (errors.length > 0) throw invalid(errors);
  return ctx.db.transaction(async (tx) => {
    const unit = await findUnitRef(tx, grant.unitId);
    if (!unit) throw notFound();
    let version: number;
    try {
      version = await insertTemplateVersion(tx, {
        unitId: unit.id,
        kind,
        content: input.content,
        note: input.note ?? null,
        createdAt: ctx.clock.now(),
        createdBy: principal.accountId,
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw conflict();
      throw e;
    }
    await ctx.audit(tx, request, {
      action: 'document_template.saved',
      outcome: 'ok',
      targetType: 'document_template',
      targetId: `${unit.id}:${kind}`,
      details: { unitId: unit.id, kind, version, note: input.note ?? null, title: input.content.title },
    });
    return findEffectiveTemplate(tx, kind, unit.path);
  });
};
