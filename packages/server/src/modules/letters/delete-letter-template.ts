import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { findTemplateInScope } from './get-letter-template';
import { assertMayIssueFor } from './letters-access';
import { lettersErrors } from './letters.errors';
import { countBatchesOfTemplate, deleteTemplate } from './letters.repository';

/** Deletes a unit's template that no batch used; shipped or used templates stay (409). */
export const deleteLetterTemplate = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
): Promise<void> => {
  const { grants } = getAccess(request);
  await ctx.db.transaction(async (tx) => {
    const existing = await findTemplateInScope(tx, grants, id);
    if (existing.shipped) throw lettersErrors.fail('letters.template_shipped');
    assertMayIssueFor(grants, { id: existing.ownerUnitId!, path: existing.ownerPath! });
    if ((await countBatchesOfTemplate(tx, id)) > 0) throw lettersErrors.fail('letters.template_in_use');
    await deleteTemplate(tx, id);
    await ctx.audit(tx, request, {
      action: 'letter_template.deleted',
      outcome: 'ok',
      targetType: 'letter_template',
      targetId: id,
      details: { name: existing.name },
    });
  });
};
