import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnit } from '../../fixtures/factories';
import { appendAudit, chainPendingAudit } from '../../platform/audit/audit-ledger';
import { verifyAuditChain } from '../../platform/audit/verify-audit';
import { TEST_SECRET_KEY, createTestDatabase, seedWorld } from '../../test/harness';
import { type Database, openDatabase } from '../client';
import { migrate } from '../migrate';
import { createBackup } from './create-backup';
import { BackupArchiveError, RestoreRefusedError, restoreBackup } from './restore-backup';

const counts = async (db: Database) => {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t.name] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`))[0]!.n;
  return out;
};

describe('backup and restore', () => {
  let source: Database;
  let dir: string;
  let archive: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zz-backup-'));
    archive = join(dir, 'backup.zzb.gz');
    source = await openDatabase({ kind: 'pglite' });
    await migrate(source);
    const world = await seedWorld(source);
    // A unit moved under a newer unit: its parent has a larger id.
    const newer = await insertUnit(source, {
      name: '新设镇',
      kind: 'town',
      code: '430221102000',
      parentId: world.units.county.id,
    });
    await source.query(`UPDATE units SET parent_id = $1, path = $2 WHERE id = $3`, [
      newer.id,
      `${newer.path}${world.units.village2a.id}/`,
      world.units.village2a.id,
    ]);
    await source.query(`INSERT INTO app_settings (key, value) VALUES ('security', $1)`, [
      JSON.stringify({ lockoutThreshold: 7, note: '多行\n文本 "quoted"' }),
    ]);
    for (let i = 0; i < 30; i++)
      await appendAudit(source, {
        occurredAt: new Date(Date.UTC(2026, 2, 2, 1, 0, i, 123)),
        actor: { id: world.accounts.operator!, name: 'operator', role: 'operator' },
        action: 'unit.updated',
        outcome: i % 7 === 0 ? 'denied' : 'ok',
        targetType: 'unit',
        targetId: world.units.town1.id,
        details: { changed: ['name'], i, nested: { zh: '名称', list: [1, 2.5, null] } },
      });
    await chainPendingAudit(source);
  });

  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a PGlite backup with identical rows, a working chain and usable sequences', async () => {
    const phases = new Set<string>();
    const trailer = await createBackup(source, archive, {
      now: new Date('2026-03-02T02:00:00Z'),
      secretKey: TEST_SECRET_KEY,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(trailer.tables.find((t) => t.name === 'audit_log')?.rows).toBe(30);
    const target = await createTestDatabase();
    try {
      const result = await restoreBackup(target.db, archive, {
        secretKey: TEST_SECRET_KEY,
        onProgress: (p) => phases.add(p.phase),
      });
      expect(result.warnings).toEqual([]);
      expect(await counts(target.db)).toEqual(await counts(source));
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, checked: 30, pending: 0 });
      const [settings] = await target.db.query<{ value: { note: string } }>(
        "SELECT value FROM app_settings WHERE key = 'security'",
      );
      expect(settings?.value.note).toBe('多行\n文本 "quoted"');
      const maxId = (await target.db.query<{ m: number }>('SELECT max(id) AS m FROM units'))[0]!.m;
      const added = await insertUnit(target.db, { name: '恢复后新增', kind: 'town', code: '430221109000' });
      expect(added.id).toBeGreaterThan(maxId);
      expect([...phases].sort()).toEqual(['backup', 'restore', 'verify']);

      // A second restore into the now non-empty database is refused.
      await expect(restoreBackup(target.db, archive)).rejects.toThrow(RestoreRefusedError);
    } finally {
      await target.dispose();
    }
  });

  it('warns when the target uses another SM4 key', async () => {
    const target = await openDatabase({ kind: 'pglite' });
    await migrate(target);
    const result = await restoreBackup(target, archive, { secretKey: Buffer.alloc(16, 7) });
    expect(result.warnings[0]).toContain('ZONGZHI_SECRET_KEY');
    await target.close();
  });

  it('refuses damaged, altered and truncated archives and writes nothing', async () => {
    const good = readFileSync(archive);
    const damaged = Buffer.from(good);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    const text = gunzipSync(good).toString('utf8');
    const altered = gzipSync(Buffer.from(text.replace('一号镇', '三号镇')));
    const truncated = gzipSync(Buffer.from(text.slice(0, text.lastIndexOf('@end '))));
    const target = await openDatabase({ kind: 'pglite' });
    await migrate(target);
    try {
      for (const [name, bytes, reason] of [
        ['damaged', damaged, /备份文件无效[\s\S]*Invalid backup archive/],
        ['altered', altered, /SM3/],
        ['truncated', truncated, /incomplete/],
      ] as const) {
        const file = join(dir, `${name}.gz`);
        writeFileSync(file, bytes);
        const error = await restoreBackup(target, file).catch((e: unknown) => e);
        expect(error, name).toBeInstanceOf(BackupArchiveError);
        expect(String((error as Error).message), name).toMatch(reason);
      }
      expect((await counts(target)).units).toBe(0);
    } finally {
      await target.close();
    }
  });
});
