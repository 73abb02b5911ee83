import type { Role } from '@zongzhi/contracts';

/** A role held over the subtree of units rooted at unitId (whose path is unitPath). */
export type RoleGrant = { role: Role; unitId: number; unitPath: string };

/** Who is calling: a logged-in account or an API key. */
export type Principal = {
  kind: 'session' | 'apiKey';
  accountId: number | null;
  username: string;
  personId: number | null;
  grants: RoleGrant[];
  sessionId?: string;
  apiKeyId?: number;
};

/** What a route allows. Every /api/v1 route must declare one (checked at start-up). */
export type AccessPolicy = { public: true } | { roles: readonly Role[] };

/** The grants of the caller that this route accepts; the scope of the request is their union. */
export type Access = { principal: Principal; grants: RoleGrant[] };

/** Is a unit with this path inside any of the granted subtrees? */
export const isInScope = (grants: readonly RoleGrant[], unitPath: string) =>
  grants.some((g) => unitPath.startsWith(g.unitPath));

/** LIKE patterns for SQL: `path LIKE ANY($n)`. */
export const scopePatterns = (grants: readonly RoleGrant[]) => grants.map((g) => `${g.unitPath}%`);

export const hasRole = (grants: readonly RoleGrant[], ...roles: Role[]) =>
  grants.some((g) => roles.includes(g.role));
