import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RulebookDocument, loadRulebook } from '@zongzhi/domain';
import type { Database } from '../../db/client';
import { appendAudit, chainPendingAudit } from '../../platform/audit/audit-ledger';
import { type Clock, systemClock } from '../../platform/clock';
import { canonicalJson, sm3 } from '../../platform/crypto';
import { findRulebookVersion, insertRulebookIfAbsent, insertRulebookVersion } from './rulebook.repository';

/** The shipped presets, one file per source document (repository root `rulebooks/`). */
export const PRESET_RULEBOOKS_DIR = resolve(fileURLToPath(import.meta.url), '../../../../../../rulebooks');

export type EnsurePresetRulebooksResult = {
  /** Presets stored now, as version 1. */
  seeded: string[];
  /** Presets the database already held with the shipped text (or as republished by a person): left alone. */
  present: string[];
  /**
   * Presets whose shipped text changed since the system last stored them (a new release added a
   * section or corrected a value): stored as the next version, in force from now on. Past moments
   * keep the version that was in force then.
   */
  upgraded: { id: string; version: number }[];
  /** Presets whose shipped text changed but that a person has republished since: not overwritten. */
  customised: string[];
};

/** Parents before the rulebooks that extend them, so that each `extends` names a stored rulebook. */
const orderParentsFirst = (presets: readonly RulebookDocument[]): RulebookDocument[] => {
  const ids = new Set(presets.map((p) => p.id));
  const ordered: RulebookDocument[] = [];
  const placed = new Set<string>();
  let pending = [...presets];
  while (pending.length > 0) {
    const ready = pending.filter(
      (p) => p.extends === undefined || placed.has(p.extends) || !ids.has(p.extends),
    );
    if (ready.length === 0)
      throw new Error(`preset rulebooks extend each other in a cycle: ${pending.map((p) => p.id)}`);
    for (const p of ready) {
      ordered.push(p);
      placed.add(p.id);
    }
    pending = pending.filter((p) => !placed.has(p.id));
  }
  return ordered;
};

/**
 * Stores each shipped preset that the database does not hold yet, as version 1 published by
 * 'system', with an audit record; a preset whose shipped text differs from the latest version the
 * system stored is stored again as the next version (the upgrade path of a new release).
 * Idempotent: a second run (or a second server starting at the same time) stores nothing, and a
 * preset an administrator has since republished is never overwritten. A preset file that does not
 * validate stops start-up with the paths of its wrong parameters.
 */
export const ensurePresetRulebooks = async (
  db: Database,
  dir: string = PRESET_RULEBOOKS_DIR,
  clock: Clock = systemClock,
): Promise<EnsurePresetRulebooksResult> => {
  const presets = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => loadRulebook(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
  const result: EnsurePresetRulebooksResult = { seeded: [], present: [], upgraded: [], customised: [] };
  await db.transaction(async (tx) => {
    for (const shipped of orderParentsFirst(presets)) {
      const now = clock.now();
      let version = 1;
      if (!(await insertRulebookIfAbsent(tx, { id: shipped.id, name: shipped.name, now }))) {
        // One upgrader at a time: a second server starting now waits here, then finds the text stored.
        await tx.query('SELECT id FROM rulebooks WHERE id = $1 FOR UPDATE', [shipped.id]);
        const latest = await findRulebookVersion(tx, shipped.id);
        if (!latest) continue;
        if (canonicalJson({ ...shipped, version: latest.version }) === canonicalJson(latest.body)) {
          result.present.push(shipped.id);
          continue;
        }
        if (latest.publishedBy !== 'system') {
          result.customised.push(shipped.id);
          continue;
        }
        version = latest.version + 1;
      }
      const preset = { ...shipped, version };
      const digest = sm3(canonicalJson(preset));
      await insertRulebookVersion(tx, {
        rulebookId: preset.id,
        version,
        body: preset,
        publishedAt: now,
        publishedBy: 'system',
        publishedByAccountId: null,
        digest,
      });
      await appendAudit(tx, {
        occurredAt: now,
        actor: { id: null, name: 'system', role: 'system' },
        action: 'rulebook.published',
        outcome: 'ok',
        targetType: 'rulebook',
        targetId: preset.id,
        details: { version, preset: true, upgraded: version > 1, extends: preset.extends ?? null, digest },
      });
      if (version === 1) result.seeded.push(preset.id);
      else result.upgraded.push({ id: preset.id, version });
    }
  });
  if (result.seeded.length > 0 || result.upgraded.length > 0) await chainPendingAudit(db);
  return result;
};
