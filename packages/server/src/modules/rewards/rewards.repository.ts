import type { EligibilityPurposeValue, Reward, RewardKind } from '@zongzhi/contracts';
import {
  type AdvancedIndividualsRules,
  type ResponsibilityRole,
  calculatePostKindsForRoles,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { PERSON_IN_SCOPE, personScopeParams } from '../eligibility/party-scope';

export type RoundRow = {
  id: number;
  periodId: number;
  year: number;
  rootUnitId: number;
  rootUnitName: string;
  rootPath: string;
  /** The last day of the assessed period. */
  periodEnd: string;
  status: 'open' | 'decided';
  decidedOn: string | null;
  periodVersion: number;
  rules: unknown;
};

export const findRound = async (q: Queryable, id: number, lock = false): Promise<RoundRow | undefined> => {
  const rows = await q.query<{
    id: number;
    period_id: number;
    period_key: string;
    root_unit_id: number;
    root_name: string;
    root_path: string;
    period_end: string;
    status: 'open' | 'decided';
    decided_on: string | null;
    version: number;
    rules: unknown;
  }>(
    `SELECT r.id, r.period_id, p.period_key, p.root_unit_id, u.name AS root_name, u.path AS root_path,
            to_char(p.period_end, 'YYYY-MM-DD') AS period_end, r.status,
            r.decided_on, p.version, p.rules
       FROM reward_rounds r JOIN assessment_periods p ON p.id = r.period_id JOIN units u ON u.id = p.root_unit_id
      WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      periodId: r.period_id,
      year: Number(r.period_key.slice(0, 4)),
      rootUnitId: r.root_unit_id,
      rootUnitName: r.root_name,
      rootPath: r.root_path,
      periodEnd: r.period_end,
      status: r.status,
      decidedOn: r.decided_on,
      periodVersion: r.version,
      rules: typeof r.rules === 'string' ? JSON.parse(r.rules) : r.rules,
    }
  );
};

export type CandidateRow = {
  id: number;
  kind: RewardKind;
  party: { kind: 'person' | 'unit'; id: number; name: string };
};

/** The round's candidates the caller may see (units under a grant, people in scope). */
export const listCandidates = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  roundId: number,
): Promise<CandidateRow[]> => {
  const rows = await q.query<{
    id: number;
    kind: RewardKind;
    person_id: number | null;
    unit_id: number | null;
    name: string;
  }>(
    `SELECT c.id, c.kind, c.person_id, c.unit_id, COALESCE(u.name, p.name) AS name
       FROM reward_candidates c
       LEFT JOIN units u ON u.id = c.unit_id
       LEFT JOIN people p ON p.id = c.person_id
      WHERE c.round_id = $3
        AND ((u.id IS NOT NULL AND u.path LIKE ANY($1::text[])) OR (p.id IS NOT NULL AND ${PERSON_IN_SCOPE}))
      ORDER BY c.kind, c.id`,
    [...personScopeParams(grants), roundId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    party:
      r.person_id !== null
        ? { kind: 'person', id: r.person_id, name: r.name }
        : { kind: 'unit', id: r.unit_id!, name: r.name },
  }));
};

export const purposeOf = (c: CandidateRow): EligibilityPurposeValue =>
  c.party.kind === 'unit' ? 'honour' : 'award';

/** Ranked units and the advanced selection of the period's current version. */
export const countPeriodResults = async (q: Queryable, periodId: number, version: number) => {
  const rows = await q.query<{ ranked: number; selected: number }>(
    `SELECT count(*) FILTER (WHERE rank IS NOT NULL)::int AS ranked,
            count(*) FILTER (WHERE advanced = 'selected')::int AS selected
       FROM assessment_results WHERE period_id = $1 AND version = $2`,
    [periodId, version],
  );
  return rows[0] ?? { ranked: 0, selected: 0 };
};

type FrozenAssessment = {
  assessment?: {
    advanced?: { quotaPercent?: number; rounding?: 'floor' | 'round' | 'ceil' };
    advancedIndividuals?: AdvancedIndividualsRules;
  };
};

/** 评先比例 of the units from the period's frozen rules: the percentage applied to its ranked units. */
export const unitQuotaOf = (rules: unknown) => {
  const adv = (rules as FrozenAssessment)?.assessment?.advanced;
  return { percent: adv?.quotaPercent ?? 0, rounding: adv?.rounding ?? 'floor' };
};

/** The individuals' quota parameter frozen with the period; absent from periods frozen before it existed. */
export const individualsRulesOf = (rules: unknown): AdvancedIndividualsRules | undefined =>
  (rules as FrozenAssessment)?.assessment?.advancedIndividuals;

/**
 * Units assessed in the period's current version, and the people holding a post of one of `roles`
 * in them on `onDate` (each person once, however many posts they hold).
 */
export const countAssessedLeaders = async (
  q: Queryable,
  periodId: number,
  version: number,
  onDate: string,
  roles: readonly ResponsibilityRole[],
) => {
  const rows = await q.query<{ units: number; leaders: number }>(
    `SELECT (SELECT count(*)::int FROM assessment_results WHERE period_id = $1 AND version = $2) AS units,
            (SELECT count(DISTINCT po.person_id)::int
               FROM posts po JOIN assessment_results r ON r.unit_id = po.unit_id AND r.period_id = $1 AND r.version = $2
              WHERE po.post_kind = ANY($4::text[])
                AND po.start_date <= $3::date AND (po.end_date IS NULL OR po.end_date > $3::date)) AS leaders`,
    [periodId, version, onDate, calculatePostKindsForRoles(roles)],
  );
  return rows[0] ?? { units: 0, leaders: 0 };
};

export const listRewards = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  f: { person?: number | undefined; unit?: number | undefined; year?: number | undefined; roundId?: number },
): Promise<Reward[]> => {
  const rows = await q.query<{
    id: number;
    round_id: number;
    kind: RewardKind;
    person_id: number | null;
    unit_id: number | null;
    name: string;
    year: number;
    decided_on: string;
  }>(
    `SELECT w.id, w.round_id, w.kind, w.person_id, w.unit_id, COALESCE(u.name, p.name) AS name, w.year, w.decided_on
       FROM rewards w
       LEFT JOIN units u ON u.id = w.unit_id
       LEFT JOIN people p ON p.id = w.person_id
      WHERE ($3::bigint IS NULL OR w.person_id = $3) AND ($4::bigint IS NULL OR w.unit_id = $4)
        AND ($5::int IS NULL OR w.year = $5) AND ($6::bigint IS NULL OR w.round_id = $6)
        AND ((u.id IS NOT NULL AND u.path LIKE ANY($1::text[])) OR (p.id IS NOT NULL AND ${PERSON_IN_SCOPE}))
      ORDER BY w.year DESC, w.id`,
    [...personScopeParams(grants), f.person ?? null, f.unit ?? null, f.year ?? null, f.roundId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    kind: r.kind,
    party:
      r.person_id !== null
        ? { kind: 'person', id: r.person_id, name: r.name }
        : { kind: 'unit', id: r.unit_id!, name: r.name },
    year: r.year,
    decidedOn: r.decided_on,
  }));
};

export const unitInScope = async (q: Queryable, grants: readonly RoleGrant[], id: number) =>
  (
    await q.query('SELECT 1 FROM units WHERE id = $1 AND path LIKE ANY($2::text[])', [
      id,
      scopePatterns(grants),
    ])
  ).length > 0;
