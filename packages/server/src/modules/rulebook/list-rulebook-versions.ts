import type { RulebookVersion } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { notFound } from '../../platform/errors';
import { listRulebookVersions as findVersions } from './rulebook.repository';

/** Every version of a rulebook, newest first. */
export const listRulebookVersions = async (
  q: Queryable,
  id: string,
): Promise<{ items: RulebookVersion[] }> => {
  const items = await findVersions(q, id);
  if (items.length === 0) throw notFound();
  return { items };
};
