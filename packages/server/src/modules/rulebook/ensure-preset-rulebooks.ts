import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RulebookDocument, loadRulebook } from '@zongzhi/domain';
import type { Database } from '../../db/client';
import { appendAudit, chainPendingAudit } from '../../platform/audit/audit-ledger';
import { type Clock, systemClock } from '../../platform/clock';
import { canonicalJson, sm3 } from '../../platform/crypto';
import { insertRulebookIfAbsent, insertRulebookVersion } from './rulebook.repository';

/** The shipped presets, one file per source document (repository root `rulebooks/`). */
export const PRESET_RULEBOOKS_DIR = resolve(fileURLToPath(import.meta.url), '../../../../../../rulebooks');

export type EnsurePresetRulebooksResult = {
  /** Presets stored now, as version 1. */
  seeded: string[];
  /** Presets the database already held (whatever their versions since): left alone. */
  present: string[];
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
 * 'system', with an audit record. Idempotent: a second run (or a second server starting at the same
 * time) stores nothing, and a preset an administrator has since republished is never overwritten.
 * A preset file that does not validate stops start-up with the paths of its wrong parameters.
 */
export const ensurePresetRulebooks = async (
  db: Database,
  dir: string = PRESET_RULEBOOKS_DIR,
  clock: Clock = systemClock,
): Promise<EnsurePresetRulebooksResult> => {
  const presets = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ ...loadRulebook(JSON.parse(readFileSync(join(dir, name), 'utf8'))), version: 1 }));
  const result: EnsurePresetRulebooksResult = { seeded: [], present: [] };
  await db.transaction(async (tx) => {
    for (const preset of orderParentsFirst(presets)) {
      const now = clock.now();
      if (!(await insertRulebookIfAbsent(tx, { id: preset.id, name: preset.name, now }))) {
        result.present.push(preset.id);
        continue;
      }
      const digest = sm3(canonicalJson(preset));
      await insertRulebookVersion(tx, {
        rulebookId: preset.id,
        version: 1,
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
        details: { version: 1, preset: true, extends: preset.extends ?? null, digest },
      });
      result.seeded.push(preset.id);
    }
  });
  if (result.seeded.length > 0) await chainPendingAudit(db);
  return result;
};
