import type { AreaProbeFactory } from './kit';

/** Probes of the eligibility routes (every route of the area needs one). */
export const eligibilityProbes: AreaProbeFactory = (_kit) => ({ probes: {}, tables: [] });
