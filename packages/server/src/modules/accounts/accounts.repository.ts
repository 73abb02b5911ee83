import type { Account, AccountRole, Role } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';

// Visibility of an account to an administrator: it holds a role somewhere inside the
// administrator's scope, or it holds no role at all yet (a new account must be findable by the
// security administrator who will grant its first role). Roles shown are the in-scope ones.
const VISIBLE = `(NOT EXISTS (SELECT 1 FROM role_assignments r0 WHERE r0.account_id = a.id)
   OR EXISTS (SELECT 1 FROM role_assignments r1 JOIN units u1 ON u1.id = r1.unit_id
               WHERE r1.account_id = a.id AND u1.path LIKE ANY($1::text[])))`;

const ACCOUNT_COLUMNS = `a.id, a.username, a.display_name, a.person_id, a.email, a.disabled, a.totp_enabled,
  a.must_change_password, (a.locked_until IS NOT NULL AND a.locked_until > $2) AS locked,
  COALESCE((SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'unitId', r.unit_id,
                                              'unitName', u.name) ORDER BY r.id)
              FROM role_assignments r JOIN units u ON u.id = r.unit_id
             WHERE r.account_id = a.id AND u.path LIKE ANY($1::text[])), '[]'::json) AS roles`;

type AccountRow = {
  id: number;
  username: string;
  display_name: string;
  person_id: number | null;
  email: string | null;
  disabled: boolean;
  totp_enabled: boolean;
  must_change_password: boolean;
  locked: boolean;
  roles: AccountRole[];
};

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  personId: r.person_id,
  email: r.email,
  disabled: r.disabled,
  locked: r.locked,
  totpEnabled: r.totp_enabled,
  mustChangePassword: r.must_change_password,
  roles: r.roles.map((x) => ({
    id: Number(x.id),
    role: x.role,
    unitId: Number(x.unitId),
    unitName: x.unitName,
  })),
});

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type ListAccountsFilter = {
  scope: string[];
  now: Date;
  q?: string | undefined;
  limit: number;
  offset: number;
};

export const listAccountsInScope = async (db: Queryable, f: ListAccountsFilter) => {
  const text = `($3::text IS NULL OR a.username ILIKE $3 OR a.display_name ILIKE $3)`;
  const q = f.q ? likeText(f.q) : null;
  const rows = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE ${VISIBLE} AND ${text}
      ORDER BY a.username LIMIT $4 OFFSET $5`,
    [f.scope, f.now, q, f.limit, f.offset],
  );
  // $2 (now) is unused by the count but keeps the parameter numbers of the shared fragments.
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM accounts a WHERE ${VISIBLE} AND ${text} AND $2::timestamptz IS NOT NULL`,
    [f.scope, f.now, q],
  );
  return { items: rows.map(toAccount), total: count?.n ?? 0 };
};

export const findAccountInScope = async (db: Queryable, id: number, scope: string[], now: Date) => {
  const [row] = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $3 AND ${VISIBLE}`,
    [scope, now, id],
  );
  return row ? toAccount(row) : null;
};

export type AccountSecrets = {
  id: number;
  username: string;
  passwordHash: string;
  disabled: boolean;
  totpPendingEnc: string | null;
  totpEnabled: boolean;
};

export const getAccountSecrets = async (db: Queryable, id: number): Promise<AccountSecrets | null> => {
  const [r] = await db.query<{
    id: number;
    username: string;
    password_hash: string;
    disabled: boolean;
    totp_pending_enc: string | null;
    totp_enabled: boolean;
  }>(
    'SELECT id, username, password_hash, disabled, totp_pending_enc, totp_enabled FROM accounts WHERE id = $1',
    [id],
  );
  return r
    ? {
        id: r.id,
        username: r.username,
        passwordHash: r.password_hash,
        disabled: r.disabled,
        totpPendingEnc: r.totp_pending_enc,
        totpEnabled: r.totp_enabled,
      }
    : null;
};

export const isUsernameTaken = async (db: Queryable, username: string) =>
  (await db.query('SELECT 1 FROM accounts WHERE lower(username) = lower($1)', [username])).length > 0;

export const personExists = async (db: Queryable, personId: number) =>
  (await db.query('SELECT 1 FROM people WHERE id = $1', [personId])).length > 0;

export type NewAccountRow = {
  username: string;
  displayName: string;
  personId: number | null;
  passwordHash: string;
  mustChangePassword: boolean;
  totpSecretEnc: string | null;
  now: Date;
};

export const insertAccountRow = async (db: Queryable, a: NewAccountRow) => {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO accounts (username, display_name, person_id, password_hash, password_changed_at,
        must_change_password, totp_secret_enc, totp_enabled, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $5, $5) RETURNING id`,
    [
      a.username,
      a.displayName,
      a.personId,
      a.passwordHash,
      a.now,
      a.mustChangePassword,
      a.totpSecretEnc,
      a.totpSecretEnc !== null,
    ],
  );
  return row!.id;
};

export const updateAccountRow = async (
  db: Queryable,
  id: number,
  change: {
    displayName?: string | undefined;
    disabled?: boolean | undefined;
    /** undefined leaves the address, null removes it. */
    email?: string | null | undefined;
    now: Date;
  },
) => {
  await db.query(
    `UPDATE accounts SET display_name = COALESCE($2, display_name), disabled = COALESCE($3, disabled),
       email = CASE WHEN $5::boolean THEN $6::text ELSE email END, updated_at = $4 WHERE id = $1`,
    [
      id,
      change.displayName ?? null,
      change.disabled ?? null,
      change.now,
      change.email !== undefined,
      change.email ?? null,
    ],
  );
};

