import { isRecord } from './rulebook.schema';
import { formatRulebookPath, type RulebookPathSegment } from './validate-rulebook';

export type DiffRulebooksInput = {
  /** The earlier text: a previous version, or the values a layer inherits. Absent → everything is added. */
  before: unknown;
  after: unknown;
  /** Keys left out wherever they occur, e.g. `source` to compare values without their citations. */
  ignoreKeys?: readonly string[];
};

export type RulebookDiff = {
  changed: { path: string; before: unknown; after: unknown }[];
  added: { path: string; after: unknown }[];
  removed: { path: string; before: unknown }[];
};

type Leaf = { path: string; value: unknown };

const isEntry = (value: unknown): value is Record<string, unknown> & { id: string } =>
  isRecord(value) && typeof value.id === 'string';

/** A list addressed entry by entry: every element has an id, and no id repeats. */
const isEntryList = (value: unknown[]): value is (Record<string, unknown> & { id: string })[] =>
  value.length > 0 && value.every(isEntry) && new Set(value.map((e) => e.id)).size === value.length;

/**
 * The leaves of a rulebook text, addressed the way provenance addresses them: entries of lists by
 * id (`duties[party-committee-meeting].cadence.every`), so that reordering or inserting an entry
 * does not show as a change of every entry after it. Lists of plain values are one leaf; an empty
 * list or object has no leaves (nothing to set).
 */
const collectLeaves = (
  value: unknown,
  path: RulebookPathSegment[],
  ignore: ReadonlySet<string>,
  out: Leaf[],
): void => {
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    if (isEntryList(value)) {
      for (const entry of value) {
        const entryPath = [...path, { id: entry.id }];
        const fields = Object.entries(entry).filter(([k]) => k !== 'id' && !ignore.has(k));
        // An entry with nothing but its id is still there: it is its own leaf.
        if (fields.length === 0) out.push({ path: formatRulebookPath(entryPath), value: { id: entry.id } });
        else for (const [k, child] of fields) collectLeaves(child, [...entryPath, k], ignore, out);
      }
      return;
    }
    out.push({ path: formatRulebookPath(path), value });
    return;
  }
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value))
      if (!ignore.has(key)) collectLeaves(child, [...path, key], ignore, out);
    return;
  }
  if (value !== undefined) out.push({ path: formatRulebookPath(path), value });
};

const isDeepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => isDeepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => isDeepEqual(a[k], b[k]));
  }
  return false;
};

/**
 * Which leaf parameters changed between two rulebook texts (two versions of a layer, or the
 * inherited and the effective values), with their old and new values. Pure. Changed and added
 * leaves follow the order of `after`, removed ones the order of `before`.
 */
export const diffRulebooks = ({ before, after, ignoreKeys = [] }: DiffRulebooksInput): RulebookDiff => {
  const ignore = new Set(ignoreKeys);
  const beforeLeaves: Leaf[] = [];
  const afterLeaves: Leaf[] = [];
  collectLeaves(before, [], ignore, beforeLeaves);
  collectLeaves(after, [], ignore, afterLeaves);
  const beforeByPath = new Map(beforeLeaves.map((l) => [l.path, l.value]));
  const afterPaths = new Set(afterLeaves.map((l) => l.path));
  const diff: RulebookDiff = { changed: [], added: [], removed: [] };
  for (const { path, value } of afterLeaves) {
    if (!beforeByPath.has(path)) diff.added.push({ path, after: value });
    else if (!isDeepEqual(beforeByPath.get(path), value))
      diff.changed.push({ path, before: beforeByPath.get(path), after: value });
  }
  for (const { path, value } of beforeLeaves)
    if (!afterPaths.has(path)) diff.removed.push({ path, before: value });
  return diff;
};

export const isEmptyRulebookDiff = (diff: RulebookDiff): boolean =>
  diff.changed.length === 0 && diff.added.length === 0 && diff.removed.length === 0;
