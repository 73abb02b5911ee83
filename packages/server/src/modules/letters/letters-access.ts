import type { Role } from '@zongzhi/contracts';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { lettersErrors } from './letters.errors';

// Who may call what (issue 4). Letters are read by those who follow a jurisdiction's work; a
// letter is visible to those scoped over its issuer or its recipient. Templates and batches are
// written by the 综治办's operator (any issuing unit in scope) and by a liaison for its own unit
// only (issuing to its subordinates). Progress is entered by the operator or the liaison over the
// recipient. Signing is open to every role whose account is linked to a bound person.
export const LETTER_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const LETTER_WRITERS = ['operator', 'liaison'] as const satisfies readonly Role[];
export const LETTER_SIGNERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const PROGRESS_WRITERS = ['operator', 'liaison'] as const satisfies readonly Role[];

/** Answers the record, or 404 when it is absent or outside the caller's scope (the two look alike). */
export const assertUnitInScope = <T extends { path: string }>(
  grants: readonly RoleGrant[],
  unit: T | undefined,
): T => {
  if (!unit || !isInScope(grants, unit.path)) throw notFound();
  return unit;
};

/** A letter is in scope when its issuer or its recipient is. */
export const assertLetterInScope = <T extends { issuerPath: string; recipientPath: string }>(
  grants: readonly RoleGrant[],
  letter: T | undefined,
): T => {
  if (!letter || !(isInScope(grants, letter.issuerPath) || isInScope(grants, letter.recipientPath)))
    throw notFound();
  return letter;
};

/**
 * May the caller issue (or edit the templates and letters of) this unit? An operator over the
 * unit's subtree may; a liaison only for the unit its grant is on. Others in scope get 403.
 */
export const assertMayIssueFor = (grants: readonly RoleGrant[], unit: { id: number; path: string }) => {
  const ok = grants.some(
    (g) =>
      (g.role === 'operator' && unit.path.startsWith(g.unitPath)) ||
      (g.role === 'liaison' && g.unitId === unit.id),
  );
  if (!ok) throw lettersErrors.fail('letters.not_issuer');
};

/** May the caller enter progress for the recipient unit? Operator or liaison over it. */
export const assertMayEnterProgress = (grants: readonly RoleGrant[], recipientPath: string) => {
  if (
    !grants.some(
      (g) => (g.role === 'operator' || g.role === 'liaison') && recipientPath.startsWith(g.unitPath),
    )
  )
    throw lettersErrors.fail('letters.not_progress_writer');
};
