import type { ListPeopleQuery, Person } from '@zongzhi/contracts';
import { type RegistryReader, assertInScope, calculatePeopleScope, pageToLimit } from './registry-access';
import { findUnitRef, listPeople as listPeopleRows } from './registry.repository';
import { maskPhone } from './mask-phone';

/** Officials visible to the caller, by name; phones are always masked in a list. */
export const listPeople = async (
  { db, grants }: RegistryReader,
  query: ListPeopleQuery,
): Promise<{ items: Person[]; total: number }> => {
  const unit =
    query.unitId === undefined ? undefined : assertInScope(grants, await findUnitRef(db, query.unitId));
  const { items, total } = await listPeopleRows(db, {
    ...calculatePeopleScope(grants),
    q: query.q || undefined,
    unitPath: unit?.path,
    ...pageToLimit(query),
  });
  return {
    items: items.map((p) => ({ ...p, phone: maskPhone(p.phone), phoneMasked: p.phone !== null })),
    total,
  };
};
