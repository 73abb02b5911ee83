import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LettersRules, lettersRulesSchema, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { PRESET_RULEBOOKS_DIR } from '../rulebook/ensure-preset-rulebooks';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { lettersErrors } from './letters.errors';

export type LetterRulesInForce = { rulebookId: string; rulebookVersion: number; rules: LettersRules };

const FALLBACK_RULEBOOK = 'national-2016';

let shippedNational: LettersRules | undefined;
/**
 * A rulebook stored before issue 4 has no letters section (the shipped presets are never
 * overwritten once stored): its units follow the letters section of the shipped national preset.
 */
const readShippedNationalLetters = (): LettersRules => {
  shippedNational ??= lettersRulesSchema.parse(
    (
      JSON.parse(readFileSync(join(PRESET_RULEBOOKS_DIR, `${FALLBACK_RULEBOOK}.json`), 'utf8')) as {
        letters: unknown;
      }
    ).letters,
  );
  return shippedNational;
};

/**
 * The letters rules a unit follows at `at`: its own or nearest ancestor's attached rulebook, or the
 * national preset when none is attached. 409 when not even that is stored.
 */
export const loadLetterRules = async (
  q: Queryable,
  unit: { id: number; path: string },
  at: Date,
): Promise<LetterRulesInForce> => {
  const ids = await findRulebookIdsOfUnits(q, [unit], toChinaDate(at));
  const inForce = await findRulebookInForce(q, ids.get(unit.id) ?? FALLBACK_RULEBOOK, at);
  if (!inForce) throw lettersErrors.fail('letters.no_rules');
  return {
    rulebookId: inForce.rulebookId,
    rulebookVersion: inForce.version,
    rules: inForce.rulebook.letters ?? readShippedNationalLetters(),
  };
};
