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
  activity: '本年度工作 / this year’s activity',
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
  const a = result.activity;
  if (a)
    io.out(
      `本年度演示工作（以 ${a.today} 为今天）：${a.counts.rectificationTasks} 项整改任务、${a.counts.letters} 份责任书（签状率 ${a.counts.signingRate}%）、` +
        `${a.counts.accountabilityCases} 起追责案件（${a.counts.pendingProposals} 条待决定建议）、${a.counts.documents} 份公文\n` +
        `This year's demo activity (today = ${a.today}): ${a.counts.rectificationTasks} rectification tasks, ${a.counts.letters} letters ` +
        `(${a.counts.signingRate}% signed), ${a.counts.accountabilityCases} accountability cases (${a.counts.pendingProposals} proposals pending), ` +
        `${a.counts.documents} official documents\n\n`,
    );
  else if (result.activityError)
    io.err(
      `未能生成本年度演示工作，演示县已载入但不含检查、责任书和追责数据：${result.activityError}\n` +
        `This year's demo activity could not be written; the county loaded without inspections, letters and cases: ${result.activityError}\n\n`,
    );
  const assessed = a?.assessment;
  if (assessed)
    io.out(
      `考核评价：${assessed.year.periodKey} 年度考核已关闭（${assessed.year.failingTownCodes.length} 个单位不合格）、${assessed.monthPeriodIds.length} 个月的月比已计算、表彰 ${assessed.rewards} 项、述职报告 1 份\n` +
        `Assessment: the ${assessed.year.periodKey} evaluation is closed (${assessed.year.failingTownCodes.length} failing), ${assessed.monthPeriodIds.length} monthly rankings computed, ${assessed.rewards} rewards, 1 duty report\n\n`,
    );
  else if (a?.assessmentError)
    io.err(
      `未能生成考核评价演示数据：${a.assessmentError}\nThe demo assessment could not be written: ${a.assessmentError}\n\n`,
    );
  io.out(`演示账号 / Demo accounts (docs/demo-accounts.md):\n\n${formatDemoAccounts(result.accounts)}\n\n`);
  io.out(
    '管理员（三员）和 leader 登录需 TOTP（leader 签署责任书也要用它）：将上表密钥加入验证器应用（如 Google Authenticator）。演示数据仅供试用，切勿存放真实数据。\n' +
      'Administrators and leader log in with TOTP (leader also signs letters with it): add the secret above to an authenticator app. Demo data is for trying the product, never for real data.\n',
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
