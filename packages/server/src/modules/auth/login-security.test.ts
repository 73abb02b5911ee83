import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm4Decrypt } from '../../platform/crypto';
import {
  TEST_PASSWORD,
  TEST_SECRET_KEY,
  TEST_TOTP_SECRET,
  type TestApp,
  createTestApp,
} from '../../test/harness';
import {
  auditActions,
  codeNow,
  loginAs,
  postLogin,
  sessionFrom,
  wrongCode,
} from '../accounts/accounts.test-support';

const MINUTE = 60_000;

describe('login security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const accountRow = async (username: string) =>
    (
      await t.db.query<{
        id: number;
        failed_attempts: number;
        locked_until: Date | null;
        totp_enabled: boolean;
        totp_secret_enc: string | null;
        totp_pending_enc: string | null;
      }>(
        'SELECT id, failed_attempts, locked_until, totp_enabled, totp_secret_enc, totp_pending_enc FROM accounts WHERE username = $1',
        [username],
      )
    )[0]!;

  it('logs a user in, sets an http-only cookie and audits the login', async () => {
    const res = await postLogin(t, { username: 'leader' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zz_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({ account: { username: 'leader' }, grants: [{ role: 'leader' }] });
    const logins = await auditActions(t.db, 'security.login');
    expect(logins.some((a) => a.actor_name === 'leader' && a.outcome === 'ok')).toBe(true);
  });

  it('refuses a wrong password, the same way as an unknown user, and counts the failure', async () => {
    const wrong = await postLogin(t, { username: 'orgdept', password: 'Wrong-pass-123' });
    const unknown = await postLogin(t, { username: 'nobody-here', password: 'Wrong-pass-123' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(unknown.json().code).toBe('auth.invalid_credentials');
    expect(wrong.cookies).toHaveLength(0);
    expect((await accountRow('orgdept')).failed_attempts).toBe(1);
    // A success clears the count.
    expect((await postLogin(t, { username: 'orgdept' })).statusCode).toBe(200);
    expect((await accountRow('orgdept')).failed_attempts).toBe(0);
  });

  it('locks an account for 15 minutes after 5 failures, audited, then opens it again', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await postLogin(t, { username: 'liaison2', password: `Wrong-pass-${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await accountRow('liaison2');
    expect(locked.locked_until?.getTime()).toBe(t.clock.now().getTime() + 15 * MINUTE);

    const right = await postLogin(t, { username: 'liaison2' });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('auth.locked');

    t.clock.advance(14 * MINUTE);
    expect((await postLogin(t, { username: 'liaison2' })).statusCode).toBe(423);
    t.clock.advance(2 * MINUTE);
    expect((await postLogin(t, { username: 'liaison2' })).statusCode).toBe(200);

    const lockouts = await auditActions(t.db, 'security.lockout');
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ outcome: 'ok', target_id: String(locked.id) });
    const denied = (await auditActions(t.db, 'security.login')).filter(
      (a) => a.actor_name === 'liaison2' && a.outcome === 'denied',
    );
    expect(denied.map((a) => a.details.reason)).toEqual(['locked', 'locked']);
  });

  it('requires the second factor of an administrator, refuses a wrong code and a reused one', async () => {
    const without = await postLogin(t, { username: 'secadmin' });
    expect(without.statusCode).toBe(401);
    expect(without.json().code).toBe('auth.totp_required');

    t.clock.advance(30_000);
    const wrong = await postLogin(t, { username: 'secadmin', totp: wrongCode(t, TEST_TOTP_SECRET) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.totp_invalid');
    expect((await accountRow('secadmin')).failed_attempts).toBe(1);

    const code = codeNow(t, TEST_TOTP_SECRET);
    const ok = await postLogin(t, { username: 'secadmin', totp: code });
    expect(ok.statusCode).toBe(200);
    const reused = await postLogin(t, { username: 'secadmin', totp: code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('auth.totp_invalid');

    // A wrong password is refused before the code is even looked at.
    t.clock.advance(30_000);
    const badPassword = await postLogin(t, {
      username: 'secadmin',
      password: 'Wrong-pass-123',
      totp: codeNow(t, TEST_TOTP_SECRET),
    });
    expect(badPassword.json().code).toBe('auth.invalid_credentials');
  });

  it('lets a normal user enrol a second factor, which every later login then needs', async () => {
    const s = await loginAs(t, 'gridworker2');
    const enrol = await s.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll' });
    expect(enrol.statusCode).toBe(200);
    const { secret, uri } = enrol.json() as { secret: string; uri: string };
    expect(uri).toBe(
      `otpauth://totp/Zongzhi%3Agridworker2?secret=${secret}&issuer=Zongzhi&algorithm=SHA1&digits=6&period=30`,
    );
    let row = await accountRow('gridworker2');
    expect(row.totp_enabled).toBe(false);
    expect(row.totp_pending_enc).not.toContain(secret);
    expect(sm4Decrypt(TEST_SECRET_KEY, row.totp_pending_enc!)).toBe(secret);
    // Not yet confirmed: logging in still needs no code.
    expect((await postLogin(t, { username: 'gridworker2' })).statusCode).toBe(200);

    const bad = await s.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: wrongCode(t, secret) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.code');
    expect((await accountRow('gridworker2')).totp_enabled).toBe(false);

    const confirmCode = codeNow(t, secret);
    const good = await s.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: confirmCode },
    });
    expect(good.statusCode).toBe(200);
    row = await accountRow('gridworker2');
    expect(row.totp_enabled).toBe(true);
    expect(row.totp_pending_enc).toBeNull();
    expect(sm4Decrypt(TEST_SECRET_KEY, row.totp_secret_enc!)).toBe(secret);
    expect((await auditActions(t.db, 'totp.enrolled')).map((a) => a.outcome)).toEqual(['failed', 'ok']);

    // Enrolled once, it is replaced only by the security administrator.
    const again = await s.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('accounts.totp_already_enabled');

    expect((await postLogin(t, { username: 'gridworker2' })).json().code).toBe('auth.totp_required');
    // The code used to confirm cannot log in.
    expect((await postLogin(t, { username: 'gridworker2', totp: confirmCode })).json().code).toBe(
      'auth.totp_invalid',
    );
    t.clock.advance(30_000);
    const next = await postLogin(t, { username: 'gridworker2', totp: codeNow(t, secret) });
    expect(next.statusCode).toBe(200);
    const session = await sessionFrom(t, next).inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(session.json().account.username).toBe('gridworker2');
  });

  it('refuses an API key enrolling a second factor: it is not an account', async () => {
    const secadmin = await loginAs(t, 'secadmin2', { secret: TEST_TOTP_SECRET });
    const created = await secadmin.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'gateway', role: 'operator', unitId: t.world.units.town2.id },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enroll',
      headers: { 'x-api-key': created.json().key },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('accounts.session_only');
  });

  it('does not leak the password into the audit log', async () => {
    const rows = await t.db.query<{ details: unknown }>('SELECT details FROM audit_log');
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });
});
