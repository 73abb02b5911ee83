import type { Role } from '@zongzhi/contracts';

// Who may call what (issue 6 §3): rounds and rewards are read by those who follow a jurisdiction's
// work; the 综治办's operator opens rounds, proposes individuals and records the decision.
export const REWARD_READERS = ['operator', 'liaison', 'leader', 'orgdept'] as const satisfies readonly Role[];
export const REWARD_WRITERS = ['operator'] as const satisfies readonly Role[];
