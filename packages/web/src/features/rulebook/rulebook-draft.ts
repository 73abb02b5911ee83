// The rulebook draft as the form edits it: a plain JSON object (a complete root or a layer over the
// rulebook it `extends`), addressed by paths whose list segments name entries by id, so that a
// field of the `interview` step is the same field in the layer and in the inherited rulebook.

export type DraftPathSegment = string | { id: string };
export type DraftPath = readonly DraftPathSegment[];
export type DraftObject = Record<string, unknown>;

export const isObject = (v: unknown): v is DraftObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const entryIndex = (list: unknown, id: string): number =>
  Array.isArray(list) ? list.findIndex((e) => isObject(e) && e.id === id) : -1;

export const getIn = (root: unknown, path: DraftPath): unknown => {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'string') {
      if (!isObject(current)) return undefined;
      current = current[segment];
    } else {
      if (!Array.isArray(current)) return undefined;
      current = current[entryIndex(current, segment.id)];
    }
  }
  return current;
};

/**
 * The draft with `value` at `path`, creating objects and list entries (`{ id }`) on the way.
 * `undefined` clears the value, so that a layer inherits it again; objects and entries left empty by
 * a clear are dropped, so that clearing every field of an entry leaves the layer as it was.
 */
export const setIn = (root: DraftObject, path: DraftPath, value: unknown): DraftObject => {
  const clearing = value === undefined;
  const empty = (v: unknown) =>
    clearing &&
    ((isObject(v) && Object.keys(v).every((k) => k === 'id')) || (Array.isArray(v) && v.length === 0));
  const put = (current: unknown, index: number): unknown => {
    if (index === path.length) return value;
    const segment = path[index] as DraftPathSegment;
    if (typeof segment === 'string') {
      const base = isObject(current) ? current : {};
      const next = put(base[segment], index + 1);
      const out = { ...base };
      if (next === undefined || empty(next)) delete out[segment];
      else out[segment] = next;
      return out;
    }
    const list = Array.isArray(current) ? current : [];
    const at = entryIndex(list, segment.id);
    const next = put(at >= 0 ? list[at] : { id: segment.id }, index + 1);
    const out = [...list];
    const drop = next === undefined || empty(next);
    if (at >= 0) {
      if (drop) out.splice(at, 1);
      else out[at] = next;
    } else if (!drop) out.push(next);
    return out;
  };
  return put(root, 0) as DraftObject;
};

/**
 * Applies a layer to the rulebook it extends, as the server resolves it (rulebook-layer.schema.ts):
 * objects merge by key, lists of entries merge by id, `{ "$remove": true }` removes, a different
 * `kind` replaces the object whole, lists of plain values are replaced.
 */
export const applyLayer = (base: unknown, patch: unknown): unknown => {
  if (patch === undefined) return base;
  if (isObject(patch) && patch.$remove === true && !('id' in patch)) return undefined;
  if (Array.isArray(patch)) {
    const byId = patch.every((e) => isObject(e) && typeof e.id === 'string');
    if (!Array.isArray(base) || !byId || patch.length === 0) return patch.length === 0 && byId ? base : patch;
    const out = [...base];
    for (const entry of patch as DraftObject[]) {
      const at = entryIndex(out, entry.id as string);
      if (entry.$remove === true) {
        if (at >= 0) out.splice(at, 1);
      } else if (at >= 0) out[at] = applyLayer(out[at], entry);
      else out.push(entry);
    }
    return out;
  }
  if (isObject(patch) && isObject(base)) {
    if (patch.kind !== undefined && base.kind !== undefined && patch.kind !== base.kind) return patch;
    const out: DraftObject = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      const merged = applyLayer(base[key], value);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    }
    return out;
  }
  return patch;
};

/**
 * How the server names the field in its errors: by index into the draft's lists
 * (`ladder.steps[2].rectification.amount`) and, for resolved rulebooks, by entry id.
 */
export const errorPaths = (draft: unknown, path: DraftPath): string[] => {
  let byIndex = '';
  let byId = '';
  let indexed = true;
  let current = draft;
  path.forEach((segment, i) => {
    if (typeof segment === 'string') {
      const part = i === 0 ? segment : `.${segment}`;
      byIndex += part;
      byId += part;
      current = isObject(current) ? current[segment] : undefined;
    } else {
      const at = entryIndex(current, segment.id);
      if (at < 0) indexed = false;
      byIndex += `[${at}]`;
      byId += `[${segment.id}]`;
      current = Array.isArray(current) ? current[at] : undefined;
    }
  });
  return indexed ? [byIndex, byId] : [byId];
};

/** The server's error path without the request's `body.` prefix. */
export const stripBody = (path: string) => path.replace(/^body\.?/, '');

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
