import type { LetterDetail } from '@zongzhi/contracts';
import { diffLetterVersions, toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { bindSignatories, hasSignatory } from './bind-signatories';
import { type LetterChange, applyLetterChange, hashOf } from './change-letter';
import { findLetterInScope } from './get-letter';
import { checkTargets } from './letter-content';
import { loadLetterRules } from './letter-rules';
import { assertMayIssueFor } from './letters-access';
import { lettersErrors } from './letters.errors';
import { findUnit, findVersion, insertLetterVersion, setCurrentVersion } from './letters.repository';
import { presentLetterDetail } from './present-letter';

/**
 * An amendment (修订): version n+1 with a reason. The signed version stays as it was; the new one
 * binds the parties' signatories as of today and must be signed again by all of them.
 */
export const amendLetter = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  change: LetterChange & { reason: string },
): Promise<LetterDetail> => {
  const access = getAccess(request);
  const now = ctx.clock.now();
  const today = toChinaDate(now);
  return ctx.db.transaction(async (tx) => {
    const letter = await findLetterInScope(tx, access, id);
    assertMayIssueFor(access.grants, { id: letter.issuerUnitId, path: letter.issuerPath });
    const current = (await findVersion(tx, letter.id, letter.currentVersion))!;
    const { reason, ...rest } = change;
    const text = applyLetterChange(current, rest);
    const errors = checkTargets(text.targets, 'body.targets');
    if (errors.length > 0) throw invalid(errors);
    const issuer = (await findUnit(tx, letter.issuerUnitId))!;
    const { rules } = await loadLetterRules(tx, issuer, now);
    const issuerSigners = (
      await bindSignatories(tx, [letter.issuerUnitId], today, rules.signatories.issuer)
    ).get(letter.issuerUnitId);
    const recipientSigners = (
      await bindSignatories(tx, [letter.recipientUnitId], today, rules.signatories.recipient)
    ).get(letter.recipientUnitId);
    if (!hasSignatory(issuerSigners)) throw lettersErrors.fail('letters.issuer_without_principal');
    if (!hasSignatory(recipientSigners)) throw lettersErrors.fail('letters.recipient_without_principal');
    const version = current.version + 1;
    const hash = hashOf(letter, version, text);
    await insertLetterVersion(tx, letter.id, version, {
      ...text,
      reason,
      hash,
      now,
      by: access.principal.username,
      signatories: [
        ...issuerSigners!.map((p) => ({ ...p, party: 'issuer' as const, personName: p.name })),
        ...recipientSigners!.map((p) => ({ ...p, party: 'recipient' as const, personName: p.name })),
      ],
    });
    await setCurrentVersion(tx, letter.id, version);
    const diff = diffLetterVersions({ before: current, after: text });
    await ctx.audit(tx, request, {
      action: 'letter.amended',
      outcome: 'ok',
      targetType: 'letter',
      targetId: letter.id,
      details: {
        from: current.version,
        to: version,
        reason,
        hash,
        added: diff.added.map((t) => t.key),
        removed: diff.removed.map((t) => t.key),
        changed: diff.changed.map((c) => c.key),
      },
    });
    return presentLetterDetail(tx, await findLetterInScope(tx, access, id));
  });
};
