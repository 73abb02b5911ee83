/**
 * 签状率: the share of letters fully signed (every bound signatory of both parties signed the
 * current version), in percent with one decimal; null when there is no letter to sign (a rate of
 * nothing is not 100 %).
 */
export const calculateSigningRate = ({ total, signed }: { total: number; signed: number }): number | null => {
  if (!Number.isInteger(total) || !Number.isInteger(signed) || total < 0 || signed < 0 || signed > total)
    throw new Error(`invalid signing counts ${signed}/${total}`);
  if (total === 0) return null;
  return Math.floor((signed * 1000) / total) / 10;
};

export type LetterSigningState = 'pending' | 'partially_signed' | 'signed';

/** A letter is signed when all its signatories have signed; partially when some have. */
export const decideLetterSigningState = ({
  signatories,
  signed,
}: {
  signatories: number;
  signed: number;
}): LetterSigningState => {
  if (signatories > 0 && signed >= signatories) return 'signed';
  return signed > 0 ? 'partially_signed' : 'pending';
};
