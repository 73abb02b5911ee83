import type { CreatePersonRequest, Person } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { findUnitRef, insertPerson } from './registry.repository';
import { maskPhone } from './mask-phone';

/** Registers an official under a unit of the caller's scope (the unit that keeps the record). */
export const createPerson = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreatePersonRequest,
): Promise<Person> => {
  const { grants } = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const unit = await findUnitRef(tx, input.unitId);
    if (!unit || !isInScope(grants, unit.path))
      throw invalid([
        field(
          'body.unitId',
          '单位不存在或不在您的管辖范围内',
          'Unit does not exist or is outside your scope',
        ),
      ]);
    const record = {
      name: input.name,
      gender: input.gender ?? null,
      birthDate: input.birthDate ?? null,
      phone: input.phone ?? null,
      unitId: unit.id,
    };
    const id = await insertPerson(tx, record);
    await ctx.audit(tx, request, {
      action: 'person.created',
      outcome: 'ok',
      targetType: 'person',
      targetId: id,
      // The phone is personal data: the ledger records that it was set, not its digits.
      details: { ...record, phone: record.phone === null ? null : maskPhone(record.phone) },
    });
    return { id, ...record, phone: maskPhone(record.phone), phoneMasked: record.phone !== null };
  });
};
