import type { LetterDetail, LetterSummary } from '@zongzhi/contracts';
import { decideLetterSigningState } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { type LetterRow, findVersion, listSignatures, listVersions } from './letters.repository';

export const presentLetterSummary = (l: LetterRow): LetterSummary => ({
  id: l.id,
  batchId: l.batchId,
  year: l.year,
  relationshipId: l.relationshipId,
  issuerUnitId: l.issuerUnitId,
  issuerUnitName: l.issuerUnitName,
  recipientUnitId: l.recipientUnitId,
  recipientUnitName: l.recipientUnitName,
  recipientUnitKind: l.recipientUnitKind,
  title: l.title,
  issueDate: l.issueDate,
  currentVersion: l.currentVersion,
  status: decideLetterSigningState({ signatories: l.signatoryCount, signed: l.signedCount }),
  signedCount: l.signedCount,
  signatoryCount: l.signatoryCount,
  awaitingMe: l.awaitingMe,
});

export const presentLetterDetail = async (q: Queryable, l: LetterRow): Promise<LetterDetail> => {
  const version = (await findVersion(q, l.id, l.currentVersion))!;
  return {
    ...presentLetterSummary(l),
    parentLetterId: l.parentLetterId,
    version,
    signatures: (await listSignatures(q, l.id, l.currentVersion)).map((s) => ({
      ...s,
      role: s.role as LetterDetail['signatures'][number]['role'],
    })),
    versions: await listVersions(q, l.id),
  };
};
