import type { Role } from '@zongzhi/contracts';
import type { RoleGrant } from '../../platform/auth/principal';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';

// Who may call what (issue 6 §2): results are read by those who follow a jurisdiction's work;
// the 综治办's operator opens, computes, closes and corrects periods.
export const ASSESSMENT_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const ASSESSMENT_WRITERS = ['operator'] as const satisfies readonly Role[];

/**
 * A period is visible when its root is in the caller's scope, or when it assesses the caller's
 * scope (its root is an ancestor of a granted unit): the caller then sees only the results of
 * units in scope.
 */
export const canSeePeriod = (grants: readonly RoleGrant[], rootPath: string) =>
  isInScope(grants, rootPath) || grants.some((g) => g.unitPath.startsWith(rootPath));

export const assertPeriodVisible = <T extends { rootPath: string }>(
  grants: readonly RoleGrant[],
  period: T | undefined,
): T => {
  if (!period || !canSeePeriod(grants, period.rootPath)) throw notFound();
  return period;
};

/** Writers act on periods whose root they hold. */
export const assertPeriodWritable = <T extends { rootPath: string }>(
  grants: readonly RoleGrant[],
  period: T | undefined,
): T => {
  if (!period || !isInScope(grants, period.rootPath)) throw notFound();
  return period;
};
