import type { ResponsibilityRole } from '../responsibility/post-kinds';
import { BARRED_PARTIES, BARS } from '../rulebook/rulebook.schema';

/** What a bar takes away (rulebook `windows[].bars`): 综合性评选 of a unit, 评先受奖, 晋职晋级. */
export const BAR_KINDS = BARS;
export type BarKind = (typeof BAR_KINDS)[number];

/** Who a window bars (rulebook `windows[].who`). */
export type BarredParty = (typeof BARRED_PARTIES)[number];

/** What the organisation department asks about (提拔奖励征求综治委意见, 003 即墨; 000 art. 19). */
export const ELIGIBILITY_PURPOSES = ['promotion', 'award', 'honour'] as const;
export type EligibilityPurpose = (typeof ELIGIBILITY_PURPOSES)[number];

export const PARTY_KINDS = ['person', 'unit'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * Which bars answer which question, per kind of party (000 arts. 29, 31; 002):
 * - a unit loses 综合性评选 (`comprehensive_honours`): asked as `honour`; a unit's `award` is
 *   answered by `award` bars (001: a major-case unit is out of all selections, preset `case-unit`
 *   bars both); units are not promoted, so `promotion` of a unit is answered by `promotion` bars
 *   only, which no preset gives a unit;
 * - a person loses 评先受奖 (`award`) and 晋职晋级 (`promotion`). Being selected as an advanced
 *   individual (`honour` of a person) is 评先, so it is answered by `award` bars, and by
 *   `comprehensive_honours` bars should a rulebook ever give one to a person.
 * Data, not code: a jurisdiction reading the articles differently edits this table.
 */
export const PURPOSE_BARS: Record<PartyKind, Record<EligibilityPurpose, readonly BarKind[]>> = {
  person: { promotion: ['promotion'], award: ['award'], honour: ['award', 'comprehensive_honours'] },
  unit: { promotion: ['promotion'], award: ['award'], honour: ['comprehensive_honours'] },
};

/**
 * The responsibility roles (post kinds → roles in `responsibility/post-kinds.ts`) each barred party
 * of a window means. 000 arts. 29/31 and 002 name 主要领导干部 (`principal`), 主管领导干部
 * (`responsible`) and 分管领导干部 (`in_charge`):
 * - `principal` → 第一责任人 (`principal`: party secretary and administrative head, 党政同责);
 * - `in_charge` → 直接责任人 (`in_charge`: the deputy in charge, 分管负责人);
 * - `responsible` → 直接责任人 too: the registry has one post kind for the leader in charge of the
 *   work (主管/分管 are not told apart), and the articles bar the leaders of the field, not every
 *   team member (其他责任人, 一岗双责) nor cadres on the ground (具体责任人), so neither is barred.
 */
export const WINDOW_PARTY_ROLES: Record<Exclude<BarredParty, 'unit'>, readonly ResponsibilityRole[]> = {
  principal: ['principal'],
  in_charge: ['in_charge'],
  responsible: ['in_charge'],
};
