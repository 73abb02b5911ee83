/** Wrong command line: exit code 2 after the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = 'UsageError';
  }
}

/** A refusal the user can act on: the message alone, exit code 1. */
export class CommandError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = 'CommandError';
  }
}

// Recognised by name, so that printing an error loads none of the modules that throw them.
const REFUSALS = new Set([
  'CommandError',
  'DataDirLockedError',
  'DemoNotEmptyError',
  'BackupArchiveError',
  'RestoreRefusedError',
  'ConfigurationError',
]);

type AppErrorLike = Error & {
  bilingual: { zh: string; en: string };
  fields: { path: string; message: { zh: string; en: string } }[];
};
const isAppError = (e: unknown): e is AppErrorLike =>
  e instanceof Error && 'bilingual' in e && 'fields' in e && Array.isArray((e as AppErrorLike).fields);

/** The exit code for an error, after printing what the user needs to read. */
export const reportError = (error: unknown, write: (text: string) => void): number => {
  if (error instanceof UsageError) {
    write(`${error.message}\n运行 zongzhi --help 查看用法 / Run zongzhi --help for usage.\n`);
    return 2;
  }
  if (error instanceof Error && REFUSALS.has(error.name)) {
    write(`${error.message}\n`);
    return 1;
  }
  if (isAppError(error)) {
    write(`${error.bilingual.zh} / ${error.bilingual.en}\n`);
    for (const f of error.fields) write(`  ${f.path}: ${f.message.zh} / ${f.message.en}\n`);
    return 1;
  }
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    write(
      `参数有误 / Invalid arguments: ${error.message}\n运行 zongzhi --help 查看用法 / Run zongzhi --help for usage.\n`,
    );
    return 2;
  }
  write(`出错了 / Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
};
