import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { VERSION } from '@zongzhi/server/platform/config';
import { configFor, startServer } from '@zongzhi/server/main';
import { type Output, countUnits, openCommandDatabase } from './command-database';
import { loadDemo } from './demo';
import { askYesNo } from './prompt';

export const runStart = async (args: string[], io: Output): Promise<number> => {
  const { values } = parseArgs({ args, options: { 'offer-demo': { type: 'boolean' } }, strict: true });
  const c = await openCommandDatabase('start', io);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;

  // Handlers go in before anything is announced: a signal that arrived between printing the URL
  // and installing them would kill the process outright and leave the lock behind.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      io.err('强制退出 / Forced exit.\n');
      process.exit(1);
    }
    stopping = true;
    io.out(`收到 ${signal}，正在停止 / Received ${signal}, stopping…\n`);
    let code = 0;
    try {
      if (server) {
        await server.app.close();
        await server.ctx.chainer.flush();
      }
    } catch (error) {
      io.err(`停止时出错 / Error while stopping: ${String(error)}\n`);
      code = 1;
    }
    await c.close().catch(() => {
      code = 1;
    });
    io.out('已停止 / Stopped.\n');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    if ((await countUnits(c.db)) === 0) {
      const load =
        values['offer-demo'] &&
        (!process.stdin.isTTY ||
          (await askYesNo(
            '数据库为空，是否载入演示数据？/ Database is empty, load the demo county? [Y/n]',
            true,
          )));
      if (load && !c.secretKey)
        io.err(
          '未载入演示数据：使用 PostgreSQL 时须先设置 ZONGZHI_SECRET_KEY（32 位十六进制）。\n' +
            'Demo not loaded: with PostgreSQL, set ZONGZHI_SECRET_KEY (32 hex digits) first.\n',
        );
      else if (load) await loadDemo(c, io);
      else
        io.out(
          '数据库为空。试用：zongzhi demo 载入演示县；正式使用：zongzhi unit add 建立根单位，再用 zongzhi user add 创建第一个管理员。\n' +
            'The database is empty. To try it: zongzhi demo loads the demo county. For real use: zongzhi unit add creates the root unit, then zongzhi user add the first administrator.\n',
        );
    }
    if (!c.secretKey)
      io.err(
        '警告：未设置 ZONGZHI_SECRET_KEY，本次使用临时密钥，重启后已登记的 TOTP 将无法使用。\n' +
          'Warning: ZONGZHI_SECRET_KEY is not set; a temporary key is used and enrolled TOTP stops working after a restart.\n',
      );
    const config = configFor(c.env);
    server = await startServer(c.env, c.db, c.secretKey ? { ...config, secretKey: c.secretKey } : config);
  } catch (error) {
    await c.close();
    throw error;
  }

  const address = server.app.server.address() as AddressInfo;
  const host = ['0.0.0.0', '::', ''].includes(c.env.host) ? 'localhost' : c.env.host;
  io.out(
    `综治 Zongzhi ${VERSION} 已启动 / is running: http://${host}:${address.port}\n` +
      `数据库 / database: ${c.describe}\n按 Ctrl+C 停止 / Press Ctrl+C to stop.\n`,
  );
  // Keeps running until a signal arrives.
  return new Promise<number>(() => undefined);
};
