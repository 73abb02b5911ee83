import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EligibilityWindow } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { PRESET_RULEBOOKS_DIR } from '../rulebook/ensure-preset-rulebooks';

// Test and bench helpers: the ledger rows a decision of the accountability module writes (only the
// columns eligibility reads matter; the rest get plausible values), for tests that must not depend
// on the accountability routes.

type PresetWithLadder = {
  ladder: { steps: { id: string; windows?: EligibilityWindow[] }[] };
  incidentReporting?: { limits: { id: string; windows?: EligibilityWindow[] }[] };
};

/** The windows a preset gives a ladder step (or an incident limit), as a decision copies them. */
export const presetWindows = (preset: string, stepOrLimit: string): EligibilityWindow[] => {
  const body = JSON.parse(
    readFileSync(join(PRESET_RULEBOOKS_DIR, `${preset}.json`), 'utf8'),
  ) as PresetWithLadder;
  const found =
    body.ladder.steps.find((s) => s.id === stepOrLimit) ??
    body.incidentReporting?.limits.find((l) => l.id === stepOrLimit);
  if (!found) throw new Error(`${preset} has no step or limit ${stepOrLimit}`);
  return found.windows ?? [];
};

/** The latest stored version of a rulebook (presets must have been ensured). */
export const latestRulebookVersion = async (q: Queryable, rulebookId: string) => {
  const [row] = await q.query<{ version: number }>(
    'SELECT max(version) AS version FROM rulebook_versions WHERE rulebook_id = $1',
    [rulebookId],
  );
  if (!row?.version) throw new Error(`rulebook ${rulebookId} is not stored`);
  return row.version;
};

export type NewCase = { unitId: number; relevantOn: string; rulebookId: string; rulebookVersion: number };

export const insertCase = async (q: Queryable, c: NewCase): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO accountability_cases (unit_id, relevant_on, situation_id, status, rulebook_id, rulebook_version,
       facts, opened_on, opened_at, opened_by)
     VALUES ($1, $2, 'weak-work', 'open', $3, $4, 'fixture', $2, now(), 'fixture') RETURNING id`,
    [c.unitId, c.relevantOn, c.rulebookId, c.rulebookVersion],
  );
  return row!.id;
};

export type NewStep = {
  caseId: number;
  unitId: number;
  step: string;
  decidedOn: string;
  relevantOn: string;
  windows: readonly EligibilityWindow[];
  liftedOn?: string | null;
  rulebookId: string;
  rulebookVersion: number;
};

export const insertDecidedStep = async (q: Queryable, s: NewStep): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO accountability_steps (case_id, unit_id, step, decided_on, relevant_on, windows, rulebook_id,
       rulebook_version, lifted_on, decision_body, deciding_unit_id, decided_at, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, 'committee', $2, now(), 'fixture') RETURNING id`,
    [
      s.caseId,
      s.unitId,
      s.step,
      s.decidedOn,
      s.relevantOn,
      JSON.stringify(s.windows),
      s.rulebookId,
      s.rulebookVersion,
      s.liftedOn ?? null,
    ],
  );
  return row!.id;
};
