import type { AreaProbeFactory } from './kit';

/** Probes of the inspections routes (every route of the area needs one). */
export const inspectionsProbes: AreaProbeFactory = (_kit) => ({ probes: {}, tables: [] });
