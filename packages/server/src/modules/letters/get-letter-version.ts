import type { LetterVersion, LetterVersionDiff } from '@zongzhi/contracts';
import { diffLetterVersions } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { Access } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { findLetterInScope } from './get-letter';
import { findVersion } from './letters.repository';

export const getLetterVersion = async (
  q: Queryable,
  access: Access,
  id: number,
  version: number,
): Promise<LetterVersion> => {
  const letter = await findLetterInScope(q, access, id);
  const found = await findVersion(q, letter.id, version);
  if (!found) throw notFound();
  return found;
};

/** What version v changed against v − 1 (version 1: everything added). */
export const getLetterVersionDiff = async (
  q: Queryable,
  access: Access,
  id: number,
  version: number,
): Promise<LetterVersionDiff> => {
  const letter = await findLetterInScope(q, access, id);
  const after = await findVersion(q, letter.id, version);
  if (!after) throw notFound();
  const before = version > 1 ? await findVersion(q, letter.id, version - 1) : undefined;
  const empty = { title: '', preamble: '', responsibilities: [], targets: [] };
  const diff = diffLetterVersions({ before: before ?? empty, after });
  return { letterId: letter.id, from: before?.version ?? null, to: version, reason: after.reason, ...diff };
};
