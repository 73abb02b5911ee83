import type { Person, UpdatePersonRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { calculatePeopleScope } from './registry-access';
import { type PersonFields, findVisiblePerson, updatePerson as updatePersonRow } from './registry.repository';
import { maskPhone } from './mask-phone';

export const updatePerson = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  input: UpdatePersonRequest,
): Promise<Person> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const person = await findVisiblePerson(tx, id, calculatePeopleScope(grants));
    if (!person) throw notFound();
    const before: PersonFields = {
      name: person.name,
      gender: person.gender,
      birthDate: person.birthDate,
      phone: person.phone,
    };
    const pick = <K extends keyof PersonFields>(k: K) => (input[k] === undefined ? before[k] : input[k]);
    const after: PersonFields = {
      name: pick('name') as string,
      gender: pick('gender') as PersonFields['gender'],
      birthDate: pick('birthDate') as string | null,
      phone: pick('phone') as string | null,
    };
    const changed = (Object.keys(after) as (keyof PersonFields)[]).filter((k) => after[k] !== before[k]);
    if (changed.length > 0) {
      await updatePersonRow(tx, id, after, now);
      const shown = (f: PersonFields, k: keyof PersonFields) => (k === 'phone' ? maskPhone(f.phone) : f[k]);
      await ctx.audit(tx, request, {
        action: 'person.updated',
        outcome: 'ok',
        targetType: 'person',
        targetId: id,
        details: {
          before: Object.fromEntries(changed.map((k) => [k, shown(before, k)])),
          after: Object.fromEntries(changed.map((k) => [k, shown(after, k)])),
        },
      });
    }
    return {
      id,
      ...after,
      unitId: person.unitId,
      phone: maskPhone(after.phone),
      phoneMasked: after.phone !== null,
    };
  });
};
