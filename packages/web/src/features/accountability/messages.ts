import type { Bilingual } from '../../lib/i18n/messages-types';

/** Strings of the accountability area, Chinese first; keys start with 'accountability.'. */
export const accountabilityMessages = {} as const satisfies Record<string, Bilingual>;
