import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = join(REPO_ROOT, 'packages/web/dist');
/** Screenshots and browser logs of failed tests (gitignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'e2e/artifacts');
