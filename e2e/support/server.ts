import type { AddressInfo } from 'node:net';
import { buildApp } from '../../packages/server/src/app';
import { prepareDatabase } from '../../packages/server/src/bootstrap';
import { openDatabase } from '../../packages/server/src/db/client';
import { insertPerson, insertPost } from '../../packages/server/src/fixtures/factories';
import { systemClock } from '../../packages/server/src/platform/clock';
import { TEST_PASSWORD, type World, seedWorld, testConfig } from '../../packages/server/src/test/harness';
import { WEB_DIST } from './paths';

/** The test world's accounts all share this password; `operator` logs in without TOTP. */
export const E2E_PASSWORD = TEST_PASSWORD;

/**
 * History the journeys look back on: 一号镇 had another party secretary until 2024-01-01, before
 * 张书记 and 李镇长 took office and before 王副书记 became the leader in charge (2025-06-01).
 */
export const seedHistory = async (db: Awaited<ReturnType<typeof openDatabase>>, world: World) =>
  db.transaction(async (q) => {
    const formerSecretary = await insertPerson(q, { name: '陈前书记', gender: 'male' });
    await insertPost(q, {
      personId: formerSecretary,
      unitId: world.units.town1.id,
      postKind: 'party_secretary',
      title: '镇党委书记',
      startDate: '2020-01-01',
      endDate: '2024-01-01',
    });
    return { formerSecretary };
  });

export type E2EServer = {
  /** http://127.0.0.1:<port> */
  url: string;
  world: World;
  close: () => Promise<void>;
};

/**
 * Starts the real application in this process, on a random port, over a fresh in-memory PGlite
 * holding the rulebook presets and the test world, serving the built web app at '/'. It runs on the
 * system clock: the browser's "today" and the server's must agree.
 */
export const startE2EServer = async (): Promise<E2EServer> => {
  const db = await openDatabase({ kind: 'pglite' });
  // Migrations and the shipped rulebook presets, as every entry point that opens a database does.
  await prepareDatabase(db);
  const world = await seedWorld(db);
  await seedHistory(db, world);
  const { app, ctx } = await buildApp({
    db,
    config: { ...testConfig(), webDistDir: WEB_DIST },
    clock: systemClock,
    logger: process.env.E2E_LOG ? { level: process.env.E2E_LOG } : false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    world,
    close: async () => {
      await app.close();
      await ctx.chainer.flush().catch(() => undefined);
      await db.close();
    },
  };
};
