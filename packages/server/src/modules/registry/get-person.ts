import type { PersonDetail } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { hasRole, scopePatterns } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { calculatePeopleScope, PHONE_READERS } from './registry-access';
import { findVisiblePerson, listPosts } from './registry.repository';
import { maskPhone } from './mask-phone';

/**
 * A person with the posts the caller may see. The full phone number is shown only when a
 * sysadmin or operator asks for it (revealPhone), and that reading is audited.
 */
export const getPerson = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  options: { revealPhone?: boolean | undefined },
): Promise<PersonDetail> => {
  const { grants } = getAccess(request);
  const person = await findVisiblePerson(ctx.db, id, calculatePeopleScope(grants));
  if (!person) throw notFound();
  const { items: posts } = await listPosts(ctx.db, {
    patterns: scopePatterns(grants),
    personId: id,
    limit: 500,
    offset: 0,
  });
  const reveal = Boolean(options.revealPhone) && hasRole(grants, ...PHONE_READERS) && person.phone !== null;
  if (reveal)
    await ctx.audit(ctx.db, request, {
      action: 'person.phone_viewed',
      outcome: 'ok',
      targetType: 'person',
      targetId: id,
    });
  return {
    ...person,
    phone: reveal ? person.phone : maskPhone(person.phone),
    phoneMasked: !reveal && person.phone !== null,
    posts: posts.map(({ unitPath: _, ...p }) => p),
  };
};
