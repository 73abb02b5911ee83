import type { AreaProbeFactory } from './kit';

/** Probes of the accountability routes (every route of the area needs one). */
export const accountabilityProbes: AreaProbeFactory = (_kit) => ({ probes: {}, tables: [] });
