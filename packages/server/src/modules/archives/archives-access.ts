import type { Role } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { Access } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { findVisiblePeople } from '../eligibility/party-scope';

// Who may call what (issue 6 §4): the organisation department and the 综治办's operator read the
// archives of the people in their scope; a leader reads (and uploads the duty report of) their own.
export const ARCHIVE_READERS = ['operator', 'orgdept', 'leader'] as const satisfies readonly Role[];
export const ARCHIVE_WRITERS = ['operator', 'leader'] as const satisfies readonly Role[];

const BROAD: Record<'read' | 'write', readonly Role[]> = {
  read: ['operator', 'orgdept'],
  write: ['operator'],
};

/**
 * The person whose archive is asked for: in scope through the caller's operator/orgdept grants (a
 * person is in scope through their registering unit or posts, see party-scope.ts), or the caller
 * themselves through a linked account. Anything else looks absent (404).
 */
export const resolveArchivePerson = async (
  q: Queryable,
  { principal, grants }: Access,
  personId: number,
  mode: 'read' | 'write',
) => {
  const self = principal.personId === personId;
  const usable = self ? grants : grants.filter((g) => BROAD[mode].includes(g.role));
  const name = (await findVisiblePeople(q, usable, [personId])).get(personId);
  if (name === undefined) throw notFound();
  return { person: { id: personId, name }, grants: usable };
};
