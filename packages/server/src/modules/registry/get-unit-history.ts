import type { UnitVersion } from '@zongzhi/contracts';
import { type RegistryReader, assertInScope } from './registry-access';
import { findUnitRef, listUnitHistory } from './registry.repository';

/** Every version of a unit, oldest first (可倒查: nothing is overwritten by a later change). */
export const getUnitHistory = async (
  { db, grants }: RegistryReader,
  id: number,
): Promise<{ items: UnitVersion[] }> => {
  assertInScope(grants, await findUnitRef(db, id));
  return { items: await listUnitHistory(db, id) };
};
