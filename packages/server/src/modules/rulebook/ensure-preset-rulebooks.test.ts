import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RulebookDocument } from '@zongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sm3 } from '../../platform/crypto';
import { type TestApp, createTestApp } from '../../test/harness';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from './ensure-preset-rulebooks';
import { findRulebookVersion, insertRulebookIfAbsent, insertRulebookVersion } from './rulebook.repository';
import { findRulebookInForce } from './resolve-rulebook-in-force';

/** The upgrade path: a new release ships a changed preset; the database stores it as the next version. */
describe('shipped presets across releases', () => {
  let t: TestApp;
  let dir: string;
  type PresetJson = { reminders: { dueSoonDays: number }; description?: { zh: string; en: string } };
  const editPreset = (id: string, edit: (body: PresetJson) => void) => {
    const file = join(dir, `${id}.json`);
    const body = JSON.parse(readFileSync(file, 'utf8')) as PresetJson;
    edit(body);
    writeFileSync(file, JSON.stringify(body, null, 2));
  };

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'zz-presets-'));
    cpSync(PRESET_RULEBOOKS_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a changed preset as the next version, in force from then on; unchanged ones stay', async () => {
    const first = await ensurePresetRulebooks(t.db, dir, t.clock);
    expect(first.seeded).toContain('national-2016');
    const before = t.clock.now();
    t.clock.advance(60_000);

    editPreset('national-2016', (b) => {
      b.reminders.dueSoonDays = b.reminders.dueSoonDays + 3;
    });
    const second = await ensurePresetRulebooks(t.db, dir, t.clock);
    expect(second.upgraded).toEqual([{ id: 'national-2016', version: 2 }]);
    expect(second.seeded).toEqual([]);
    expect(second.present).toContain('henan-2016');

    const v2 = await findRulebookVersion(t.db, 'national-2016');
    expect(v2).toMatchObject({ version: 2, publishedBy: 'system', body: { version: 2 } });
    expect(v2!.digest).toBe(sm3(canonicalJson(v2!.body)));
    // The past keeps what was in force then; the present follows the new release.
    const then = await findRulebookInForce(t.db, 'national-2016', before);
    const now = await findRulebookInForce(t.db, 'national-2016', new Date(t.clock.now().getTime() + 1));
    expect(now!.rulebook.reminders.dueSoonDays).toBe(then!.rulebook.reminders.dueSoonDays + 3);
    expect(now!.version).toBe(2);

    const audit = await t.db.query<{ details: { version: number; upgraded: boolean } }>(
      `SELECT details FROM audit_log WHERE action = 'rulebook.published' AND target_id = 'national-2016'
        ORDER BY id`,
    );
    expect(audit.map((a) => [a.details.version, a.details.upgraded])).toEqual([
      [1, false],
      [2, true],
    ]);

    const third = await ensurePresetRulebooks(t.db, dir, t.clock);
    expect(third.upgraded).toEqual([]);
    expect(third.present).toContain('national-2016');
  });

  it('never overwrites a preset a person has republished since', async () => {
    const latest = (await findRulebookVersion(t.db, 'henan-2016'))!;
    const body = { ...latest.body, version: latest.version + 1 } as RulebookDocument;
    await insertRulebookVersion(t.db, {
      rulebookId: 'henan-2016',
      version: body.version,
      body,
      publishedAt: t.clock.now(),
      publishedBy: 'operator',
      publishedByAccountId: t.world.accounts.operator!,
      digest: sm3(canonicalJson(body)),
    });
    editPreset('henan-2016', (b) => {
      b.description = { zh: '新版说明', en: 'New release note' };
    });
    const result = await ensurePresetRulebooks(t.db, dir, t.clock);
    expect(result.customised).toEqual(['henan-2016']);
    expect(result.upgraded).toEqual([]);
    expect((await findRulebookVersion(t.db, 'henan-2016'))!.publishedBy).toBe('operator');
  });
});

/**
 * A database that stored the national preset before it named who files the monthly 平安报表: the
 * release that adds `reports.monthlySafetyReport.filers` upgrades it, and the units resolve it.
 */
describe('upgrading a preset stored before the safety-report filers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('stores the shipped filers as the next version, in force from then on', async () => {
    const shipped = JSON.parse(readFileSync(join(PRESET_RULEBOOKS_DIR, 'national-2016.json'), 'utf8'));
    const { filers: _, ...olderReport } = shipped.reports.monthlySafetyReport;
    const older = {
      ...shipped,
      version: 1,
      reports: { ...shipped.reports, monthlySafetyReport: olderReport },
    } as RulebookDocument;
    await insertRulebookIfAbsent(t.db, { id: 'national-2016', name: shipped.name, now: t.clock.now() });
    await insertRulebookVersion(t.db, {
      rulebookId: 'national-2016',
      version: 1,
      body: older,
      publishedAt: t.clock.now(),
      publishedBy: 'system',
      publishedByAccountId: null,
      digest: sm3(canonicalJson(older)),
    });
    t.clock.advance(60_000);

    const result = await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    expect(result.upgraded).toEqual([{ id: 'national-2016', version: 2 }]);
    const later = new Date(t.clock.now().getTime() + 1);
    for (const id of ['national-2016', 'district-001']) {
      const inForce = await findRulebookInForce(t.db, id, later);
      expect(inForce?.rulebook.reports.monthlySafetyReport.filers?.kinds).toEqual(['town', 'department']);
    }
    // The version stored before the field existed still resolves for the moments it governed.
    const before = await findRulebookInForce(
      t.db,
      'national-2016',
      new Date(t.clock.now().getTime() - 30_000),
    );
    expect(before?.version).toBe(1);
    expect(before?.rulebook.reports.monthlySafetyReport.filers).toBeUndefined();
  });
});
