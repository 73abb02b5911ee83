import type { Bilingual } from '../../lib/i18n/messages-types';

/** Strings of the inspections area, Chinese first; keys start with 'inspections.'. */
export const inspectionsMessages = {} as const satisfies Record<string, Bilingual>;
