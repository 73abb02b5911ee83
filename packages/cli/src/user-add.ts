import { parseArgs } from 'node:util';
import { ADMIN_ROLES, type Role, roleSchema } from '@zongzhi/contracts';
import { addUser } from '@zongzhi/server/modules/accounts/add-user';
import { chainPendingAudit } from '@zongzhi/server/platform/audit/audit-ledger';
import { UsageError } from './cli-errors';
import { type Output, openCommandDatabase, requireSecretKey } from './command-database';
import { readSecret } from './prompt';

export const runUserAdd = async (args: string[], io: Output): Promise<number> => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      unit: { type: 'string', multiple: true },
      password: { type: 'string' },
      'person-id': { type: 'string' },
    },
  });
  const roles = values.role ?? [];
  const units = values.unit ?? [];
  if (!values.username || roles.length === 0 || units.length === 0)
    throw new UsageError('须给出 --username、--role 和 --unit', '--username, --role and --unit are required');
  if (roles.length !== units.length)
    throw new UsageError('--role 与 --unit 的个数须相同', 'give as many --unit as --role');
  for (const r of roles)
    if (!roleSchema.safeParse(r).success) throw new UsageError(`未知角色：${r}`, `unknown role: ${r}`);
  const personId = values['person-id'] ? Number(values['person-id']) : null;
  if (personId !== null && !Number.isInteger(personId))
    throw new UsageError('--person-id 须为整数', '--person-id must be an integer');

  const c = await openCommandDatabase('user add', io);
  try {
    const secretKey = requireSecretKey(c);
    const password = values.password ?? (await readSecret('密码 / Password: '));
    const result = await addUser(c.db, secretKey, {
      username: values.username,
      displayName: values.name ?? values.username,
      password,
      personId,
      roles: roles.map((role, i) => ({ role: role as Role, unitCode: units[i]! })),
    });
    // Link the new audit records now rather than at the server's next request.
    await chainPendingAudit(c.db);
    io.out(
      `已创建账号 / Account created: ${values.username} (id ${result.accountId})，角色 / roles: ${roles.join(', ')}\n`,
    );
    if (result.totp) {
      io.out(
        `\n管理员须用 TOTP 登录，请将密钥加入验证器应用（只显示这一次）/ Administrators log in with TOTP; add this secret to an authenticator app (shown once):\n` +
          `  TOTP 密钥 / secret: ${result.totp.secret}\n  otpauth URI: ${result.totp.uri}\n`,
      );
    } else if (roles.some((r) => (ADMIN_ROLES as readonly string[]).includes(r)))
      io.out('（安全设置未要求此角色使用 TOTP / security settings do not require TOTP for this role）\n');
    return 0;
  } finally {
    await c.close();
  }
};
