import type { LetterDetail } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { matchTotp } from '../../platform/auth/totp';
import type { AppContext } from '../../platform/context';
import { sm4Decrypt } from '../../platform/crypto';
import { field, invalid } from '../../platform/errors';
import { applyLetterChange, hashOf } from './change-letter';
import { findLetterInScope } from './get-letter';
import { lettersErrors } from './letters.errors';
import {
  findAccountTotp,
  findVersion,
  listSignatures,
  recordSignature,
  useTotpStep,
} from './letters.repository';
import { presentLetterDetail } from './present-letter';

/**
 * A bound signatory confirms the current version with the second factor of their account. The
 * signature records who (person and account), when, and the SM3 of the version's canonical
 * serialisation, recomputed now from the stored text and compared with the hash stored when the
 * version was written. The first signature locks the version for good. The TOTP step is spent, so
 * a code cannot sign twice. Anyone else — not linked to a person, not a pending signatory of this
 * version — is refused (403), and a signatory who already signed gets 409.
 */
export const signLetter = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  totpCode: string,
): Promise<LetterDetail> => {
  const access = getAccess(request);
  const { principal } = access;
  const now = ctx.clock.now();
  const letter = await findLetterInScope(ctx.db, access, id);
  const signatures = await listSignatures(ctx.db, letter.id, letter.currentVersion);
  const mine = principal.personId === null ? [] : signatures.filter((s) => s.personId === principal.personId);
  const denied = async (reason: string) =>
    ctx.audit(ctx.db, request, {
      action: 'letter.signed',
      outcome: 'denied',
      targetType: 'letter',
      targetId: letter.id,
      details: { version: letter.currentVersion, reason },
    });
  if (principal.accountId === null || mine.length === 0) {
    await denied('not_signatory');
    throw lettersErrors.fail('letters.not_signatory');
  }
  if (mine.every((s) => s.signedAt !== null)) throw lettersErrors.fail('letters.already_signed');
  const totp = await findAccountTotp(ctx.db, principal.accountId);
  if (!totp?.enabled || !totp.secretEnc) {
    await denied('totp_not_enrolled');
    throw lettersErrors.fail('letters.totp_not_enrolled');
  }
  const step = matchTotp(sm4Decrypt(ctx.config.secretKey, totp.secretEnc), totpCode, now);
  if (step === null || (totp.lastStep !== null && step <= totp.lastStep)) {
    await ctx.audit(ctx.db, request, {
      action: 'letter.signed',
      outcome: 'failed',
      targetType: 'letter',
      targetId: letter.id,
      details: { version: letter.currentVersion, reason: 'wrong_totp' },
    });
    throw invalid([
      field('body.totpCode', '动态验证码不正确或已使用', 'Wrong or already used one-time code'),
    ]);
  }

  return ctx.db.transaction(async (tx) => {
    const version = (await findVersion(tx, letter.id, letter.currentVersion))!;
    const hash = hashOf(letter, version.version, applyLetterChange(version, {}));
    if (hash !== version.hash) throw lettersErrors.fail('letters.version_tampered');
    if (!(await useTotpStep(tx, principal.accountId!, step)))
      throw invalid([
        field('body.totpCode', '动态验证码不正确或已使用', 'Wrong or already used one-time code'),
      ]);
    if (
      !(await recordSignature(tx, {
        letterId: letter.id,
        version: version.version,
        personId: principal.personId!,
        now,
        by: principal.username,
        accountId: principal.accountId!,
        hash,
      }))
    )
      throw lettersErrors.fail('letters.already_signed');
    await ctx.audit(tx, request, {
      action: 'letter.signed',
      outcome: 'ok',
      targetType: 'letter',
      targetId: letter.id,
      details: {
        version: version.version,
        personId: principal.personId,
        parties: mine.map((s) => s.party),
        hash,
      },
    });
    return presentLetterDetail(tx, await findLetterInScope(tx, access, id));
  });
};
