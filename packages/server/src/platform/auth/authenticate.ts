import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@zongzhi/contracts';
import type { Database } from '../../db/client';
import type { AuditChainer } from '../audit/audit-ledger';
import { appendAudit } from '../audit/audit-ledger';
import type { Clock } from '../clock';
import type { SecuritySettings } from '../config';
import { safeEqual, sha256 } from '../crypto';
import { AppError, commonErrors, defineErrors } from '../errors';
import type { Access, Principal, RoleGrant } from './principal';

export const SESSION_COOKIE = 'zz_session';
export const CSRF_HEADER = 'x-csrf-token';
/** API keys are found by their first characters (stored in api_keys.prefix), then checked by hash. */
export const API_KEY_PREFIX_LENGTH = 12;

export const sessionErrors = defineErrors({
  'auth.session_expired': {
    status: 401,
    message: {
      zh: '长时间未操作，会话已过期，请重新登录',
      en: 'Session expired after inactivity; log in again',
    },
  },
  'auth.invalid_api_key': {
    status: 401,
    message: { zh: 'API 密钥无效或已吊销', en: 'Invalid or revoked API key' },
  },
});

// last_seen_at is written at most this often; idle timeout is measured in minutes, so this is enough.
const TOUCH_EVERY_MS = 15_000;

type SessionRow = {
  id: string;
  account_id: number;
  csrf_token: string;
  last_seen_at: Date;
  revoked_at: Date | null;
  username: string;
  person_id: number | null;
  disabled: boolean;
};

export const loadGrants = async (db: Database, accountId: number): Promise<RoleGrant[]> =>
  (
    await db.query<{ role: Role; unit_id: number; path: string }>(
      `SELECT r.role, r.unit_id, u.path FROM role_assignments r JOIN units u ON u.id = r.unit_id
        WHERE r.account_id = $1 ORDER BY r.id`,
      [accountId],
    )
  ).map((r) => ({ role: r.role, unitId: r.unit_id, unitPath: r.path }));

type Deps = { db: Database; clock: Clock; security: () => SecuritySettings; chainer: AuditChainer };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const apiKeyFrom = (request: FastifyRequest) => {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7) : null;
};

/** Finds who is calling (session cookie or API key). Sets request.principal, or leaves it null. */
export const createAuthenticate = (deps: Deps) => async (request: FastifyRequest) => {
  request.principal = null;
  request.csrfToken = null;
  const key = apiKeyFrom(request);
  if (key) {
    const prefix = key.slice(0, API_KEY_PREFIX_LENGTH);
    const [row] = await deps.db.query<{
      id: number;
      name: string;
      key_hash: string;
      role: Role;
      unit_id: number;
      path: string;
      revoked_at: Date | null;
      expires_at: Date | null;
    }>(
      `SELECT k.id, k.name, k.key_hash, k.role, k.unit_id, u.path, k.revoked_at, k.expires_at
         FROM api_keys k JOIN units u ON u.id = k.unit_id WHERE k.prefix = $1`,
      [prefix],
    );
    const now = deps.clock.now();
    if (
      !row ||
      row.revoked_at ||
      (row.expires_at && row.expires_at <= now) ||
      !safeEqual(row.key_hash, sha256(key))
    ) {
      await appendAudit(deps.db, {
        occurredAt: now,
        actor: null,
        action: 'security.api_key_rejected',
        outcome: 'denied',
        ip: request.ip,
        requestId: request.id,
        details: { prefix },
      });
      deps.chainer.kick();
      throw sessionErrors.fail('auth.invalid_api_key');
    }
    await deps.db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [row.id, now]);
    request.principal = {
      kind: 'apiKey',
      accountId: null,
      username: `apikey:${row.name}`,
      personId: null,
      apiKeyId: row.id,
      grants: [{ role: row.role, unitId: row.unit_id, unitPath: row.path }],
    };
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const id = sha256(token);
  const [s] = await deps.db.query<SessionRow>(
    `SELECT s.id, s.account_id, s.csrf_token, s.last_seen_at, s.revoked_at, a.username, a.person_id, a.disabled
       FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id = $1`,
    [id],
  );
  if (!s || s.revoked_at || s.disabled) return;
  const now = deps.clock.now();
  const idleMs = deps.security().idleTimeoutMinutes * 60_000;
  if (now.getTime() - s.last_seen_at.getTime() > idleMs) {
    await deps.db.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1', [id, now]);
    await appendAudit(deps.db, {
      occurredAt: now,
      actor: { id: s.account_id, name: s.username, role: null },
      action: 'security.session_idle_timeout',
      outcome: 'ok',
      ip: request.ip,
      requestId: request.id,
    });
    deps.chainer.kick();
    throw sessionErrors.fail('auth.session_expired');
  }
  if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS)
    await deps.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
  request.csrfToken = s.csrf_token;
  request.principal = {
    kind: 'session',
    accountId: s.account_id,
    username: s.username,
    personId: s.person_id,
    sessionId: id,
    grants: await loadGrants(deps.db, s.account_id),
  };
};

/**
 * Enforces the route's AccessPolicy: 401 without a principal, 403 (audited) when no grant of the
 * caller has one of the route's roles, 403 when a cookie session sends an unsafe method without
 * its CSRF token. Records outside the caller's scope are the use case's business: they answer 404.
 */
export const createAuthorize = (deps: Deps) => async (request: FastifyRequest, _reply: FastifyReply) => {
  const policy = request.routeOptions.config.access;
  if (!policy || 'public' in policy) return;
  const principal = request.principal;
  if (!principal) throw commonErrors.fail('common.unauthenticated');
  if (principal.kind === 'session' && UNSAFE.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
      await auditDenied(deps, request, principal, 'security.csrf_rejected');
      throw commonErrors.fail('common.csrf');
    }
  }
  const grants = principal.grants.filter((g) => policy.roles.includes(g.role));
  if (grants.length === 0) {
    await auditDenied(deps, request, principal, 'security.permission_denied');
    throw commonErrors.fail('common.forbidden');
  }
  request.access = { principal, grants } satisfies Access;
};

const auditDenied = async (deps: Deps, request: FastifyRequest, principal: Principal, action: string) => {
  await appendAudit(deps.db, {
    occurredAt: deps.clock.now(),
    actor: { id: principal.accountId, name: principal.username, role: principal.grants[0]?.role ?? null },
    action,
    outcome: 'denied',
    ip: request.ip,
    requestId: request.id,
    details: { method: request.method, route: request.routeOptions.url ?? request.url },
  });
  deps.chainer.kick();
};

/** The access of an authorised request; a route with a roles policy always has one. */
export const getAccess = (request: FastifyRequest): Access => {
  if (!request.access)
    throw new AppError('common.unauthenticated', commonErrors.specs['common.unauthenticated']);
  return request.access;
};
