import { parseArgs } from 'node:util';
import {
  DemoNotEmptyError,
  type DemoProgress,
  generateDemo,
} from '@zongzhi/server/fixtures/demo/generate-demo';
import { formatDemoAccounts } from '@zongzhi/server/fixtures/demo/demo-accounts';
import {
  type CommandDatabase,
  type Output,
  countUnits,
  openCommandDatabase,
  requireSecretKey,
} from './command-database';

const STEP_NAMES: Record<DemoProgress['step'], string> = {
  units: '单位 / units',
  people: '人员 / people',
  posts: '任职 / posts',
  accounts: '账号 / accounts',
};

/** Loads the demo county into an open database and prints the accounts; shared with `start`. */
export const loadDemo = async (c: CommandDatabase, io: Output) => {
  const secretKey = requireSecretKey(c);
  io.out(`正在载入演示县 / Loading the demo county into ${c.describe}…\n`);
  const started = Date.now();
  const result = await generateDemo(c.db, {
    secretKey,
    now: new Date(),
    onProgress: (p) => {
      if (p.step !== 'accounts' || p.done === p.total)
        io.out(
          `  ${STEP_NAMES[p.step]} ${p.done}/${p.total}  ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
        );
    },
  });
  const s = ((Date.now() - started) / 1000).toFixed(1);
  io.out(
    `演示数据已载入（${s} 秒）：${result.counts.units} 个单位、${result.counts.people} 人、${result.counts.posts} 条任职\n` +
      `Demo county loaded in ${s}s: ${result.counts.units} units, ${result.counts.people} people, ${result.counts.posts} posts\n\n`,
  );
  io.out(`演示账号 / Demo accounts (docs/demo-accounts.md):\n\n${formatDemoAccounts(result.accounts)}\n\n`);
  io.out(
    '管理员（三员）登录需 TOTP：将上表密钥加入验证器应用（如 Google Authenticator）。演示数据仅供试用，切勿存放真实数据。\n' +
      'Administrators log in with TOTP: add the secret above to an authenticator app. Demo data is for trying the product, never for real data.\n',
  );
  return result;
};

export const runDemo = async (args: string[], io: Output): Promise<number> => {
  parseArgs({ args, options: {}, strict: true });
  const c = await openCommandDatabase('demo', io);
  try {
    const units = await countUnits(c.db);
    if (units > 0) throw new DemoNotEmptyError(units);
    await loadDemo(c, io);
    return 0;
  } finally {
    await c.close();
  }
};
