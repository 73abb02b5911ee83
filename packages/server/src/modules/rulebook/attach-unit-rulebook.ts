import type { AttachUnitRulebookRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { assertUnitInScope } from './rulebook-access';
import { findRulebookVersion, findUnitRef, upsertUnitRulebook } from './rulebook.repository';

/**
 * Attaches a rulebook to a unit from a date on; the unit's subtree inherits it unless a unit below
 * has its own. Attaching again on the same date corrects the earlier attachment.
 */
export const attachUnitRulebook = async (
  ctx: AppContext,
  request: FastifyRequest,
  unitId: number,
  input: AttachUnitRulebookRequest,
) => {
  const { principal, grants } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    assertUnitInScope(grants, await findUnitRef(tx, unitId));
    if (!(await findRulebookVersion(tx, input.rulebookId)))
      throw invalid([field('body.rulebookId', '没有这个制度', 'no such rulebook')]);
    const saved = await upsertUnitRulebook(tx, {
      unitId,
      rulebookId: input.rulebookId,
      validFrom: input.validFrom,
      attachedAt: ctx.clock.now(),
      attachedBy: principal.username,
      attachedByAccountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: 'rulebook.attached',
      outcome: 'ok',
      targetType: 'unit',
      targetId: unitId,
      details: {
        rulebookId: input.rulebookId,
        validFrom: input.validFrom,
        replaced: saved.replaced?.rulebookId ?? null,
      },
    });
    return saved;
  });
};
