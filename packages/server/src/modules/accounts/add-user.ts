import {
  type Role,
  displayNameSchema,
  passwordInputSchema,
  roleSchema,
  usernameSchema,
} from '@zongzhi/contracts';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { appendAudit } from '../../platform/audit/audit-ledger';
import { generateTotpSecret, totpUri } from '../../platform/auth/totp';
import { sm4Encrypt } from '../../platform/crypto';
import { conflict, field, invalid } from '../../platform/errors';
import { issuesToFieldErrors } from '../../platform/http/problem';
import { accountsErrors } from './accounts.errors';
import { isAdminRole } from './admin-access';
import {
  findCurrentUnitByCode,
  insertAccountRow,
  insertRoleAssignment,
  isUsernameTaken,
  personExists,
  type ScopedUnit,
} from './accounts.repository';
import { preparePassword } from './password-policy';
import { loadSecuritySettings } from './security-settings.repository';

const addUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordInputSchema,
  personId: z.number().int().positive().nullable().optional(),
  roles: z
    .array(z.object({ role: roleSchema, unitCode: z.string().trim().min(1).max(64) }))
    .min(1)
    .max(20),
});
export type AddUserInput = z.input<typeof addUserSchema>;

export type AddUserResult = {
  accountId: number;
  /** The second-factor secret to load into an authenticator app, shown once; null when not required. */
  totp: { secret: string; uri: string } | null;
};

const CLI_ACTOR = { id: null, name: 'cli', role: null };

/**
 * `zongzhi user add`: whoever holds the server's console creates an account with its roles (the
 * way the first administrators come to exist). Same rules as the API: password rules, one
 * administrator role per account, units by their current code. Roles whose holders must use a
 * second factor get a fresh TOTP secret, returned for the operator to enrol at once.
 */
export const addUser = async (
  db: Database,
  secretKey: Buffer,
  raw: AddUserInput,
  options: { now?: Date } = {},
): Promise<AddUserResult> => {
  const parsed = addUserSchema.safeParse(raw);
  if (!parsed.success) throw invalid(issuesToFieldErrors('', parsed.error.issues));
  const input = parsed.data;
  const now = options.now ?? new Date();
  const settings = await loadSecuritySettings(db);

  const adminKinds = new Set(input.roles.map((r) => r.role).filter(isAdminRole));
  if (adminKinds.size > 1)
    throw accountsErrors.fail('accounts.admin_roles_exclusive', [
      field('roles', '三员分立：只能担任一种管理员角色', 'Only one administrator role per account'),
    ]);
  const pairs = input.roles.map((r) => `${r.role}@${r.unitCode}`);
  if (new Set(pairs).size !== pairs.length)
    throw invalid([field('roles', '角色与单位重复', 'A role is listed twice for the same unit')]);
  const units: { role: Role; unit: ScopedUnit }[] = [];
  for (const [i, r] of input.roles.entries()) {
    const unit = await findCurrentUnitByCode(db, r.unitCode);
    if (!unit)
      throw invalid([
        field(
          `roles.${i}.unitCode`,
          `单位代码 ${r.unitCode} 不存在`,
          `No current unit with code ${r.unitCode}`,
        ),
      ]);
    units.push({ role: r.role, unit });
  }
  if (input.personId && !(await personExists(db, input.personId)))
    throw invalid([field('personId', '人员不存在', 'No such person')]);
  if (await isUsernameTaken(db, input.username))
    throw conflict([field('username', '用户名已被使用', 'Username already taken')]);
  const hash = await preparePassword(db, {
    password: input.password,
    username: input.username,
    settings,
    path: 'password',
  });
  const needsTotp = input.roles.some((r) => settings.totpRequiredRoles.includes(r.role));
  const secret = needsTotp ? generateTotpSecret() : null;

  const accountId = await db.transaction(async (tx) => {
    const id = await insertAccountRow(tx, {
      username: input.username,
      displayName: input.displayName,
      personId: input.personId ?? null,
      passwordHash: hash,
      // The console operator chose this password for themselves or hands it over in person.
      mustChangePassword: false,
      totpSecretEnc: secret ? sm4Encrypt(secretKey, secret) : null,
      now,
    });
    await appendAudit(tx, {
      occurredAt: now,
      actor: CLI_ACTOR,
      action: 'account.created',
      outcome: 'ok',
      targetType: 'account',
      targetId: id,
      details: {
        username: input.username,
        displayName: input.displayName,
        personId: input.personId ?? null,
        totpEnrolled: secret !== null,
        via: 'cli',
      },
    });
    for (const { role, unit } of units) {
      const assignmentId = await insertRoleAssignment(tx, {
        accountId: id,
        role,
        unitId: unit.id,
        grantedBy: null,
        now,
      });
      await appendAudit(tx, {
        occurredAt: now,
        actor: CLI_ACTOR,
        action: 'role.granted',
        outcome: 'ok',
        targetType: 'account',
        targetId: id,
        details: {
          username: input.username,
          assignmentId,
          role,
          unitId: unit.id,
          unitName: unit.name,
          via: 'cli',
        },
      });
    }
    return id;
  });
  return { accountId, totp: secret ? { secret, uri: totpUri(secret, input.username) } : null };
};
