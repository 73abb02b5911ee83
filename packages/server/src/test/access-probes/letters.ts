import type { AreaProbeFactory } from './kit';

/** Probes of the letters routes (every route of the area needs one). */
export const lettersProbes: AreaProbeFactory = (_kit) => ({ probes: {}, tables: [] });
