import type { UnitDetail } from '@zongzhi/contracts';
import { type RegistryReader, assertInScope } from './registry-access';
import { findUnit, listAncestors } from './registry.repository';

/** A unit with its ancestry (the breadcrumb above it, root first). */
export const getUnit = async ({ db, grants, today }: RegistryReader, id: number): Promise<UnitDetail> => {
  const unit = assertInScope(grants, await findUnit(db, id, today));
  const ancestorIds = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((a) => a !== unit.id);
  return { ...unit, ancestors: ancestorIds.length ? await listAncestors(db, ancestorIds) : [] };
};
