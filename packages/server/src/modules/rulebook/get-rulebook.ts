import type { RulebookVersionDetail } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { notFound } from '../../platform/errors';
import { findRulebookVersion } from './rulebook.repository';

/** A rulebook as published: its latest version, or the version asked for. */
export const getRulebook = async (
  q: Queryable,
  id: string,
  version?: number,
): Promise<RulebookVersionDetail> => {
  const found = await findRulebookVersion(q, id, version);
  if (!found) throw notFound();
  return found;
};
