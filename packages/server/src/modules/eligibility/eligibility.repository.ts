import type { Bar, DecidedStep, HeldPost } from '@zongzhi/domain';
import { windowSchema } from '@zongzhi/domain';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { PERSON_IN_SCOPE, personScopeParams } from './party-scope';

// The eligibility area's SQL: reads the ledger (accountability_steps, posts) and owns the derived
// eligibility_bars table.

const windowsSchema = z.array(windowSchema);

type StepRow = {
  id: number;
  case_id: number;
  unit_id: number;
  step: string;
  decided_on: string;
  relevant_on: string;
  lifted_on: string | null;
  windows: unknown;
  rulebook_id: string;
  rulebook_version: number;
};

const toStep = (r: StepRow): DecidedStep => ({
  stepId: r.id,
  caseId: r.case_id,
  unitId: r.unit_id,
  step: r.step,
  decidedOn: r.decided_on,
  relevantOn: r.relevant_on,
  liftedOn: r.lifted_on,
  // Copied from a validated rulebook when the step was decided; a malformed copy is a bug, not input.
  windows: windowsSchema.parse(typeof r.windows === 'string' ? JSON.parse(r.windows) : r.windows),
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
});

const STEP_COLUMNS = `s.id, s.case_id, s.unit_id, s.step, s.decided_on, s.relevant_on, s.lifted_on, s.windows,
  s.rulebook_id, s.rulebook_version`;

export const listDecidedSteps = async (q: Queryable, caseId: number): Promise<DecidedStep[]> =>
  (
    await q.query<StepRow>(
      `SELECT ${STEP_COLUMNS} FROM accountability_steps s WHERE s.case_id = $1 ORDER BY s.decided_on, s.id`,
      [caseId],
    )
  ).map(toStep);

/** Every post ever held in these units (a case's steps look at one date each; the domain picks). */
export const listUnitPosts = async (q: Queryable, unitIds: readonly number[]): Promise<HeldPost[]> =>
  unitIds.length === 0
    ? []
    : (
        await q.query<{
          person_id: number;
          unit_id: number;
          post_kind: string;
          start_date: string;
          end_date: string | null;
        }>(
          'SELECT person_id, unit_id, post_kind, start_date, end_date FROM posts WHERE unit_id = ANY($1::bigint[])',
          [unitIds],
        )
      ).map((r) => ({
        personId: r.person_id,
        unitId: r.unit_id,
        postKind: r.post_kind,
        startDate: r.start_date,
        endDate: r.end_date,
      }));

/** A stretch of days [from, to) of one unit whose responsible people a registry write changed. */
export type PostSpan = { postId: number; unitId: number; from: string; to: string | null };

/**
 * The cases with a decided step in a span's unit whose relevant date falls in the span, each with
 * the posts whose change reached it. One pass over accountability_steps_unit per span.
 */
export const listCasesInPostSpans = async (
  q: Queryable,
  spans: readonly PostSpan[],
): Promise<{ caseId: number; postIds: number[] }[]> =>
  spans.length === 0
    ? []
    : (
        await q.query<{ case_id: number; post_ids: number[] }>(
          `SELECT s.case_id, array_agg(DISTINCT c.post_id ORDER BY c.post_id) AS post_ids
             FROM unnest($1::bigint[], $2::bigint[], $3::date[], $4::date[]) AS c(post_id, unit_id, from_date, to_date)
             JOIN accountability_steps s
               ON s.unit_id = c.unit_id AND s.relevant_on >= c.from_date
              AND (c.to_date IS NULL OR s.relevant_on < c.to_date)
            GROUP BY s.case_id ORDER BY s.case_id`,
          [
            spans.map((s) => s.postId),
            spans.map((s) => s.unitId),
            spans.map((s) => s.from),
            spans.map((s) => s.to),
          ],
        )
      ).map((r) => ({ caseId: Number(r.case_id), postIds: r.post_ids.map(Number) }));

const BAR_INSERT_COLUMNS = `case_id, step_id, person_id, unit_id, bar, from_date, to_date, step, case_unit_id,
  decided_on, relevant_on, window_id, months, until_text, roles, citation, rulebook_id, rulebook_version`;
const PER_ROW = 18;
const CHUNK = 500;

