import type { PersonSanctions } from '@zongzhi/contracts';
import { getRoleOfPostKind, isPostKind, RESPONSIBILITY_ROLES } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { listPartyBars, listStepsOfPerson } from './eligibility.repository';
import { findVisiblePeople } from './party-scope';
import { toBarReason } from './to-bar-reason';

/**
 * The person page's eligibility timeline: the decided steps of cases against units the person
 * served in on the step's relevant date (with the roles held there), and every bar ever imposed
 * on them, in force or not. Audited like a query, since it tells the same.
 */
export const getPersonSanctions = async (
  ctx: AppContext,
  request: FastifyRequest,
  personId: number,
): Promise<PersonSanctions> => {
  const { grants } = getAccess(request);
  const name = (await findVisiblePeople(ctx.db, grants, [personId])).get(personId);
  if (name === undefined) throw notFound();
  const steps = (await listStepsOfPerson(ctx.db, personId)).map(({ postKinds, ...s }) => {
    const held = new Set(postKinds.filter(isPostKind).map(getRoleOfPostKind));
    return {
      ...s,
      step: s.step as PersonSanctions['steps'][number]['step'],
      roles: RESPONSIBILITY_ROLES.filter((r) => held.has(r)),
    };
  });
  const bars = (await listPartyBars(ctx.db, { kind: 'person', id: personId })).map(toBarReason);
  await ctx.audit(ctx.db, request, {
    action: 'eligibility.sanctions_viewed',
    outcome: 'ok',
    targetType: 'person',
    targetId: personId,
    details: { steps: steps.length, bars: bars.length },
  });
  return { person: { id: personId, name }, steps, bars };
};
