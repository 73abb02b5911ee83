import { accountabilityProbes } from './accountability';
import { assessmentProbes } from './assessment';
import { documentsProbes } from './documents';
import { eligibilityProbes } from './eligibility';
import { inspectionsProbes } from './inspections';
import type { AreaProbeFactory } from './kit';
import { lettersProbes } from './letters';

/** Areas whose probes live in their own file; the core areas' probes are in access-matrix.test.ts. */
export const AREA_PROBES: AreaProbeFactory[] = [
  lettersProbes,
  inspectionsProbes,
  accountabilityProbes,
  eligibilityProbes,
  documentsProbes,
  assessmentProbes,
];
