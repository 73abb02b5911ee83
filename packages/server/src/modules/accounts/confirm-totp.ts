import type { ConfirmTotpRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { matchTotp } from '../../platform/auth/totp';
import type { AppContext } from '../../platform/context';
import { sm4Decrypt } from '../../platform/crypto';
import { field, invalid, notFound } from '../../platform/errors';
import { accountsErrors } from './accounts.errors';
import { getAccountSecrets, setActiveTotp } from './accounts.repository';

/** Completes enrolment: a code from the pending secret turns the second factor on for every later login. */
export const confirmTotp = async (ctx: AppContext, request: FastifyRequest, input: ConfirmTotpRequest) => {
  const { principal } = getAccess(request);
  if (principal.kind !== 'session' || principal.accountId === null)
    throw accountsErrors.fail('accounts.session_only');
  const account = await getAccountSecrets(ctx.db, principal.accountId);
  if (!account) throw notFound();
  const pending = account.totpPendingEnc;
  if (!pending) throw accountsErrors.fail('accounts.totp_not_started');
  const now = ctx.clock.now();
  const step = matchTotp(sm4Decrypt(ctx.config.secretKey, pending), input.code, now);
  if (step === null) {
    await ctx.audit(ctx.db, request, {
      action: 'totp.enrolled',
      outcome: 'failed',
      targetType: 'account',
      targetId: account.id,
      details: { reason: 'wrong_code' },
    });
    throw invalid([field('body.code', '动态验证码不正确', 'Wrong one-time code')]);
  }
  await ctx.db.transaction(async (tx) => {
    // The confirming code counts as used: it cannot log in a second time.
    await setActiveTotp(tx, account.id, { secretEnc: pending, lastStep: step, now });
    await ctx.audit(tx, request, {
      action: 'totp.enrolled',
      outcome: 'ok',
      targetType: 'account',
      targetId: account.id,
    });
  });
};
