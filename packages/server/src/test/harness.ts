import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Role } from '@zongzhi/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { type Database, openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { insertAccount, insertPerson, insertPost, insertUnit } from '../fixtures/factories';
import { totpCode, totpStep } from '../platform/auth/totp';
import { type FakeClock, createFakeClock } from '../platform/clock';
import { type AppConfig, DEFAULT_SECURITY, VERSION } from '../platform/config';

/**
 * Tests run on PGlite by default and on PostgreSQL when ZONGZHI_TEST_DATABASE_URL is set
 * (a fresh database is created for each test database and dropped afterwards).
 */
export const TEST_PG_URL = process.env.ZONGZHI_TEST_DATABASE_URL;

export type TestDatabase = {
  db: Database;
  dispose: () => Promise<void>;
  /** The PostgreSQL database's URL, for a second connection pool (a second server); none on PGlite. */
  url?: string;
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (!TEST_PG_URL) {
    const db = await openDatabase({ kind: 'pglite' });
    await migrate(db);
    return { db, dispose: () => db.close() };
  }
  const name = `zz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    dispose: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: TEST_PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
};

export const TEST_PASSWORD = 'Zz!test-2026';
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const TEST_SECRET_KEY = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
export const TEST_START = '2026-03-02T01:00:00.000Z';

export const testConfig = (): AppConfig => ({
  version: VERSION,
  secretKey: TEST_SECRET_KEY,
  cookieSecure: false,
  security: { ...DEFAULT_SECURITY },
});

/**
 * The small world every API test starts from:
 *   county ─┬─ town1 ─┬─ village1a ── grid1a1
 *           │         └─ village1b
 *           ├─ town2 ── village2a
 *           └─ dept1
 * One account per role, named after it, scoped to the county except liaison and leader (town1)
 * and gridworker (grid1a1); `<role>2` accounts hold the same role scoped to town2, so that
 * town1's records are out of their scope.
 */
export const seedWorld = async (db: Database) => {
  return db.transaction(async (q) => {
    const county = await insertUnit(q, {
      name: '测试县',
      kind: 'county',
      code: '430221000000',
      population: 300000,
    });
    const town1 = await insertUnit(q, {
      name: '一号镇',
      kind: 'town',
      code: '430221100000',
      parentId: county.id,
      population: 40000,
    });
    const town2 = await insertUnit(q, {
      name: '二号镇',
      kind: 'town',
      code: '430221101000',
      parentId: county.id,
      population: 30000,
    });
    const village1a = await insertUnit(q, {
      name: '甲村',
      kind: 'village',
      code: '430221100201',
      parentId: town1.id,
      population: 2000,
    });
    const village1b = await insertUnit(q, {
      name: '乙村',
      kind: 'village',
      code: '430221100202',
      parentId: town1.id,
      population: 1500,
    });
    const village2a = await insertUnit(q, {
      name: '丙村',
      kind: 'village',
      code: '430221101201',
      parentId: town2.id,
      population: 1800,
    });
    const grid1a1 = await insertUnit(q, {
      name: '甲村第一网格',
      kind: 'grid',
      code: '430221100201001',
      parentId: village1a.id,
    });
    const dept1 = await insertUnit(q, {
      name: '县公安局',
      kind: 'department',
      code: 'D001',
      parentId: county.id,
    });
    const units = { county, town1, town2, village1a, village1b, village2a, grid1a1, dept1 };

    const secretary = await insertPerson(q, { name: '张书记', gender: 'male' });
    const mayor = await insertPerson(q, { name: '李镇长', gender: 'female' });
    const deputy = await insertPerson(q, { name: '王副书记', gender: 'male' });
    const secretary2 = await insertPerson(q, { name: '赵书记', gender: 'male' });
    await insertPost(q, {
      personId: secretary,
      unitId: town1.id,
      postKind: 'party_secretary',
      title: '镇党委书记',
      startDate: '2024-01-01',
    });
    await insertPost(q, {
      personId: mayor,
      unitId: town1.id,
      postKind: 'chief',
      title: '镇长',
      startDate: '2024-01-01',
    });
    await insertPost(q, {
      personId: deputy,
      unitId: town1.id,
      postKind: 'deputy_in_charge',
      title: '镇党委副书记（政法委员）',
      portfolio: '政法、综治',
      startDate: '2025-06-01',
    });
    await insertPost(q, {
      personId: secretary2,
      unitId: town2.id,
      postKind: 'party_secretary',
      title: '镇党委书记',
      startDate: '2023-01-01',
    });
    const people = { secretary, mayor, deputy, secretary2 };

    const scoped: Record<Role, number> = {
      sysadmin: county.id,
      secadmin: county.id,
      auditadmin: county.id,
      operator: county.id,
      liaison: town1.id,
      leader: town1.id,
      orgdept: county.id,
      gridworker: grid1a1.id,
    };
    const accounts: Record<string, number> = {};
    for (const [role, unitId] of Object.entries(scoped) as [Role, number][]) {
      const isAdmin = role === 'sysadmin' || role === 'secadmin' || role === 'auditadmin';
      accounts[role] = await insertAccount(q, TEST_SECRET_KEY, {
        username: role,
        password: TEST_PASSWORD,
        roles: [{ role, unitId }],
        totpSecret: isAdmin ? TEST_TOTP_SECRET : null,
        personId: role === 'leader' ? secretary : null,
      });
      accounts[`${role}2`] = await insertAccount(q, TEST_SECRET_KEY, {
        username: `${role}2`,
        password: TEST_PASSWORD,
        roles: [{ role, unitId: town2.id }],
        totpSecret: isAdmin ? TEST_TOTP_SECRET : null,
        personId: role === 'leader' ? secretary2 : null,
      });
    }
    return { units, people, accounts };
  });
};
export type World = Awaited<ReturnType<typeof seedWorld>>;

export type Session = {
  cookie: string;
  csrf: string;
  inject: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
};

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export const createTestApp = async (options: { seed?: boolean } = {}) => {
  const testDb = await createTestDatabase();
  const clock: FakeClock = createFakeClock(TEST_START);
  const world = options.seed === false ? null : await seedWorld(testDb.db);
  const { app, ctx, routes } = await buildApp({ db: testDb.db, config: testConfig(), clock });
  await app.ready();
  const login = async (username: string, password = TEST_PASSWORD): Promise<Session> => {
    // Each admin login must use a fresh TOTP step: move the clock on one step.
    clock.advance(30_000);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password, totp: totpCode(TEST_TOTP_SECRET, totpStep(clock.now())) },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = String(res.cookies.find((c) => c.name === 'zz_session')?.value);
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    return {
      cookie,
      csrf,
      inject: (opts) =>
        app.inject({
          ...opts,
          headers: { ...(opts.headers ?? {}), cookie: `zz_session=${cookie}`, 'x-csrf-token': csrf },
        }),
    };
  };
  return {
    app,
    ctx,
    routes,
    db: testDb.db,
    databaseUrl: testDb.url,
    clock,
    world: world as World,
    login,
    close: async () => {
      await app.close();
      await ctx.chainer.flush().catch(() => undefined);
      await testDb.dispose();
    },
  };
};
