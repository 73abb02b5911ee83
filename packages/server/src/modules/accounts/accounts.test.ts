import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { sha256, sm4Decrypt } from '../../platform/crypto';
import {
  TEST_PASSWORD,
  TEST_SECRET_KEY,
  TEST_TOTP_SECRET,
  type TestApp,
  createTestApp,
} from '../../test/harness';
import { type AddUserInput, addUser } from './add-user';
import { auditActions, codeNow, fingerprint, loginAs, postLogin, withKey } from './accounts.test-support';

const NEW_PASSWORD = 'Fresh#Pass-2026';

describe('account administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const sysadmin = () => t.login('sysadmin');
  const secadmin = () => t.login('secadmin');

  const create = async (username: string, extra: object = {}) => {
    const s = await sysadmin();
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { username, displayName: `显示名 ${username}`, password: TEST_PASSWORD, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; username: string };
  };

  describe('accounts', () => {
    it('creates an account without roles, whose first password must be changed, audited without the password', async () => {
      const s = await sysadmin();
      const res = await s.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: {
          username: 'zhang.san',
          displayName: '张三',
          password: TEST_PASSWORD,
          personId: t.world.people.deputy,
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        username: 'zhang.san',
        displayName: '张三',
        personId: t.world.people.deputy,
        disabled: false,
        locked: false,
        totpEnabled: false,
        mustChangePassword: true,
        roles: [],
      });
      const [audit] = await auditActions(t.db, 'account.created');
      expect(audit).toMatchObject({
        outcome: 'ok',
        actor_name: 'sysadmin',
        target_id: String(res.json().id),
      });
      expect(JSON.stringify(audit)).not.toContain(TEST_PASSWORD);

      const login = await postLogin(t, { username: 'zhang.san' });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({ passwordExpired: true, grants: [] });
    });

    it('refuses a taken username and a weak password', async () => {
      const s = await sysadmin();
      const taken = await s.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { username: 'operator', displayName: 'x', password: TEST_PASSWORD },
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().errors[0].path).toBe('body.username');
      const weak = await s.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { username: 'weakling', displayName: 'x', password: 'abcdefghijk' },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().errors[0]).toMatchObject({
        path: 'body.password',
        message: { zh: expect.any(String) },
      });
    });

    it('lists accounts with a search and pages', async () => {
      const s = await secadmin();
      const all = (await s.inject({ method: 'GET', url: '/api/v1/accounts?pageSize=2' })).json();
      expect(all.items).toHaveLength(2);
      expect(all.total).toBeGreaterThanOrEqual(17);
      const found = (
        await s.inject({ method: 'GET', url: `/api/v1/accounts?q=${encodeURIComponent('张')}` })
      ).json();
      expect(found.items.map((a: { username: string }) => a.username)).toEqual(['zhang.san']);
      const op = (await s.inject({ method: 'GET', url: '/api/v1/accounts?q=operator2' })).json();
      expect(op.items[0].roles).toEqual([
        { id: expect.any(Number), role: 'operator', unitId: t.world.units.town2.id, unitName: '二号镇' },
      ]);
      // LIKE wildcards in the search are taken literally.
      expect((await s.inject({ method: 'GET', url: '/api/v1/accounts?q=%25' })).json().total).toBe(0);
    });

    it('renames, disables (ending its sessions) and re-enables an account', async () => {
      const { id } = await create('wang.wu');
      const victim = await loginAs(t, 'wang.wu');
      const s = await sysadmin();
      const renamed = await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${id}`,
        payload: { displayName: '王五' },
      });
      expect(renamed.json().displayName).toBe('王五');
      const disabled = await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${id}`,
        payload: { disabled: true },
      });
      expect(disabled.json().disabled).toBe(true);
      expect((await victim.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      expect((await postLogin(t, { username: 'wang.wu' })).json().code).toBe('auth.invalid_credentials');
      await s.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, payload: { disabled: false } });
      expect((await postLogin(t, { username: 'wang.wu' })).statusCode).toBe(200);
      const actions = await t.db.query<{ action: string; details: { changes: object } }>(
        "SELECT action, details FROM audit_log WHERE target_type = 'account' AND target_id = $1 AND action LIKE 'account.%' ORDER BY id",
        [String(id)],
      );
      expect(actions.map((a) => a.action)).toEqual([
        'account.created',
        'account.updated',
        'account.disabled',
        'account.enabled',
      ]);
      expect(actions[1]!.details.changes).toEqual({ displayName: { from: '显示名 wang.wu', to: '王五' } });
    });

    it('sets, shows and removes the notification email of an account', async () => {
      const { id } = await create('mail.user');
      const s = await sysadmin();
      const set = await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${id}`,
        payload: { email: ' zhang.san@example.cn ' },
      });
      expect(set.statusCode).toBe(200);
      expect(set.json().email).toBe('zhang.san@example.cn');
      const listed = (await s.inject({ method: 'GET', url: '/api/v1/accounts?q=mail.user' })).json();
      expect(listed.items[0].email).toBe('zhang.san@example.cn');
      const removed = await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${id}`,
        payload: { email: null },
      });
      expect(removed.json().email).toBeNull();
      const [audit] = await t.db.query<{ details: { changes: object } }>(
        "SELECT details FROM audit_log WHERE target_type = 'account' AND target_id = $1 AND action = 'account.updated' ORDER BY id LIMIT 1",
        [String(id)],
      );
      expect(audit!.details.changes).toEqual({ email: { from: null, to: 'zhang.san@example.cn' } });
      // Only the system administrator sets it.
      const sec = await secadmin();
      const refused = await sec.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${id}`,
        payload: { email: 'x@example.cn' },
      });
      expect(refused.statusCode).toBe(403);
    });

    it('will not disable the last enabled holder of an administrator role', async () => {
      const s = await sysadmin();
      const first = await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${t.world.accounts.auditadmin2}`,
        payload: { disabled: true },
      });
      expect(first.statusCode).toBe(200);
      const last = await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${t.world.accounts.auditadmin}`,
        payload: { disabled: true },
      });
      expect(last.statusCode).toBe(409);
      expect(last.json().code).toBe('accounts.last_admin');
      await s.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${t.world.accounts.auditadmin2}`,
        payload: { disabled: false },
      });
    });

    it('resets a password: the old one stops working, sessions end, a recent one cannot come back', async () => {
      const { id } = await create('li.si');
      const before = await loginAs(t, 'li.si');
      const s = await sysadmin();
      const reset = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${id}/reset-password`,
        payload: { newPassword: NEW_PASSWORD },
      });
      expect(reset.statusCode).toBe(200);
      expect((await before.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      expect((await postLogin(t, { username: 'li.si' })).statusCode).toBe(401);
      const fresh = await postLogin(t, { username: 'li.si', password: NEW_PASSWORD });
      expect(fresh.json().passwordExpired).toBe(true);

      const reused = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${id}/reset-password`,
        payload: { newPassword: TEST_PASSWORD },
      });
      expect(reused.statusCode).toBe(400);
      expect(reused.json()).toMatchObject({
        code: 'accounts.password_reused',
        errors: [{ path: 'body.newPassword' }],
      });
      expect(
        (await auditActions(t.db, 'account.password_reset')).filter((a) => a.outcome === 'ok'),
      ).toHaveLength(1);
    });

    it('refuses changing one’s own password to a recent one, and accepts a new one', async () => {
      const s = await loginAs(t, 'liaison');
      const same = await s.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      });
      expect(same.json().code).toBe('accounts.password_reused');
      const changed = await s.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      });
      expect(changed.statusCode).toBe(200);
      const back = await s.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: NEW_PASSWORD, newPassword: TEST_PASSWORD },
      });
      expect(back.json().code).toBe('accounts.password_reused');
    });
  });

  describe('roles', () => {
    it('grants and revokes roles; the holder’s access follows at once', async () => {
      const { id } = await create('zhao.liu');
      const holder = await loginAs(t, 'zhao.liu');
      const s = await secadmin();
      const granted = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${id}/roles`,
        payload: { role: 'liaison', unitId: t.world.units.village1a.id },
      });
      expect(granted.statusCode).toBe(200);
      const [role] = granted.json().roles;
      expect(role).toMatchObject({ role: 'liaison', unitId: t.world.units.village1a.id, unitName: '甲村' });
      const session = await holder.inject({ method: 'GET', url: '/api/v1/auth/session' });
      expect(session.json().grants).toEqual([
        { role: 'liaison', unitId: t.world.units.village1a.id, unitPath: t.world.units.village1a.path },
      ]);
      const twice = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${id}/roles`,
        payload: { role: 'liaison', unitId: t.world.units.village1a.id },
      });
      expect(twice.statusCode).toBe(409);

      const revoked = await s.inject({ method: 'DELETE', url: `/api/v1/accounts/${id}/roles/${role.id}` });
      expect(revoked.json().roles).toEqual([]);
      expect((await holder.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(403);
      const again = await s.inject({ method: 'DELETE', url: `/api/v1/accounts/${id}/roles/${role.id}` });
      expect(again.statusCode).toBe(404);

      const granted2 = (await auditActions(t.db, 'role.granted')).at(-1);
      expect(granted2?.details).toMatchObject({ username: 'zhao.liu', role: 'liaison', unitName: '甲村' });
      expect((await auditActions(t.db, 'role.revoked')).at(-1)?.details).toMatchObject({ role: 'liaison' });
    });

    it('makes a new administrator: granted by the security administrator, second factor handed over by reset', async () => {
      const { id } = await create('sun.qi');
      const s = await secadmin();
      await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${id}/roles`,
        payload: { role: 'sysadmin', unitId: t.world.units.county.id },
      });
      const before = await postLogin(t, { username: 'sun.qi' });
      expect(before.statusCode).toBe(403);
      expect(before.json().code).toBe('auth.totp_not_enrolled');

      const reset = await s.inject({ method: 'POST', url: `/api/v1/accounts/${id}/reset-totp` });
      expect(reset.statusCode).toBe(200);
      const { secret, uri } = reset.json();
      expect(uri).toContain(`secret=${secret}`);
      const [row] = await t.db.query<{ totp_secret_enc: string }>(
        'SELECT totp_secret_enc FROM accounts WHERE id = $1',
        [id],
      );
      expect(row!.totp_secret_enc).not.toContain(secret);
      expect(sm4Decrypt(TEST_SECRET_KEY, row!.totp_secret_enc)).toBe(secret);
      const admin = await loginAs(t, 'sun.qi', { secret });
      expect((await admin.inject({ method: 'GET', url: '/api/v1/accounts' })).statusCode).toBe(200);
      expect((await auditActions(t.db, 'totp.reset')).at(-1)?.target_id).toBe(String(id));
    });

    it('a reset second factor replaces the old one and ends the holder’s sessions', async () => {
      const victim = await t.login('auditadmin2');
      const s = await secadmin();
      const { secret } = (
        await s.inject({ method: 'POST', url: `/api/v1/accounts/${t.world.accounts.auditadmin2}/reset-totp` })
      ).json();
      expect((await victim.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      t.clock.advance(30_000);
      expect(
        (await postLogin(t, { username: 'auditadmin2', totp: codeNow(t, TEST_TOTP_SECRET) })).json().code,
      ).toBe('auth.totp_invalid');
      expect((await postLogin(t, { username: 'auditadmin2', totp: codeNow(t, secret) })).statusCode).toBe(
        200,
      );
    });
  });

  describe('unlock', () => {
    it('lifts a lockout before it expires, audited', async () => {
      for (let i = 0; i < 5; i += 1) await postLogin(t, { username: 'leader2', password: 'Wrong-pass-1' });
      expect((await postLogin(t, { username: 'leader2' })).statusCode).toBe(423);
      const s = await secadmin();
      const list = (await s.inject({ method: 'GET', url: '/api/v1/accounts?q=leader2' })).json();
      expect(list.items[0].locked).toBe(true);
      const res = await s.inject({
        method: 'POST',
        url: `/api/v1/accounts/${t.world.accounts.leader2}/unlock`,
      });
      expect(res.json().locked).toBe(false);
      expect((await postLogin(t, { username: 'leader2' })).statusCode).toBe(200);
      expect((await auditActions(t.db, 'account.unlocked')).at(-1)?.details).toMatchObject({
        wasLocked: true,
      });
    });
  });

  describe('security settings', () => {
    it('stores new settings, applies them to the next login at once, and audits the change', async () => {
      const s = await secadmin();
      const current = (await s.inject({ method: 'GET', url: '/api/v1/security/settings' })).json();
      expect(current).toEqual({
        idleTimeoutMinutes: 30,
        lockoutThreshold: 5,
        lockoutMinutes: 15,
        passwordMinLength: 10,
        passwordMaxAgeDays: 90,
        totpRequiredRoles: ['sysadmin', 'secadmin', 'auditadmin'],
      });
      const res = await s.inject({
        method: 'PUT',
        url: '/api/v1/security/settings',
        payload: { ...current, lockoutThreshold: 3, passwordMinLength: 12 },
      });
      expect(res.statusCode).toBe(200);
      const [stored] = await t.db.query<{ value: { lockoutThreshold: number } }>(
        "SELECT value FROM app_settings WHERE key = 'security'",
      );
      expect(stored!.value.lockoutThreshold).toBe(3);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await postLogin(t, { username: 'orgdept2', password: 'Wrong-pass-1' })).statusCode);
      expect(statuses).toEqual([401, 401, 423]);
      // 11 characters now falls short.
      const sys = await sysadmin();
      const short = await sys.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { username: 'short.pw', displayName: 'x', password: 'Abcdef#1234' },
      });
      expect(short.json().errors[0].message.en).toContain('12');
      expect((await auditActions(t.db, 'security.settings_changed')).at(-1)?.details).toEqual({
        changes: { lockoutThreshold: { from: 5, to: 3 }, passwordMinLength: { from: 10, to: 12 } },
      });
      await s.inject({ method: 'PUT', url: '/api/v1/security/settings', payload: current });
    });
  });

  describe('API keys', () => {
    it('issues a key shown once, stores only its hash, lists it by prefix, and revokes it', async () => {
      const s = await secadmin();
      const res = await s.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: '平安建设数据交换', role: 'operator', unitId: t.world.units.county.id },
      });
      expect(res.statusCode).toBe(201);
      const { id, key, prefix } = res.json();
      expect(key).toMatch(/^zzk_[A-Za-z0-9_-]{43}$/);
      expect(prefix).toBe(key.slice(0, 12));
      const [row] = await t.db.query<{ key_hash: string; prefix: string }>(
        'SELECT key_hash, prefix FROM api_keys WHERE id = $1',
        [id],
      );
      expect(row).toEqual({ key_hash: sha256(key), prefix });
      const list = await s.inject({ method: 'GET', url: '/api/v1/api-keys' });
      expect(list.body).not.toContain(key);
      expect(list.json().items[0]).toMatchObject({
        id,
        prefix,
        role: 'operator',
        unitName: '测试县',
        createdBy: 'secadmin',
        revokedAt: null,
      });

      expect((await withKey(t, key, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
      const used = (await s.inject({ method: 'GET', url: '/api/v1/api-keys' })).json().items[0];
      expect(used.lastUsedAt).not.toBeNull();

      expect((await s.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}` })).statusCode).toBe(200);
      expect((await s.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}` })).statusCode).toBe(200);
      expect((await withKey(t, key, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      expect((await auditActions(t.db, 'apikey.created')).at(-1)?.details).toMatchObject({
        prefix,
        role: 'operator',
      });
      expect(await auditActions(t.db, 'apikey.revoked')).toHaveLength(1);
    });
  });

  describe('addUser (zongzhi user add)', () => {
    it('creates an administrator with its grant and a TOTP secret, audited as the CLI', async () => {
      const result = await addUser(t.db, TEST_SECRET_KEY, {
        username: 'first.admin',
        displayName: '首任安全管理员',
        password: TEST_PASSWORD,
        roles: [{ role: 'secadmin', unitCode: '430221000000' }],
      });
      expect(result.totp?.uri).toContain(`secret=${result.totp?.secret}`);
      const admin = await loginAs(t, 'first.admin', { secret: result.totp!.secret });
      expect((await admin.inject({ method: 'GET', url: '/api/v1/security/settings' })).statusCode).toBe(200);
      const audits = await t.db.query<{ action: string; actor_name: string }>(
        'SELECT action, actor_name FROM audit_log WHERE target_id = $1 ORDER BY id',
        [String(result.accountId)],
      );
      expect(audits.slice(0, 2)).toEqual([
        { action: 'account.created', actor_name: 'cli' },
        { action: 'role.granted', actor_name: 'cli' },
      ]);
    });

    it('creates a business account without a second factor', async () => {
      const result = await addUser(t.db, TEST_SECRET_KEY, {
        username: 'clerk',
        displayName: '办事员',
        password: TEST_PASSWORD,
        roles: [
          { role: 'operator', unitCode: '430221100000' },
          { role: 'liaison', unitCode: '430221100201' },
        ],
      });
      expect(result.totp).toBeNull();
      const login = await postLogin(t, { username: 'clerk' });
      expect(login.json().grants.map((g: { role: string }) => g.role)).toEqual(['operator', 'liaison']);
      expect(login.json().passwordExpired).toBe(false);
    });

    const refusals: [string, Partial<AddUserInput>, string][] = [
      ['a weak password', { password: 'password' }, 'password'],
      ['an unknown unit', { roles: [{ role: 'operator', unitCode: 'NOPE' }] }, 'roles.0.unitCode'],
      ['a bad username', { username: 'Bad Name' }, 'username'],
      ['a taken username', { username: 'operator' }, 'username'],
      ['no roles', { roles: [] }, 'roles'],
      [
        'two administrator roles',
        {
          roles: [
            { role: 'sysadmin', unitCode: '430221000000' },
            { role: 'auditadmin', unitCode: '430221000000' },
          ],
        },
        'roles',
      ],
    ];
    it.each(refusals)('refuses %s, naming the field, writing nothing', async (_, override, path) => {
      const before = await fingerprint(t.db);
      const error = await addUser(t.db, TEST_SECRET_KEY, {
        username: 'cli.user',
        displayName: '命令行',
        password: TEST_PASSWORD,
        roles: [{ role: 'operator', unitCode: '430221000000' }],
        ...override,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields.map((f) => f.path)).toContain(path);
      expect(await fingerprint(t.db)).toEqual(before);
    });
  });
});
