import type { LetterDetail } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { type LetterChange, applyLetterChange, hashOf, mapImmutableVersionError } from './change-letter';
import { findLetterInScope } from './get-letter';
import { checkTargets } from './letter-content';
import { assertMayIssueFor } from './letters-access';
import { lettersErrors } from './letters.errors';
import { findVersion, replaceLetterVersionContent } from './letters.repository';
import { presentLetterDetail } from './present-letter';

/**
 * Edits the current version in place while nobody has signed it (a correction before signing).
 * Once anyone has signed, the version is locked: 409 for every role, and the database refuses too.
 */
export const editLetter = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  change: LetterChange,
): Promise<LetterDetail> => {
  const access = getAccess(request);
  return ctx.db
    .transaction(async (tx) => {
      const letter = await findLetterInScope(tx, access, id);
      const current = (await findVersion(tx, letter.id, letter.currentVersion))!;
      if (current.locked) throw lettersErrors.fail('letters.version_signed');
      assertMayIssueFor(access.grants, { id: letter.issuerUnitId, path: letter.issuerPath });
      const text = applyLetterChange(current, change);
      const errors = checkTargets(text.targets, 'body.targets');
      if (errors.length > 0) throw invalid(errors);
      const hash = hashOf(letter, current.version, text);
      await replaceLetterVersionContent(tx, letter.id, current.version, { ...text, hash });
      await ctx.audit(tx, request, {
        action: 'letter.edited',
        outcome: 'ok',
        targetType: 'letter',
        targetId: letter.id,
        details: { version: current.version, fields: Object.keys(change), hash },
      });
      return presentLetterDetail(tx, (await findLetterInScope(tx, access, id))!);
    })
    .catch(mapImmutableVersionError);
};
