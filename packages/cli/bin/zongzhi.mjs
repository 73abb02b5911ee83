#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so `npx zongzhi …` works without
// a build step and signals (Ctrl+C, SIGTERM) reach the server directly.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
process.env.ZONGZHI_CLI_ENTRY = '1';
await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '../src/main.ts')).href);
