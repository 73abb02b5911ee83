import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TEST_PASSWORD, type TestApp, createTestApp } from '../../test/harness';
import { fingerprint } from './accounts.test-support';

const SETTINGS = {
  idleTimeoutMinutes: 30,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  passwordMinLength: 10,
  passwordMaxAgeDays: 90,
  totpRequiredRoles: ['sysadmin', 'secadmin', 'auditadmin'],
};

type Case = {
  who: 'sysadmin' | 'secadmin' | 'operator';
  request: () => InjectOptions;
  status: number;
  path: string;
};

// Every write route of accounts and security administration, fed bad input: a 4xx naming the
// wrong field, and not one row written.
describe('bad input on every write route', () => {
  let t: TestApp;
  const sessions: Partial<Record<Case['who'], Session>> = {};
  let target: number;
  let assignment: number;

  beforeAll(async () => {
    t = await createTestApp();
    for (const who of ['sysadmin', 'secadmin', 'operator'] as const) sessions[who] = await t.login(who);
    target = t.world.accounts.operator2!;
    const [row] = await t.db.query<{ id: number }>('SELECT id FROM role_assignments WHERE account_id = $1', [
      target,
    ]);
    assignment = row!.id;
  });
  afterAll(async () => t.close());

  const account = (body: object) => ({
    username: 'new.user',
    displayName: '新用户',
    password: TEST_PASSWORD,
    ...body,
  });
  const key = (body: object) => ({ name: '接口', role: 'operator', unitId: t.world.units.town1.id, ...body });
  const post = (url: string, payload?: object): InjectOptions => ({
    method: 'POST',
    url: `/api/v1${url}`,
    payload,
  });

  const cases: [string, Case][] = [
    [
      'create: bad username',
      {
        who: 'sysadmin',
        request: () => post('/accounts', account({ username: 'A b' })),
        status: 400,
        path: 'body.username',
      },
    ],
    [
      'create: empty display name',
      {
        who: 'sysadmin',
        request: () => post('/accounts', account({ displayName: ' ' })),
        status: 400,
        path: 'body.displayName',
      },
    ],
    [
      'create: no password',
      {
        who: 'sysadmin',
        request: () => post('/accounts', { username: 'new.user', displayName: 'x' }),
        status: 400,
        path: 'body.password',
      },
    ],
    [
      'create: weak password',
      {
        who: 'sysadmin',
        request: () => post('/accounts', account({ password: 'short' })),
        status: 400,
        path: 'body.password',
      },
    ],
    [
      'create: password containing the username',
      {
        who: 'sysadmin',
        request: () => post('/accounts', account({ password: 'New.User#2026x' })),
        status: 400,
        path: 'body.password',
      },
    ],
    [
      'create: person id not a number',
      {
        who: 'sysadmin',
        request: () => post('/accounts', account({ personId: 'x' })),
        status: 400,
        path: 'body.personId',
      },
    ],
    [
      'create: unknown person',
      {
        who: 'sysadmin',
        request: () => post('/accounts', account({ personId: 999_999 })),
        status: 400,
        path: 'body.personId',
      },
    ],
    [
      'create: taken username',
      {
        who: 'sysadmin',
        request: () => post('/accounts', account({ username: 'operator' })),
        status: 409,
        path: 'body.username',
      },
    ],
    [
      'update: empty display name',
      {
        who: 'sysadmin',
        request: () => ({ method: 'PATCH', url: `/api/v1/accounts/${target}`, payload: { displayName: '' } }),
        status: 400,
        path: 'body.displayName',
      },
    ],
    [
      'update: disabled not a boolean',
      {
        who: 'sysadmin',
        request: () => ({ method: 'PATCH', url: `/api/v1/accounts/${target}`, payload: { disabled: 'yes' } }),
        status: 400,
        path: 'body.disabled',
      },
    ],
    [
      'update: email not an address',
      {
        who: 'sysadmin',
        request: () => ({
          method: 'PATCH',
          url: `/api/v1/accounts/${target}`,
          payload: { email: 'zhang at example' },
        }),
        status: 400,
        path: 'body.email',
      },
    ],
    [
      'update: nothing to change',
      {
        who: 'sysadmin',
        request: () => ({ method: 'PATCH', url: `/api/v1/accounts/${target}`, payload: {} }),
        status: 400,
        path: 'body',
      },
    ],
    [
      'update: id not a number',
      {
        who: 'sysadmin',
        request: () => ({ method: 'PATCH', url: '/api/v1/accounts/abc', payload: { displayName: 'x' } }),
        status: 400,
        path: 'params.id',
      },
    ],
    [
      'reset password: missing',
      {
        who: 'sysadmin',
        request: () => post(`/accounts/${target}/reset-password`, {}),
        status: 400,
        path: 'body.newPassword',
      },
    ],
    [
      'reset password: weak',
      {
        who: 'sysadmin',
        request: () => post(`/accounts/${target}/reset-password`, { newPassword: 'aaaaaaaaaaaa' }),
        status: 400,
        path: 'body.newPassword',
      },
    ],
    [
      'reset password: the current one',
      {
        who: 'sysadmin',
        request: () => post(`/accounts/${target}/reset-password`, { newPassword: TEST_PASSWORD }),
        status: 400,
        path: 'body.newPassword',
      },
    ],
    [
      'reset password: id zero',
      {
        who: 'sysadmin',
        request: () => post('/accounts/0/reset-password', { newPassword: 'Fresh#Pass-2026' }),
        status: 400,
        path: 'params.id',
      },
    ],
    [
      'grant: unknown role',
      {
        who: 'secadmin',
        request: () => post(`/accounts/${target}/roles`, { role: 'king', unitId: t.world.units.town2.id }),
        status: 400,
        path: 'body.role',
      },
    ],
    [
      'grant: unit not a number',
      {
        who: 'secadmin',
        request: () => post(`/accounts/${target}/roles`, { role: 'liaison', unitId: 'x' }),
        status: 400,
        path: 'body.unitId',
      },
    ],
    [
      'grant: no unit',
      {
        who: 'secadmin',
        request: () => post(`/accounts/${target}/roles`, { role: 'liaison' }),
        status: 400,
        path: 'body.unitId',
      },
    ],
    [
      'grant: role already held',
      {
        who: 'secadmin',
        request: () =>
          post(`/accounts/${target}/roles`, { role: 'operator', unitId: t.world.units.town2.id }),
        status: 409,
        path: 'body.role',
      },
    ],
    [
      'revoke: assignment id not a number',
      {
        who: 'secadmin',
        request: () => ({ method: 'DELETE', url: `/api/v1/accounts/${target}/roles/x` }),
        status: 400,
        path: 'params.assignmentId',
      },
    ],
    [
      'revoke: account id negative',
      {
        who: 'secadmin',
        request: () => ({ method: 'DELETE', url: `/api/v1/accounts/-1/roles/${assignment}` }),
        status: 400,
        path: 'params.id',
      },
    ],
    [
      'unlock: id not a number',
      { who: 'secadmin', request: () => post('/accounts/x/unlock'), status: 400, path: 'params.id' },
    ],
    [
      'reset TOTP: id not a number',
      { who: 'secadmin', request: () => post('/accounts/1.5/reset-totp'), status: 400, path: 'params.id' },
    ],
    [
      'confirm TOTP: not six digits',
      {
        who: 'operator',
        request: () => post('/auth/totp/confirm', { code: '12' }),
        status: 400,
        path: 'body.code',
      },
    ],
    [
      'confirm TOTP: missing code',
      { who: 'operator', request: () => post('/auth/totp/confirm', {}), status: 400, path: 'body.code' },
    ],
    [
      'settings: idle timeout below 5',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, idleTimeoutMinutes: 4 },
        }),
        status: 400,
        path: 'body.idleTimeoutMinutes',
      },
    ],
    [
      'settings: idle timeout above 120',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, idleTimeoutMinutes: 121 },
        }),
        status: 400,
        path: 'body.idleTimeoutMinutes',
      },
    ],
    [
      'settings: lockout threshold below 3',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, lockoutThreshold: 2 },
        }),
        status: 400,
        path: 'body.lockoutThreshold',
      },
    ],
    [
      'settings: lockout threshold above 10',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, lockoutThreshold: 11 },
        }),
        status: 400,
        path: 'body.lockoutThreshold',
      },
    ],
    [
      'settings: fractional minutes',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, lockoutMinutes: 7.5 },
        }),
        status: 400,
        path: 'body.lockoutMinutes',
      },
    ],
    [
      'settings: short passwords',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, passwordMinLength: 6 },
        }),
        status: 400,
        path: 'body.passwordMinLength',
      },
    ],
    [
      'settings: passwords that never expire',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, passwordMaxAgeDays: 0 },
        }),
        status: 400,
        path: 'body.passwordMaxAgeDays',
      },
    ],
    [
      'settings: an administrator without a second factor',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, totpRequiredRoles: ['sysadmin', 'secadmin'] },
        }),
        status: 400,
        path: 'body.totpRequiredRoles',
      },
    ],
    [
      'settings: a missing field',
      {
        who: 'secadmin',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/security/settings',
          payload: { ...SETTINGS, lockoutMinutes: undefined },
        }),
        status: 400,
        path: 'body.lockoutMinutes',
      },
    ],
    [
      'API key: administrator role',
      {
        who: 'secadmin',
        request: () => post('/api-keys', key({ role: 'secadmin' })),
        status: 400,
        path: 'body.role',
      },
    ],
    [
      'API key: empty name',
      {
        who: 'secadmin',
        request: () => post('/api-keys', key({ name: '' })),
        status: 400,
        path: 'body.name',
      },
    ],
    [
      'API key: no unit',
      {
        who: 'secadmin',
        request: () => post('/api-keys', key({ unitId: undefined })),
        status: 400,
        path: 'body.unitId',
      },
    ],
    [
      'API key: expiry not a date-time',
      {
        who: 'secadmin',
        request: () => post('/api-keys', key({ expiresAt: 'tomorrow' })),
        status: 400,
        path: 'body.expiresAt',
      },
    ],
    [
      'API key: expiry in the past',
      {
        who: 'secadmin',
        request: () => post('/api-keys', key({ expiresAt: '2020-01-01T00:00:00Z' })),
        status: 400,
        path: 'body.expiresAt',
      },
    ],
    [
      'API key revoke: id not a number',
      {
        who: 'secadmin',
        request: () => ({ method: 'DELETE', url: '/api/v1/api-keys/abc' }),
        status: 400,
        path: 'params.id',
      },
    ],
  ];

  it.each(cases)('%s', async (_, c) => {
    const before = await fingerprint(t.db);
    const res = await sessions[c.who]!.inject(c.request());
    expect(res.statusCode, res.body).toBe(c.status);
    const errors = res.json().errors as { path: string; message: { zh: string; en: string } }[];
    expect(errors.map((e) => e.path)).toContain(c.path);
    for (const e of errors) {
      expect(e.message.zh).not.toBe('');
      expect(e.message.en).not.toBe('');
    }
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('covers every write route of the area', () => {
    const writes = t.routes
      .filter((r) => r.method !== 'GET' && /^\/api\/v1\/(accounts|api-keys|security|auth\/totp)/.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    const literals = new Set(t.routes.flatMap((r) => r.url.split('/')).filter((p) => !p.startsWith(':')));
    const route = (r: InjectOptions) => {
      const path = String(r.url)
        .split('/')
        .map((p) => (literals.has(p) ? p : ':param'))
        .join('/');
      return `${r.method} ${path}`;
    };
    const covered = new Set(cases.map(([, c]) => route(c.request())));
    const normal = (w: string) => w.replace(/:[A-Za-z]+/g, ':param');
    // Enrolment takes no input at all.
    const expected = writes.filter((w) => !w.endsWith('/auth/totp/enroll')).map(normal);
    expect(expected).toHaveLength(11);
    for (const w of expected) expect([...covered], w).toContain(w);
  });
});
