import type { Bilingual } from '../../lib/i18n/messages-types';

/** Strings of the letters area, Chinese first; keys start with 'letters.'. */
export const lettersMessages = {} as const satisfies Record<string, Bilingual>;
