import { readdirSync, readFileSync } from 'node:fs';

const PRESETS_DIR = new URL('../../../../../rulebooks/', import.meta.url);

/** The shipped presets as parsed JSON, by id (tests only: the domain itself reads no files). */
export const readPresetFiles = (): Map<string, unknown> =>
  new Map(
    readdirSync(PRESETS_DIR)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => [
        name.replace(/\.json$/, ''),
        JSON.parse(readFileSync(new URL(name, PRESETS_DIR), 'utf8')),
      ]),
  );
