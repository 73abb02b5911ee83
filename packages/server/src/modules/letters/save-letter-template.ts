import type { LetterTemplate, SaveLetterTemplateRequest } from '@zongzhi/contracts';
import type { LetterTarget } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { findTemplateInScope } from './get-letter-template';
import { checkTargets } from './letter-content';
import { loadLetterRules } from './letter-rules';
import { assertMayIssueFor, assertUnitInScope } from './letters-access';
import { lettersErrors } from './letters.errors';
import { findUnit, insertTemplate, updateTemplate } from './letters.repository';

type TemplateInput = Omit<SaveLetterTemplateRequest, 'targets'> & { targets: LetterTarget[] };

/** The owner unit must be in scope and writable by the caller, and its rules must know the relationship. */
const checkTemplate = async (
  ctx: AppContext,
  q: Queryable,
  request: FastifyRequest,
  input: TemplateInput,
) => {
  const { grants } = getAccess(request);
  const owner = assertUnitInScope(grants, await findUnit(q, input.ownerUnitId));
  assertMayIssueFor(grants, owner);
  const { rules } = await loadLetterRules(q, owner, ctx.clock.now());
  const relationship = rules.relationships.find((r) => r.id === input.relationshipId);
  const errors = checkTargets(input.targets, 'body.targets');
  if (!relationship)
    errors.push(
      field('body.relationshipId', '规则手册中没有这种签订关系', 'no such relationship in the rulebook'),
    );
  else if (!relationship.issuerKinds.includes(owner.kind))
    errors.push(
      field(
        'body.ownerUnitId',
        '该单位类型不能作为这种关系的发放单位',
        'this kind of unit does not issue letters of this relationship',
      ),
    );
  if (errors.length > 0) throw invalid(errors);
  return owner;
};

/** Creates a unit's template (operator over the unit, or the unit's own liaison). */
export const createLetterTemplate = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: TemplateInput,
): Promise<LetterTemplate> => {
  const { principal, grants } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const owner = await checkTemplate(ctx, tx, request, input);
    const id = await insertTemplate(tx, {
      ...input,
      ownerUnitId: owner.id,
      shippedKey: null,
      now: ctx.clock.now(),
      by: principal.username,
    });
    await ctx.audit(tx, request, {
      action: 'letter_template.created',
      outcome: 'ok',
      targetType: 'letter_template',
      targetId: id,
      details: { ownerUnitId: owner.id, relationshipId: input.relationshipId, targets: input.targets.length },
    });
    const { ownerPath: _, ...template } = await findTemplateInScope(tx, grants, id);
    return template;
  });
};

/** Replaces a unit's template; shipped templates are read-only (409). */
export const updateLetterTemplate = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: TemplateInput,
): Promise<LetterTemplate> => {
  const { grants } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const existing = await findTemplateInScope(tx, grants, id);
    if (existing.shipped) throw lettersErrors.fail('letters.template_shipped');
    assertMayIssueFor(grants, { id: existing.ownerUnitId!, path: existing.ownerPath! });
    const owner = await checkTemplate(ctx, tx, request, input);
    await updateTemplate(tx, id, { ...input, ownerUnitId: owner.id, now: ctx.clock.now() });
    await ctx.audit(tx, request, {
      action: 'letter_template.updated',
      outcome: 'ok',
      targetType: 'letter_template',
      targetId: id,
      details: { ownerUnitId: owner.id, relationshipId: input.relationshipId, targets: input.targets.length },
    });
    const { ownerPath: _, ...template } = await findTemplateInScope(tx, grants, id);
    return template;
  });
};
