import { readEnvironment, startServer } from '@zongzhi/server/main';

const [command = 'start'] = process.argv.slice(2);

const main = async () => {
  switch (command) {
    case 'start': {
      await startServer(readEnvironment());
      return;
    }
    default:
      console.error(`未知命令 / unknown command: ${command}`);
      process.exitCode = 2;
  }
};

await main();
