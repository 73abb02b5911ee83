import { accountabilityProbes } from './accountability';
import { archivesProbes } from './archives';
import { assessmentProbes } from './assessment';
import { documentsProbes } from './documents';
import { eligibilityProbes } from './eligibility';
import { inspectionsProbes } from './inspections';
import type { AreaProbeFactory } from './kit';
import { lettersProbes } from './letters';
import { rewardsProbes } from './rewards';

/** Areas whose probes live in their own file; the core areas' probes are in access-matrix.test.ts. */
export const AREA_PROBES: AreaProbeFactory[] = [
  lettersProbes,
  inspectionsProbes,
  accountabilityProbes,
  eligibilityProbes,
  documentsProbes,
  assessmentProbes,
  rewardsProbes,
  archivesProbes,
];