export const setPasswordHash = async (
  db: Queryable,
  id: number,
  p: { hash: string; mustChange: boolean; now: Date },
) => {
  await db.query(
    `UPDATE accounts SET password_hash = $2, password_changed_at = $3, must_change_password = $4,
       updated_at = $3 WHERE id = $1`,
    [id, p.hash, p.now, p.mustChange],
  );
};

export const revokeSessionsOf = async (db: Queryable, accountId: number, now: Date) => {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL', [
    accountId,
    now,
  ]);
};

/** Clears a lockout; answers whether the account was locked at `now`. */
export const clearLockout = async (db: Queryable, id: number, now: Date) => {
  const [r] = await db.query<{ was_locked: boolean }>(
    `UPDATE accounts a SET failed_attempts = 0, locked_until = NULL, updated_at = $2
       FROM (SELECT id, (locked_until IS NOT NULL AND locked_until > $2) AS was_locked FROM accounts WHERE id = $1) b
      WHERE a.id = b.id RETURNING b.was_locked`,
    [id, now],
  );
  return r?.was_locked ?? false;
};

/** Replaces the active TOTP secret (reset by the security administrator or a confirmed enrolment). */
export const setActiveTotp = async (
  db: Queryable,
  id: number,
  t: { secretEnc: string; lastStep: number | null; now: Date },
) => {
  await db.query(
    `UPDATE accounts SET totp_secret_enc = $2, totp_enabled = true, totp_last_step = $3,
       totp_pending_enc = NULL, updated_at = $4 WHERE id = $1`,
    [id, t.secretEnc, t.lastStep, t.now],
  );
};

export const setPendingTotp = async (db: Queryable, id: number, secretEnc: string, now: Date) => {
  await db.query('UPDATE accounts SET totp_pending_enc = $2, updated_at = $3 WHERE id = $1', [
    id,
    secretEnc,
    now,
  ]);
};

// ---- units and role assignments ----

export type ScopedUnit = { id: number; name: string; path: string };

/** A current unit inside the scope, or null (absent, closed, or outside: the caller answers 404). */
export const findCurrentUnitInScope = async (
  db: Queryable,
  unitId: number,
  scope: string[],
): Promise<ScopedUnit | null> => {
  const [u] = await db.query<ScopedUnit>(
    'SELECT id, name, path FROM units WHERE id = $1 AND valid_to IS NULL AND path LIKE ANY($2::text[])',
    [unitId, scope],
  );
  return u ?? null;
};

export const findCurrentUnitByCode = async (db: Queryable, code: string): Promise<ScopedUnit | null> => {
  const [u] = await db.query<ScopedUnit>(
    'SELECT id, name, path FROM units WHERE code = $1 AND valid_to IS NULL',
    [code],
  );
  return u ?? null;
};

export const listRolesOf = async (db: Queryable, accountId: number) =>
  db.query<{ id: number; role: Role; unit_id: number }>(
    'SELECT id, role, unit_id FROM role_assignments WHERE account_id = $1 ORDER BY id',
    [accountId],
  );

export const insertRoleAssignment = async (
  db: Queryable,
  a: { accountId: number; role: Role; unitId: number; grantedBy: number | null; now: Date },
) => {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO role_assignments (account_id, role, unit_id, granted_by, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [a.accountId, a.role, a.unitId, a.grantedBy, a.now],
  );
  return row!.id;
};

export const findRoleAssignmentInScope = async (
  db: Queryable,
  accountId: number,
  assignmentId: number,
  scope: string[],
) => {
  const [r] = await db.query<{ id: number; role: Role; unit_id: number; unit_name: string }>(
    `SELECT r.id, r.role, r.unit_id, u.name AS unit_name FROM role_assignments r JOIN units u ON u.id = r.unit_id
      WHERE r.id = $1 AND r.account_id = $2 AND u.path LIKE ANY($3::text[])`,
    [assignmentId, accountId, scope],
  );
  return r ? { id: r.id, role: r.role, unitId: r.unit_id, unitName: r.unit_name } : null;
};

export const deleteRoleAssignment = async (db: Queryable, id: number) => {
  await db.query('DELETE FROM role_assignments WHERE id = $1', [id]);
};

/** Enabled accounts other than `exceptAccountId` that hold `role` anywhere. */
export const countOtherEnabledHolders = async (db: Queryable, role: Role, exceptAccountId: number) => {
  const [r] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT a.id) AS n FROM accounts a JOIN role_assignments r ON r.account_id = a.id
      WHERE r.role = $1 AND a.id <> $2 AND NOT a.disabled`,
    [role, exceptAccountId],
  );
  return r?.n ?? 0;
};

// ---- password history ----

export const recentPasswordHashes = async (db: Queryable, accountId: number, count: number) =>
  (
    await db.query<{ password_hash: string }>(
      `SELECT password_hash FROM password_history WHERE account_id = $1
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      [accountId, count],
    )
  ).map((r) => r.password_hash);

export const insertPasswordHistory = async (db: Queryable, accountId: number, hash: string, now: Date) => {
  await db.query('INSERT INTO password_history (account_id, password_hash, created_at) VALUES ($1, $2, $3)', [
    accountId,
    hash,
    now,
  ]);
};
