import { type CoverageRole, REQUIRED_ROLES_BY_UNIT_KIND, type UnitKind } from '../units/unit-kinds';
import { decideResponsibleOnDate, type PostFacts } from './decide-responsible-on-date';

export type CoverageUnit = { id: number; kind: UnitKind };
export type CoveragePost = PostFacts & { unitId: number };

export type DecideCoverageGapsInput = {
  units: readonly CoverageUnit[];
  posts: readonly CoveragePost[];
  date: string;
  /** Defaults to the unit-kind table; a rulebook may demand more or less. */
  requiredRoles?: Record<UnitKind, readonly CoverageRole[]>;
};

export type CoverageGap = { unitId: number; missing: CoverageRole[] };

/**
 * 全覆盖 (000 art. 12): the units that, on `date`, lack a holder of a role their kind requires.
 * Units without gaps are left out; the order of `units` is kept.
 */
export const decideCoverageGaps = ({
  units,
  posts,
  date,
  requiredRoles = REQUIRED_ROLES_BY_UNIT_KIND,
}: DecideCoverageGapsInput): CoverageGap[] => {
  const byUnit = new Map<number, CoveragePost[]>();
  for (const p of posts) {
    const list = byUnit.get(p.unitId);
    if (list) list.push(p);
    else byUnit.set(p.unitId, [p]);
  }
  const gaps: CoverageGap[] = [];
  for (const unit of units) {
    const held = decideResponsibleOnDate({ posts: byUnit.get(unit.id) ?? [], date });
    const missing = requiredRoles[unit.kind].filter((role) => held[role].length === 0);
    if (missing.length > 0) gaps.push({ unitId: unit.id, missing: [...missing] });
  }
  return gaps;
};
