import type { Role } from '@zongzhi/contracts';
import type { AppContext } from '../../platform/context';
import { appendAudit } from '../../platform/audit/audit-ledger';
import { loadGrants } from '../../platform/auth/authenticate';
import { verifyPassword } from '../../platform/auth/passwords';
import { matchTotp } from '../../platform/auth/totp';
import { randomToken, sha256, sm4Decrypt } from '../../platform/crypto';
import type { RoleGrant } from '../../platform/auth/principal';
import { authErrors } from './auth.errors';

export type LoginInput = {
  username: string;
  password: string;
  totp?: string | undefined;
  ip: string;
  userAgent?: string;
  requestId: string;
};

export type LoginResult = {
  token: string;
  csrfToken: string;
  account: { id: number; username: string; displayName: string; personId: number | null };
  grants: RoleGrant[];
  passwordExpired: boolean;
};

type AccountRow = {
  id: number;
  username: string;
  display_name: string;
  person_id: number | null;
  password_hash: string;
  password_changed_at: Date;
  must_change_password: boolean;
  totp_secret_enc: string | null;
  totp_enabled: boolean;
  totp_last_step: number | null;
  failed_attempts: number;
  locked_until: Date | null;
  disabled: boolean;
};

/**
 * Password, then (for administrators or anyone enrolled) TOTP. Each failure counts toward the
 * lockout; reaching the threshold locks the account for the configured minutes. Every outcome
 * is audited. Unknown user and wrong password answer the same.
 */
export const login = async (ctx: AppContext, input: LoginInput): Promise<LoginResult> => {
  const now = ctx.clock.now();
  const security = ctx.security();
  const audit = (
    action: string,
    outcome: 'ok' | 'denied' | 'failed',
    account: AccountRow | undefined,
    details = {},
  ) =>
    appendAudit(ctx.db, {
      occurredAt: now,
      actor: { id: account?.id ?? null, name: account?.username ?? input.username, role: null },
      action,
      outcome,
      targetType: 'account',
      targetId: account?.id ?? null,
      ip: input.ip,
      requestId: input.requestId,
      details,
    });
  const [account] = await ctx.db.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [
    input.username,
  ]);
  if (!account || account.disabled) {
    await audit('security.login', 'failed', account, { reason: account ? 'disabled' : 'unknown_user' });
    throw authErrors.fail('auth.invalid_credentials');
  }
  if (account.locked_until && account.locked_until > now) {
    await audit('security.login', 'denied', account, {
      reason: 'locked',
      lockedUntil: account.locked_until.toISOString(),
    });
    throw authErrors.fail('auth.locked');
  }
  const failAttempt = async (reason: string) => {
    const attempts = account.failed_attempts + 1;
    if (attempts >= security.lockoutThreshold) {
      const until = new Date(now.getTime() + security.lockoutMinutes * 60_000);
      await ctx.db.query('UPDATE accounts SET failed_attempts = 0, locked_until = $2 WHERE id = $1', [
        account.id,
        until,
      ]);
      await audit('security.login', 'failed', account, { reason });
      await audit('security.lockout', 'ok', account, { lockedUntil: until.toISOString(), attempts });
      throw authErrors.fail('auth.locked');
    }
    await ctx.db.query('UPDATE accounts SET failed_attempts = $2 WHERE id = $1', [account.id, attempts]);
    await audit('security.login', 'failed', account, { reason, attempts });
  };
  if (!(await verifyPassword(account.password_hash, input.password))) {
    await failAttempt('wrong_password');
    throw authErrors.fail('auth.invalid_credentials');
  }
  const grants = await loadGrants(ctx.db, account.id);
  const needsTotp =
    account.totp_enabled ||
    grants.some((g) => (security.totpRequiredRoles as readonly Role[]).includes(g.role));
  let totpStepUsed: number | null = null;
  if (needsTotp) {
    if (!account.totp_enabled || !account.totp_secret_enc) {
      await audit('security.login', 'denied', account, { reason: 'totp_not_enrolled' });
      throw authErrors.fail('auth.totp_not_enrolled');
    }
    if (!input.totp) throw authErrors.fail('auth.totp_required');
    const secret = sm4Decrypt(ctx.config.secretKey, account.totp_secret_enc);
    totpStepUsed = matchTotp(secret, input.totp, now);
    if (
      totpStepUsed === null ||
      (account.totp_last_step !== null && totpStepUsed <= account.totp_last_step)
    ) {
      await failAttempt('wrong_totp');
      throw authErrors.fail('auth.totp_invalid');
    }
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      'UPDATE accounts SET failed_attempts = 0, locked_until = NULL, totp_last_step = COALESCE($2, totp_last_step) WHERE id = $1',
      [account.id, totpStepUsed],
    );
    await tx.query(
      `INSERT INTO sessions (id, account_id, csrf_token, created_at, last_seen_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [sha256(token), account.id, csrfToken, now, input.ip, input.userAgent ?? null],
    );
    await appendAudit(tx, {
      occurredAt: now,
      actor: { id: account.id, name: account.username, role: grants[0]?.role ?? null },
      action: 'security.login',
      outcome: 'ok',
      targetType: 'account',
      targetId: account.id,
      ip: input.ip,
      requestId: input.requestId,
      details: { secondFactor: needsTotp },
    });
  });
  const ageDays = (now.getTime() - account.password_changed_at.getTime()) / 86_400_000;
  return {
    token,
    csrfToken,
    account: {
      id: account.id,
      username: account.username,
      displayName: account.display_name,
      personId: account.person_id,
    },
    grants,
    passwordExpired: account.must_change_password || ageDays > security.passwordMaxAgeDays,
  };
};
