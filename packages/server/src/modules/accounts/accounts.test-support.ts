import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client';
import { totpCode, totpStep } from '../../platform/auth/totp';
import type { Session, TestApp } from '../../test/harness';
import { TEST_PASSWORD } from '../../test/harness';

/** The current code of a TOTP secret on the test's fake clock. */
export const codeNow = (t: TestApp, secret: string, offsetSteps = 0) =>
  totpCode(secret, totpStep(t.clock.now()) + offsetSteps);

/** A six-digit code that matches none of the steps a login at this moment accepts. */
export const wrongCode = (t: TestApp, secret: string) => {
  const valid = new Set([-1, 0, 1].map((d) => codeNow(t, secret, d)));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
};

export const postLogin = (t: TestApp, payload: { username: string; password?: string; totp?: string }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { password: TEST_PASSWORD, ...payload },
  });

/** Logs in with an explicit password and TOTP secret (for accounts the harness does not know). */
export const loginAs = async (
  t: TestApp,
  username: string,
  options: { password?: string; secret?: string } = {},
): Promise<Session> => {
  t.clock.advance(30_000);
  const res = await postLogin(t, {
    username,
    password: options.password ?? TEST_PASSWORD,
    ...(options.secret ? { totp: codeNow(t, options.secret) } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(t, res);
};

export const sessionFrom = (t: TestApp, res: LightMyRequestResponse): Session => {
  const cookie = String(res.cookies.find((c) => c.name === 'zz_session')?.value);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    inject: (opts: InjectOptions) =>
      t.app.inject({
        ...opts,
        headers: { ...(opts.headers ?? {}), cookie: `zz_session=${cookie}`, 'x-csrf-token': csrf },
      }),
  };
};

export const withKey = (t: TestApp, key: string, opts: InjectOptions) =>
  t.app.inject({ ...opts, headers: { ...(opts.headers ?? {}), 'x-api-key': key } });

/** A digest of every row of the tables account administration writes; equal digests mean nothing was written. */
export const fingerprint = async (db: Database) => {
  const tables = ['accounts', 'role_assignments', 'api_keys', 'app_settings', 'password_history'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await db.query<{ digest: string; n: number }>(
      `SELECT count(*) AS n, md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    out[table] = `${row?.n}:${row?.digest}`;
  }
  return out;
};

export const auditActions = async (db: Database, action: string) =>
  db.query<{
    outcome: string;
    target_id: string | null;
    actor_name: string | null;
    details: Record<string, unknown>;
  }>('SELECT outcome, target_id, actor_name, details FROM audit_log WHERE action = $1 ORDER BY id', [action]);
