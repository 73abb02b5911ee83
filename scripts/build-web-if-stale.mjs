// Builds the web app when packages/web/dist is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const web = 'packages/web';
const dist = join(web, 'dist/index.html');
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
if (!existsSync(join(web, 'index.html'))) process.exit(0);
const stale = !existsSync(dist) || newest(join(web, 'src')) > statSync(dist).mtimeMs;
if (stale) {
  console.log('正在构建网页端 / building the web app …');
  execSync('npm run build -w @zongzhi/web', { stdio: 'inherit' });
}
