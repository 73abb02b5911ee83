import { parseArgs } from 'node:util';
import { runAuditVerify } from '@zongzhi/server/platform/audit/verify-audit';
import { type Output, openCommandDatabase } from './command-database';

export const runAuditVerifyCommand = async (args: string[], io: Output): Promise<number> => {
  parseArgs({ args, options: {}, strict: true });
  const c = await openCommandDatabase('audit verify', io);
  try {
    return await runAuditVerify(c.db, { write: io.out });
  } finally {
    await c.close();
  }
};
