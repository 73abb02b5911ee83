import type { Queryable } from '../../db/client';
import { checkPasswordRules, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { SecuritySettings } from '../../platform/config';
import { field, invalid } from '../../platform/errors';
import { accountsErrors } from './accounts.errors';
import { insertPasswordHistory, recentPasswordHashes } from './accounts.repository';

/** A new password may repeat none of the account's last five (the current one included). */
export const PASSWORD_HISTORY_DEPTH = 5;

export type PreparePasswordInput = {
  password: string;
  username: string;
  settings: Pick<SecuritySettings, 'passwordMinLength'>;
  /** The field the password came in, for the error's path. */
  path: string;
  /** An existing account whose history the password must not repeat. */
  account?: { id: number; currentHash: string };
};

/** Checks the rules (and, for an existing account, the history); returns the hash to store. */
export const preparePassword = async (q: Queryable, input: PreparePasswordInput) => {
  const problems = checkPasswordRules(input.password, input.username, input.settings, input.path);
  if (problems.length > 0) throw invalid(problems);
  if (input.account) {
    const previous = new Set([
      input.account.currentHash,
      ...(await recentPasswordHashes(q, input.account.id, PASSWORD_HISTORY_DEPTH - 1)),
    ]);
    for (const hash of previous)
      if (await verifyPassword(hash, input.password))
        throw accountsErrors.fail('accounts.password_reused', [
          field(
            input.path,
            `不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同`,
            `Must differ from the last ${PASSWORD_HISTORY_DEPTH} passwords`,
          ),
        ]);
  }
  return hashPassword(input.password);
};

/**
 * Keeps the hash of a password being replaced, so that it cannot come back soon. The current
 * password lives in accounts.password_hash; the history holds the ones before it.
 */
export const retirePassword = (q: Queryable, accountId: number, oldHash: string, now: Date) =>
  insertPasswordHistory(q, accountId, oldHash, now);
