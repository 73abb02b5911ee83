import type { Role } from '@zongzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import { notFound } from '../../platform/errors';
import { type Session, TEST_PASSWORD, type TestApp, createTestApp, testConfig } from '../../test/harness';
import { auditActions, fingerprint, withKey } from './accounts.test-support';

const MINUTE = 60_000;

// 三员分立: each administrator may do its own work and none of the others'.
describe('separation of the three administrators', () => {
  let t: TestApp;
  const sessions: Partial<Record<Role, Session>> = {};
  let target: number;
  let assignmentId: number;
  let keyId: number;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['sysadmin', 'secadmin', 'auditadmin', 'operator'] as const)
      sessions[role] = await t.login(role);
    const created = await sessions.sysadmin!.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { username: 'target01', displayName: '目标账户', password: TEST_PASSWORD },
    });
    target = created.json().id;
    const granted = await sessions.secadmin!.inject({
      method: 'POST',
      url: `/api/v1/accounts/${target}/roles`,
      payload: { role: 'operator', unitId: t.world.units.town1.id },
    });
    assignmentId = granted.json().roles[0].id;
    const key = await sessions.secadmin!.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'k', role: 'operator', unitId: t.world.units.town1.id },
    });
    keyId = key.json().id;
  });
  afterAll(async () => t.close());

  type Action = {
    name: string;
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: () => string;
    payload?: () => object;
    owners: Role[];
  };
  const actions: Action[] = [
    { name: 'list accounts', method: 'GET', url: () => '/api/v1/accounts', owners: ['sysadmin', 'secadmin'] },
    {
      name: 'create an account',
      method: 'POST',
      url: () => '/api/v1/accounts',
      payload: () => ({ username: 'intruder', displayName: 'x', password: TEST_PASSWORD }),
      owners: ['sysadmin'],
    },
    {
      name: 'disable an account',
      method: 'PATCH',
      url: () => `/api/v1/accounts/${target}`,
      payload: () => ({ disabled: true }),
      owners: ['sysadmin'],
    },
    {
      name: 'reset a password',
      method: 'POST',
      url: () => `/api/v1/accounts/${target}/reset-password`,
      payload: () => ({ newPassword: 'Another#Pass2026' }),
      owners: ['sysadmin'],
    },
    {
      name: 'grant a role',
      method: 'POST',
      url: () => `/api/v1/accounts/${target}/roles`,
      payload: () => ({ role: 'leader', unitId: t.world.units.town1.id }),
      owners: ['secadmin'],
    },
    {
      name: 'revoke a role',
      method: 'DELETE',
      url: () => `/api/v1/accounts/${target}/roles/${assignmentId}`,
      owners: ['secadmin'],
    },
    { name: 'unlock', method: 'POST', url: () => `/api/v1/accounts/${target}/unlock`, owners: ['secadmin'] },
    {
      name: 'reset TOTP',
      method: 'POST',
      url: () => `/api/v1/accounts/${target}/reset-totp`,
      owners: ['secadmin'],
    },
    {
      name: 'read security settings',
      method: 'GET',
      url: () => '/api/v1/security/settings',
      owners: ['secadmin'],
    },
    {
      name: 'change security settings',
      method: 'PUT',
      url: () => '/api/v1/security/settings',
      payload: () => ({
        idleTimeoutMinutes: 60,
        lockoutThreshold: 5,
        lockoutMinutes: 15,
        passwordMinLength: 10,
        passwordMaxAgeDays: 90,
        totpRequiredRoles: ['sysadmin', 'secadmin', 'auditadmin'],
      }),
      owners: ['secadmin'],
    },
    { name: 'list API keys', method: 'GET', url: () => '/api/v1/api-keys', owners: ['secadmin'] },
    {
      name: 'issue an API key',
      method: 'POST',
      url: () => '/api/v1/api-keys',
      payload: () => ({ name: 'x', role: 'operator', unitId: t.world.units.town1.id }),
      owners: ['secadmin'],
    },
    {
      name: 'revoke an API key',
      method: 'DELETE',
      url: () => `/api/v1/api-keys/${keyId}`,
      owners: ['secadmin'],
    },
  ];
  const refusals = actions.flatMap((a) =>
    (['sysadmin', 'secadmin', 'auditadmin', 'operator'] as const)
      .filter((r) => !a.owners.includes(r))
      .map((role) => [a.name, role, a] as const),
  );

  it.each(refusals)('%s: refused to %s with 403, nothing written', async (_, role, action) => {
    const before = await fingerprint(t.db);
    const res = await sessions[role]!.inject({
      method: action.method,
      url: action.url(),
      ...(action.payload ? { payload: action.payload() } : {}),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('common.forbidden');
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('audits each refusal', async () => {
    const denied = await auditActions(t.db, 'security.permission_denied');
    expect(denied.length).toBeGreaterThanOrEqual(refusals.length);
    expect(
      denied.some((d) => d.actor_name === 'auditadmin' && d.details.route === '/api/v1/accounts/:id/roles'),
    ).toBe(true);
  });

  // The owners' success, in an order that leaves each later action something to act on.
  it.each(actions.map((a) => [a.name, a.owners, a] as const))(
    '%s: allowed to %j',
    async (_, owners, action) => {
      for (const role of owners) {
        const res = await sessions[role]!.inject({
          method: action.method,
          url: action.url(),
          ...(action.payload ? { payload: action.payload() } : {}),
        });
        expect(res.statusCode, `${role}: ${res.body}`).toBeLessThan(300);
        if (action.method !== 'GET') break;
      }
    },
  );

  describe('own roles', () => {
    it('refuses the security administrator granting or revoking its own roles, audited', async () => {
      const me = t.world.accounts.secadmin!;
      const [own] = await t.db.query<{ id: number }>(
        'SELECT id FROM role_assignments WHERE account_id = $1',
        [me],
      );
      const s = await t.login('secadmin');
      const before = await fingerprint(t.db);
      const grant = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${me}/roles`,
        payload: { role: 'operator', unitId: t.world.units.town1.id },
      });
      expect(grant.statusCode).toBe(403);
      expect(grant.json().code).toBe('accounts.own_roles');
      const revoke = await s.inject({ method: 'DELETE', url: `/api/v1/accounts/${me}/roles/${own!.id}` });
      expect(revoke.statusCode).toBe(403);
      expect(revoke.json().code).toBe('accounts.own_roles');
      expect(await fingerprint(t.db)).toEqual(before);
      const audits = [
        ...(await auditActions(t.db, 'role.granted')),
        ...(await auditActions(t.db, 'role.revoked')),
      ];
      expect(audits.filter((a) => a.outcome === 'denied' && a.target_id === String(me))).toHaveLength(2);
    });

    it('refuses the security administrator resetting its own second factor or unlocking itself', async () => {
      const me = t.world.accounts.secadmin!;
      const s = await t.login('secadmin');
      for (const url of [`/api/v1/accounts/${me}/reset-totp`, `/api/v1/accounts/${me}/unlock`]) {
        const res = await s.inject({ method: 'POST', url });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('accounts.own_account');
      }
    });

    it('refuses the system administrator disabling itself or resetting its own password', async () => {
      const me = t.world.accounts.sysadmin!;
      const s = await t.login('sysadmin');
      const disable = await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${me}`,
        payload: { disabled: true },
      });
      expect(disable.json().code).toBe('accounts.own_account');
      const reset = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${me}/reset-password`,
        payload: { newPassword: 'Another#Pass2026' },
      });
      expect(reset.json().code).toBe('accounts.own_account');
    });
  });

  describe('scope', () => {
    it('answers 404 when a role is granted on a unit outside the granting administrator’s scope', async () => {
      const s = await t.login('secadmin2'); // town2
      const before = await fingerprint(t.db);
      const operator2 = t.world.accounts.operator2!;
      for (const unit of [t.world.units.town1, t.world.units.village1a, t.world.units.county]) {
        const res = await s.inject({
          method: 'POST',
          url: `/api/v1/accounts/${operator2}/roles`,
          payload: { role: 'liaison', unitId: unit.id },
        });
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('common.not_found');
      }
      // A unit that does not exist answers the same.
      const missing = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${operator2}/roles`,
        payload: { role: 'liaison', unitId: 999_999 },
      });
      expect(missing.statusCode).toBe(404);
      expect(await fingerprint(t.db)).toEqual(before);
      const inside = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${operator2}/roles`,
        payload: { role: 'liaison', unitId: t.world.units.village2a.id },
      });
      expect(inside.statusCode).toBe(200);
      expect(inside.json().roles.map((r: { role: string }) => r.role)).toEqual(['operator', 'liaison']);
    });

    it('hides accounts whose roles all lie outside the administrator’s scope', async () => {
      const s = await t.login('secadmin2');
      const list = (await s.inject({ method: 'GET', url: '/api/v1/accounts?pageSize=500' })).json();
      const names = list.items.map((a: { username: string }) => a.username);
      expect(names).toContain('operator2');
      expect(names).not.toContain('operator');
      expect(names).not.toContain('liaison');
      const liaison = t.world.accounts.liaison!;
      const res = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${liaison}/roles`,
        payload: { role: 'leader', unitId: t.world.units.village2a.id },
      });
      expect(res.statusCode).toBe(404);
      expect((await s.inject({ method: 'GET', url: `/api/v1/accounts/${liaison}` })).statusCode).toBe(404);
      expect((await s.inject({ method: 'POST', url: `/api/v1/accounts/${liaison}/unlock` })).statusCode).toBe(
        404,
      );
    });

    it('refuses a second administrator role on one account', async () => {
      const s = await t.login('secadmin');
      const res = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${t.world.accounts.sysadmin2}/roles`,
        payload: { role: 'auditadmin', unitId: t.world.units.town2.id },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('accounts.admin_roles_exclusive');
    });
  });

  describe('API keys', () => {
    it('reads inside its unit, answers 404 outside, and 401 once revoked or expired', async () => {
      const s = await t.login('secadmin');
      const issue = async (payload: object) =>
        (await s.inject({ method: 'POST', url: '/api/v1/api-keys', payload })).json() as {
          id: number;
          key: string;
        };
      const town1 = await issue({ name: '一号镇数据交换', role: 'operator', unitId: t.world.units.town1.id });
      const soon = await issue({
        name: '临时',
        role: 'operator',
        unitId: t.world.units.town1.id,
        expiresAt: new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString(),
      });

      // A second app on the same database with one scoped read route, the way every area's
      // routes check scope: the record's unit against the caller's grants, 404 outside.
      const probe = await buildApp({ db: t.db, config: testConfig(), clock: t.clock });
      probe.app.get(
        '/api/v1/probe/units/:id',
        { config: { access: { roles: ['operator'] } } },
        async (request) => {
          const { grants } = getAccess(request);
          const id = Number((request.params as { id: string }).id);
          const [unit] = await t.db.query<{ path: string }>('SELECT path FROM units WHERE id = $1', [id]);
          if (!unit || !isInScope(grants, unit.path)) throw notFound();
          return { id };
        },
      );
      await probe.app.ready();
      const read = (key: string, unitId: number) =>
        probe.app.inject({
          method: 'GET',
          url: `/api/v1/probe/units/${unitId}`,
          headers: { 'x-api-key': key },
        });
      try {
        expect((await read(town1.key, t.world.units.village1a.id)).statusCode).toBe(200);
        expect((await read(town1.key, t.world.units.town1.id)).statusCode).toBe(200);
        expect((await read(town1.key, t.world.units.town2.id)).statusCode).toBe(404);
        expect((await read(town1.key, t.world.units.county.id)).statusCode).toBe(404);

        expect((await s.inject({ method: 'DELETE', url: `/api/v1/api-keys/${town1.id}` })).statusCode).toBe(
          200,
        );
        const revoked = await read(town1.key, t.world.units.village1a.id);
        expect(revoked.statusCode).toBe(401);
        expect(revoked.json().code).toBe('auth.invalid_api_key');

        expect((await read(soon.key, t.world.units.village1a.id)).statusCode).toBe(200);
        t.clock.advance(11 * MINUTE);
        expect((await read(soon.key, t.world.units.village1a.id)).statusCode).toBe(401);
        // A made-up key with a real prefix is refused too.
        expect((await read(`${soon.key.slice(0, 12)}forged`, t.world.units.village1a.id)).statusCode).toBe(
          401,
        );
      } finally {
        await probe.app.close();
      }
      const rejected = await auditActions(t.db, 'security.api_key_rejected');
      expect(rejected.length).toBe(3);
    });

    it('lists and revokes only keys inside the administrator’s scope', async () => {
      const s1 = await t.login('secadmin');
      const s2 = await t.login('secadmin2');
      const own = (
        await s2.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          payload: { name: '二号镇', role: 'gridworker', unitId: t.world.units.village2a.id },
        })
      ).json();
      const list2 = (await s2.inject({ method: 'GET', url: '/api/v1/api-keys' })).json();
      expect(list2.items.map((k: { id: number }) => k.id)).toEqual([own.id]);
      const list1 = (await s1.inject({ method: 'GET', url: '/api/v1/api-keys' })).json();
      expect(list1.items.map((k: { id: number }) => k.id)).toContain(own.id);

      const outside = await s2.inject({ method: 'DELETE', url: `/api/v1/api-keys/${keyId}` });
      expect(outside.statusCode).toBe(404);
      const issueOutside = await s2.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'x', role: 'operator', unitId: t.world.units.town1.id },
      });
      expect(issueOutside.statusCode).toBe(404);
      expect(
        (await withKey(t, own.key, { method: 'GET', url: '/api/v1/auth/session' })).json().grants[0].unitId,
      ).toBe(t.world.units.village2a.id);
    });
  });
});
