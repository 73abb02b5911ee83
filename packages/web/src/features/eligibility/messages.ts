import type { Bilingual } from '../../lib/i18n/messages-types';

/** Strings of the eligibility area, Chinese first; keys start with 'eligibility.'. */
export const eligibilityMessages = {} as const satisfies Record<string, Bilingual>;
