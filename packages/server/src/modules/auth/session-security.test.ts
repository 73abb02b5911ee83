import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { TEST_TOTP_SECRET, type TestApp, createTestApp, testConfig } from '../../test/harness';
import { auditActions, fingerprint, loginAs, withKey } from '../accounts/accounts.test-support';

const MINUTE = 60_000;

describe('session security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const pendingTotp = async (username: string) =>
    (
      await t.db.query<{ p: string | null }>(
        'SELECT totp_pending_enc AS p FROM accounts WHERE username = $1',
        [username],
      )
    )[0]?.p;

  describe('CSRF', () => {
    it('refuses a cookie session POST without the token, or with a wrong one, and changes nothing', async () => {
      const s = await t.login('operator');
      const before = await fingerprint(t.db);
      for (const headers of [
        { cookie: `zz_session=${s.cookie}` },
        { cookie: `zz_session=${s.cookie}`, 'x-csrf-token': `${s.csrf}x` },
        { cookie: `zz_session=${s.cookie}`, 'x-csrf-token': '' },
      ]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll', headers });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('common.csrf');
      }
      expect(await pendingTotp('operator')).toBeNull();
      expect(await fingerprint(t.db)).toEqual(before);
      expect((await auditActions(t.db, 'security.csrf_rejected')).length).toBe(3);
      // The same request with the token goes through.
      expect((await s.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll' })).statusCode).toBe(200);
    });

    it('refuses an administrator write without the token and creates nothing', async () => {
      const s = await t.login('secadmin');
      const before = await fingerprint(t.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: { cookie: `zz_session=${s.cookie}` },
        payload: { name: 'sneaky', role: 'operator', unitId: t.world.units.county.id },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('common.csrf');
      expect(await fingerprint(t.db)).toEqual(before);
    });

    it('needs no CSRF token from an API key', async () => {
      const s = await t.login('secadmin');
      const { key } = (
        await s.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          payload: { name: 'exchange', role: 'liaison', unitId: t.world.units.town1.id },
        })
      ).json() as { key: string };
      const res = await withKey(t, key, { method: 'POST', url: '/api/v1/auth/logout' });
      expect(res.statusCode).toBe(200);
      const session = await withKey(t, key, { method: 'GET', url: '/api/v1/auth/session' });
      expect(session.statusCode).toBe(200);
      expect(session.json().grants).toEqual([
        { role: 'liaison', unitId: t.world.units.town1.id, unitPath: t.world.units.town1.path },
      ]);
    });
  });

  describe('idle timeout', () => {
    it('ends a session idle for 31 minutes with auth.session_expired, audited', async () => {
      const s = await t.login('leader');
      expect((await s.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
      t.clock.advance(31 * MINUTE);
      const res = await s.inject({ method: 'GET', url: '/api/v1/auth/session' });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.session_expired');
      // The session is gone for good, not merely asleep.
      t.clock.advance(-30 * MINUTE);
      expect((await s.inject({ method: 'GET', url: '/api/v1/auth/session' })).json().code).toBe(
        'common.unauthenticated',
      );
      t.clock.advance(30 * MINUTE);
      const timeouts = await auditActions(t.db, 'security.session_idle_timeout');
      expect(timeouts.at(-1)?.actor_name).toBe('leader');
    });

    it('keeps a session alive while it is used at least every 29 minutes', async () => {
      const s = await t.login('orgdept');
      for (let i = 0; i < 4; i += 1) {
        t.clock.advance(29 * MINUTE);
        expect((await s.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
      }
    });

    it('applies a changed idle timeout at once, keeps it across a restart, and audits the change', async () => {
      const secadmin = await t.login('secadmin');
      const current = (await secadmin.inject({ method: 'GET', url: '/api/v1/security/settings' })).json();
      expect(current.idleTimeoutMinutes).toBe(30);
      const put = await secadmin.inject({
        method: 'PUT',
        url: '/api/v1/security/settings',
        payload: { ...current, idleTimeoutMinutes: 10 },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json().idleTimeoutMinutes).toBe(10);
      const changes = await auditActions(t.db, 'security.settings_changed');
      expect(changes.at(-1)?.details).toEqual({ changes: { idleTimeoutMinutes: { from: 30, to: 10 } } });

      const s = await t.login('operator');
      t.clock.advance(9 * MINUTE);
      expect((await s.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
      t.clock.advance(11 * MINUTE);
      expect((await s.inject({ method: 'GET', url: '/api/v1/auth/session' })).json().code).toBe(
        'auth.session_expired',
      );

      // Another server process started on the same database reads the stored settings.
      const other = await buildApp({ db: t.db, config: testConfig(), clock: t.clock });
      expect(other.ctx.security().idleTimeoutMinutes).toBe(10);
      await other.app.close();

      const again = await loginAsSecadmin();
      const restore = await again.inject({
        method: 'PUT',
        url: '/api/v1/security/settings',
        payload: { ...current },
      });
      expect(restore.json().idleTimeoutMinutes).toBe(30);
    });
  });

  const loginAsSecadmin = () => loginAs(t, 'secadmin', { secret: TEST_TOTP_SECRET });
});
