import type { AreaProbeFactory } from './kit';

/** Probes of the documents routes (every route of the area needs one). */
export const documentsProbes: AreaProbeFactory = (_kit) => ({ probes: {}, tables: [] });
