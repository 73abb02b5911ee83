import type { EditLetterRequest } from '@zongzhi/contracts';
import type { LetterTarget } from '@zongzhi/domain';
import { lettersErrors } from './letters.errors';
import type { LetterRow, VersionRow } from './letters.repository';
import { hashLetterVersion } from './letter-content';

export type LetterChange = Omit<EditLetterRequest, 'targets'> & { targets?: LetterTarget[] | undefined };

/** The text of a version after a change: fields not given keep their value. */
export const applyLetterChange = (current: VersionRow, change: LetterChange) => ({
  title: change.title ?? current.title,
  preamble: change.preamble ?? current.preamble,
  responsibilities: change.responsibilities ?? current.responsibilities,
  targets: change.targets ?? current.targets,
});

export const hashOf = (letter: LetterRow, version: number, text: ReturnType<typeof applyLetterChange>) =>
  hashLetterVersion({
    letterId: letter.id,
    version,
    year: letter.year,
    issuer: { unitId: letter.issuerUnitId, name: letter.issuerUnitName },
    recipient: { unitId: letter.recipientUnitId, name: letter.recipientUnitName },
    issueDate: letter.issueDate,
    ...text,
  });

/**
 * The database refuses any change to a signed version (trigger, SQLSTATE 42501); should a
 * signature land between our check and our write, that refusal becomes the same 409.
 */
export const mapImmutableVersionError = (error: unknown): never => {
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42501')
    throw lettersErrors.fail('letters.version_signed');
  throw error;
};
