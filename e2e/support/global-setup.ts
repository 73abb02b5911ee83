import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, REPO_ROOT, WEB_DIST } from './paths';

/** Once per run, before any browser starts: build the web app if it is missing or stale. */
export default function setup() {
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error(
      '网页端未构建：缺少 packages/web/dist/index.html / the web app is not built: packages/web/dist/index.html is missing',
    );
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
}
