import type { INSPECTING_BODIES, INSPECTION_KINDS } from '../rulebook/rulebook.schema';

export type InspectionKindId = (typeof INSPECTION_KINDS)[number];
export type InspectingBody = (typeof INSPECTING_BODIES)[number];

/**
 * Whether a kind is carried out by the unit on itself (自检): the unit's liaison may then plan it,
 * record findings and accept its own rectifications; every other kind is the office's or the
 * committee's, over units below the inspecting unit.
 */
export const isSelfInspection = (body: InspectingBody) => body === 'unit_itself';
