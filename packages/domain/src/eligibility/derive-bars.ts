import { addMonths } from '../calendar/calendar-date';
import { type Interval, isValidOn } from '../responsibility/is-valid-on';
import { getRoleOfPostKind, isPostKind, type ResponsibilityRole } from '../responsibility/post-kinds';
import type { Citation, EligibilityWindow, LocalizedText } from '../rulebook/rulebook.schema';
import { type BarKind, type PartyKind, WINDOW_PARTY_ROLES } from './eligibility-kinds';

/** A decided step of an accountability case (the ledger `accountability_steps`), with its windows. */
export type DecidedStep = {
  stepId: number;
  caseId: number;
  /** The unit held accountable. */
  unitId: number;
  step: string;
  decidedOn: string;
  /** The date whose post holders answer for the case. */
  relevantOn: string;
  liftedOn: string | null;
  /** Copied from the rulebook when the step was decided. */
  windows: readonly EligibilityWindow[];
  rulebookId: string;
  rulebookVersion: number;
};

/** A post held in a unit over [startDate, endDate) (registry `posts`; unknown kinds are ignored). */
export type HeldPost = Interval & { personId: number; unitId: number; postKind: string };

/**
 * One thing one party may not have over [from, to): `to` is the first day the bar no longer
 * applies (exclusive, like post end dates), null while an `until` window has not been lifted.
 */
export type Bar = {
  partyKind: PartyKind;
  /** A person's id or a unit's id, after `partyKind`. */
  partyId: number;
  bar: BarKind;
  from: string;
  to: string | null;
  caseId: number;
  stepId: number;
  step: string;
  /** The unit of the case (for a person barred after a transfer, not their current unit). */
  caseUnitId: number;
  decidedOn: string;
  relevantOn: string;
  windowId: string;
  months: number | null;
  until: LocalizedText | null;
  /** The responsibility roles the person held in the case's unit on `relevantOn`; [] for a unit. */
  roles: ResponsibilityRole[];
  citation: Citation | null;
  rulebookId: string;
  rulebookVersion: number;
};

/**
 * When a window's bar ends: `months` after the decision (a month-end decision ends on the last
 * day of the shorter month: 2026-08-31 + 6 months = 2027-02-28), or, for an `until` window, on the
 * day the step is lifted (null while it is not). A window with both runs for its months.
 */
export const calculateBarEnd = (window: EligibilityWindow, decidedOn: string, liftedOn: string | null) =>
  window.months !== undefined ? addMonths(decidedOn, window.months) : liftedOn;

const ROLE_ORDER: readonly ResponsibilityRole[] = ['principal', 'in_charge', 'member', 'specific'];

/**
 * The bars a case's decided steps impose. Units are barred as themselves; people through the
 * posts they held in the case's unit on the step's `relevantOn` date, mapped by
 * `WINDOW_PARTY_ROLES`. A bar is recorded against the person, not the post, so it follows a cadre
 * who is transferred afterwards (Henan `ban_follows_transfer`; issue 5 §3), and a successor who
 * arrives later is not barred. Proposals are not steps: only decided steps reach this function.
 * A person holding two matching posts gets one bar per window and bar kind, with both roles.
 * An `until` window lifted on or before its decision day never applied and yields no bar.
 */
export const deriveBars = (steps: readonly DecidedStep[], posts: readonly HeldPost[]): Bar[] => {
  const bars: Bar[] = [];
  for (const s of steps) {
    const holders = new Map<number, Set<ResponsibilityRole>>();
    for (const p of posts)
      if (p.unitId === s.unitId && isPostKind(p.postKind) && isValidOn(p, s.relevantOn)) {
        const set = holders.get(p.personId) ?? new Set<ResponsibilityRole>();
        set.add(getRoleOfPostKind(p.postKind));
        holders.set(p.personId, set);
      }
    for (const w of s.windows) {
      const to = calculateBarEnd(w, s.decidedOn, s.liftedOn);
      if (to !== null && to <= s.decidedOn) continue;
      const base = {
        from: s.decidedOn,
        to,
        caseId: s.caseId,
        stepId: s.stepId,
        step: s.step,
        caseUnitId: s.unitId,
        decidedOn: s.decidedOn,
        relevantOn: s.relevantOn,
        windowId: w.id,
        months: w.months ?? null,
        until: w.until ?? null,
        citation: w.source ?? null,
        rulebookId: s.rulebookId,
        rulebookVersion: s.rulebookVersion,
      };
      const barredRoles = new Set<ResponsibilityRole>(
        w.who.flatMap((who) => (who === 'unit' ? [] : WINDOW_PARTY_ROLES[who])),
      );
      for (const bar of w.bars) {
        if (w.who.includes('unit'))
          bars.push({ ...base, partyKind: 'unit', partyId: s.unitId, bar, roles: [] });
        for (const [personId, held] of [...holders].sort((a, b) => a[0] - b[0])) {
          const roles = ROLE_ORDER.filter((r) => held.has(r) && barredRoles.has(r));
          if (roles.length > 0) bars.push({ ...base, partyKind: 'person', partyId: personId, bar, roles });
        }
      }
    }
  }
  return bars;
};
