import { VERSION } from '@zongzhi/server/platform/config';
import { UsageError, reportError } from './cli-errors';
import type { Output } from './output';
import {
  AUDIT_VERIFY_HELP,
  BACKUP_HELP,
  DEMO_HELP,
  RESTORE_HELP,
  START_HELP,
  UNIT_ADD_HELP,
  USER_ADD_HELP,
} from './help';

type Run = (args: string[], io: Output) => Promise<number>;
type Command = { load: () => Promise<Run>; help: string; summary: string };

// Commands load on demand: --help and a mistyped command touch no database code.
const COMMANDS: Record<string, Command> = {
  start: {
    load: async () => (await import('./start')).runStart,
    help: START_HELP,
    summary: '启动服务 / start the server',
  },
  demo: {
    load: async () => (await import('./demo')).runDemo,
    help: DEMO_HELP,
    summary: '向空数据库载入演示县 / load the demo county',
  },
  'unit add': {
    load: async () => (await import('./unit-add')).runUnitAdd,
    help: UNIT_ADD_HELP,
    summary: '创建顶级单位（新装系统）/ create a top-level unit',
  },
  'user add': {
    load: async () => (await import('./user-add')).runUserAdd,
    help: USER_ADD_HELP,
    summary: '创建账号并授予角色 / create an account',
  },
  'audit verify': {
    load: async () => (await import('./audit-verify')).runAuditVerifyCommand,
    help: AUDIT_VERIFY_HELP,
    summary: '校验审计哈希链 / verify the audit chain',
  },
  backup: {
    load: async () => (await import('./backup')).runBackup,
    help: BACKUP_HELP,
    summary: '备份数据库 / back up the database',
  },
  restore: {
    load: async () => (await import('./restore')).runRestore,
    help: RESTORE_HELP,
    summary: '恢复到空数据库 / restore into an empty database',
  },
};

const stdio: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const MAIN_HELP = `综治 Zongzhi ${VERSION} — 社会治安综合治理领导责任制平台 / leadership responsibility platform

用法 / usage: zongzhi <命令 command> [选项 options]

${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`)
  .join('\n')}

  zongzhi <命令> --help 查看命令说明 / shows a command's help.

数据库 / database: 设置 DATABASE_URL 用 PostgreSQL，否则用 $ZONGZHI_DATA_DIR/pglite（默认 ./data）。
  DATABASE_URL selects PostgreSQL; otherwise PGlite in $ZONGZHI_DATA_DIR/pglite (default ./data).
  一个 PGlite 数据目录同一时间只能由一个进程打开 / one process at a time per PGlite data directory.
`;

/** Runs one command line and returns the exit code; `start` only returns when it fails to start. */
export const runCli = async (argv: string[], io: Output = stdio): Promise<number> => {
  try {
    const [first, second] = argv;
    if (!first || first === '--help' || first === '-h' || first === 'help') {
      io.out(MAIN_HELP);
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    const two = second ? `${first} ${second}` : '';
    const name = COMMANDS[two] ? two : COMMANDS[first] ? first : null;
    if (!name) {
      if (first === 'user' || first === 'audit' || first === 'unit') {
        io.out(MAIN_HELP);
        return 2;
      }
      throw new UsageError(`未知命令：${first}`, `Unknown command: ${first}`);
    }
    const command = COMMANDS[name]!;
    const rest = argv.slice(name.split(' ').length);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.help);
      return 0;
    }
    return await (await command.load())(rest, io);
  } catch (error) {
    return reportError(error, io.err);
  }
};

const isEntry =
  import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/src/main.ts');
if (isEntry || process.env.ZONGZHI_CLI_ENTRY === '1') {
  const code = await runCli(process.argv.slice(2));
  // Commands other than start end here; flush and leave even if a driver keeps a handle open.
  process.stdout.write('', () => process.exit(code));
}
