import type { LetterCascade } from '@zongzhi/contracts';
import { checkCascade } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { Access } from '../../platform/auth/principal';
import { findLetterInScope } from './get-letter';
import { listChildLetters, listCurrentTargets } from './letters.repository';

/** The letter's targets against the letters its recipient issued the same year (分解 per child). */
export const getLetterCascade = async (q: Queryable, access: Access, id: number): Promise<LetterCascade> => {
  const letter = await findLetterInScope(q, access, id);
  const children = await listChildLetters(q, letter);
  const targets = await listCurrentTargets(q, [letter.id, ...children.map((c) => c.id)]);
  const gaps = checkCascade({
    parentTargets: targets.get(letter.id) ?? [],
    children: children.map((c) => ({ id: c.id, targets: targets.get(c.id) ?? [] })),
  });
  return {
    letterId: letter.id,
    children: children.map((c) => ({
      letterId: c.id,
      recipientUnitId: c.recipientUnitId,
      recipientUnitName: c.recipientUnitName,
      gaps: gaps.get(c.id) ?? [],
    })),
  };
};
