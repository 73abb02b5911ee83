import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, TEST_PASSWORD } from '../../test/harness';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('health answers with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      db: process.env.ZONGZHI_TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('logs an operator in and answers the session', async () => {
    const s = await t.login('operator');
    const res = await s.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.username).toBe('operator');
    expect(res.json().grants[0].role).toBe('operator');
  });

  it('refuses a wrong password with a bilingual problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'liaison', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'auth.invalid_credentials',
      message: { zh: '用户名或密码错误' },
    });
  });

  it('rejects a malformed body naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('body.password');
  });

  it('asks an administrator for the second factor', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'sysadmin', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.totp_required');
  });
});