/** Replaces a case's bars: derived data, rebuilt whole from the ledger on every decision or lift. */
export const replaceCaseBars = async (q: Queryable, caseId: number, bars: readonly Bar[]) => {
  await q.query('DELETE FROM eligibility_bars WHERE case_id = $1', [caseId]);
  for (let i = 0; i < bars.length; i += CHUNK) {
    const chunk = bars.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const tuples = chunk.map((b, k) => {
      const o = k * PER_ROW;
      params.push(
        b.caseId,
        b.stepId,
        b.partyKind === 'person' ? b.partyId : null,
        b.partyKind === 'unit' ? b.partyId : null,
        b.bar,
        b.from,
        b.to,
        b.step,
        b.caseUnitId,
        b.decidedOn,
        b.relevantOn,
        b.windowId,
        b.months,
        b.until === null ? null : JSON.stringify(b.until),
        b.roles,
        b.citation === null ? null : JSON.stringify(b.citation),
        b.rulebookId,
        b.rulebookVersion,
      );
      const p = (n: number) => `$${o + n}`;
      return `(${p(1)}::bigint, ${p(2)}::bigint, ${p(3)}::bigint, ${p(4)}::bigint, ${p(5)}, ${p(6)}::date,
        ${p(7)}::date, ${p(8)}, ${p(9)}::bigint, ${p(10)}::date, ${p(11)}::date, ${p(12)}, ${p(13)}::int,
        ${p(14)}::jsonb, ${p(15)}::text[], ${p(16)}::jsonb, ${p(17)}, ${p(18)}::int)`;
    });
    await q.query(`INSERT INTO eligibility_bars (${BAR_INSERT_COLUMNS}) VALUES ${tuples.join(', ')}`, params);
  }
};

type BarRow = {
  id: number;
  case_id: number;
  step_id: number;
  person_id: number | null;
  unit_id: number | null;
  bar: Bar['bar'];
  from_date: string;
  to_date: string | null;
  step: string;
  case_unit_id: number;
  case_unit_name: string;
  decided_on: string;
  relevant_on: string;
  window_id: string;
  months: number | null;
  until_text: Bar['until'] | string | null;
  roles: Bar['roles'];
  citation: Bar['citation'] | string | null;
  rulebook_id: string;
  rulebook_version: number;
};

export type StoredBar = Bar & { id: number; caseUnitName: string };

const json = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const toBar = (r: BarRow): StoredBar => ({
  id: r.id,
  partyKind: r.person_id !== null ? 'person' : 'unit',
  partyId: (r.person_id ?? r.unit_id) as number,
  bar: r.bar,
  from: r.from_date,
  to: r.to_date,
  caseId: r.case_id,
  stepId: r.step_id,
  step: r.step,
  caseUnitId: r.case_unit_id,
  caseUnitName: r.case_unit_name,
  decidedOn: r.decided_on,
  relevantOn: r.relevant_on,
  windowId: r.window_id,
  months: r.months,
  until: json(r.until_text),
  roles: r.roles,
  citation: json(r.citation),
  rulebookId: r.rulebook_id,
  rulebookVersion: r.rulebook_version,
});

const BAR_COLUMNS = `b.id, b.case_id, b.step_id, b.person_id, b.unit_id, b.bar, b.from_date, b.to_date, b.step,
  b.case_unit_id, cu.name AS case_unit_name, b.decided_on, b.relevant_on, b.window_id, b.months, b.until_text,
  b.roles, b.citation, b.rulebook_id, b.rulebook_version`;

export type Party = { kind: 'person' | 'unit'; id: number };

/**
 * A party's bars, in force on `date` when given (else all of them, for the timeline). One index
 * probe on (person_id | unit_id, from_date); the handful of rows is filtered in the executor.
 */
export const listPartyBars = async (q: Queryable, party: Party, date?: string): Promise<StoredBar[]> => {
  const column = party.kind === 'person' ? 'b.person_id' : 'b.unit_id';
  const rows = await q.query<BarRow>(
    `SELECT ${BAR_COLUMNS} FROM eligibility_bars b JOIN units cu ON cu.id = b.case_unit_id
      WHERE ${column} = $1
        AND ($2::date IS NULL OR (b.from_date <= $2::date AND (b.to_date IS NULL OR b.to_date > $2::date)))
      ORDER BY b.from_date, b.id`,
    [party.id, date ?? null],
  );
  return rows.map(toBar);
};

const IN_FORCE = (d: string) => `b.from_date <= ${d}::date AND (b.to_date IS NULL OR b.to_date > ${d}::date)`;

/**
 * The hot path of GET /eligibility in one round trip: the party's name if it is in the caller's
 * scope (undefined otherwise) and its bars in force on `date` (one index probe on
 * (person_id | unit_id, from_date)).
 */
export const findPartyBarsInScope = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  party: Party,
  date: string,
): Promise<{ name: string; bars: StoredBar[] } | undefined> => {
  const rows =
    party.kind === 'person'
      ? await q.query<BarRow & { party_name: string }>(
          `SELECT p.name AS party_name, ${BAR_COLUMNS} FROM people p
             LEFT JOIN eligibility_bars b ON b.person_id = p.id AND ${IN_FORCE('$4')}
             LEFT JOIN units cu ON cu.id = b.case_unit_id
            WHERE p.id = $3 AND ${PERSON_IN_SCOPE}
            ORDER BY b.from_date, b.id`,
          [...personScopeParams(grants), party.id, date],
        )
      : await q.query<BarRow & { party_name: string }>(
          `SELECT pu.name AS party_name, ${BAR_COLUMNS} FROM units pu
             LEFT JOIN eligibility_bars b ON b.unit_id = pu.id AND ${IN_FORCE('$3')}
             LEFT JOIN units cu ON cu.id = b.case_unit_id
            WHERE pu.id = $2 AND pu.path LIKE ANY($1::text[])
            ORDER BY b.from_date, b.id`,
          [scopePatterns(grants), party.id, date],
        );
  const [first] = rows;
  if (!first) return undefined;
  return { name: first.party_name, bars: rows.filter((r) => r.id !== null).map(toBar) };
};

/** Every bar of these parties (a batch asks about several dates; the domain picks per question). */
export const listBarsOfParties = async (
  q: Queryable,
  kind: Party['kind'],
  ids: readonly number[],
): Promise<StoredBar[]> => {
  if (ids.length === 0) return [];
  const column = kind === 'person' ? 'b.person_id' : 'b.unit_id';
  const rows = await q.query<BarRow>(
    `SELECT ${BAR_COLUMNS} FROM eligibility_bars b JOIN units cu ON cu.id = b.case_unit_id
      WHERE ${column} = ANY($1::bigint[]) ORDER BY b.from_date, b.id`,
    [ids],
  );
  return rows.map(toBar);
};

type PersonStepRow = {
  case_id: number;
  step_id: number;
  step: string;
  unit_id: number;
  unit_name: string;
  decided_on: string;
  relevant_on: string;
  lifted_on: string | null;
  post_kinds: string[];
};

/** Decided steps of cases whose unit the person served in (any post) on the step's relevant date. */
export const listStepsOfPerson = async (q: Queryable, personId: number) =>
  (
    await q.query<PersonStepRow>(
      `SELECT s.case_id, s.id AS step_id, s.step, s.unit_id, u.name AS unit_name, s.decided_on, s.relevant_on,
              s.lifted_on, array_agg(DISTINCT po.post_kind ORDER BY po.post_kind) AS post_kinds
         FROM accountability_steps s
         JOIN units u ON u.id = s.unit_id
         JOIN posts po ON po.unit_id = s.unit_id AND po.person_id = $1
                      AND po.start_date <= s.relevant_on AND (po.end_date IS NULL OR po.end_date > s.relevant_on)
        GROUP BY s.case_id, s.id, s.step, s.unit_id, u.name, s.decided_on, s.relevant_on, s.lifted_on
        ORDER BY s.decided_on, s.id`,
      [personId],
    )
  ).map((r) => ({
    caseId: r.case_id,
    stepId: r.step_id,
    step: r.step,
    caseUnitId: r.unit_id,
    caseUnitName: r.unit_name,
    decidedOn: r.decided_on,
    relevantOn: r.relevant_on,
    liftedOn: r.lifted_on,
    postKinds: r.post_kinds,
  }));
