import { REMOVE_KEY, type RulebookDocument } from './rulebook-layer.schema';
import {
  type Citation,
  citationSchema,
  isRecord,
  type Rulebook,
  rulebookBodyShape,
  rulebookSchema,
} from './rulebook.schema';
import {
  formatRulebookPath,
  RULEBOOK_MESSAGES,
  type RulebookError,
  type RulebookPathSegment,
  toRulebookErrors,
  validateRulebook,
} from './validate-rulebook';

export type ResolveEffectiveRulebookInput = {
  /** Root first: national → province → county … Each rulebook `extends` the one before it. */
  chain: readonly RulebookDocument[];
};

/** Where a parameter's value comes from ("What applies here?"). */
export type ParameterProvenance = {
  value: unknown;
  fromRulebook: string;
  version: number;
  /** The citation the setting rulebook gives for it; null when that rulebook cites nothing for it. */
  source: Citation | null;
};

export type RemovedParameter = {
  path: string;
  byRulebook: string;
  version: number;
  source: Citation | null;
};

export type EffectiveRulebook =
  | {
      ok: true;
      rulebook: Rulebook;
      /**
       * Every leaf parameter of the body, by path: `duties[party-committee-meeting].cadence.every`.
       * Entries of lists are addressed by id; lists of plain values (`who`, `bars`) are one leaf;
       * an empty list of entries has no leaves.
       */
      provenance: Record<string, ParameterProvenance>;
      removed: RemovedParameter[];
      chain: { id: string; version: number }[];
    }
  | { ok: false; errors: RulebookError[] };

type Path = Exclude<RulebookPathSegment, number>[];

const BODY_KEYS = Object.keys(rulebookBodyShape) as (keyof typeof rulebookBodyShape)[];
const REMOVED: unique symbol = Symbol('removed');

const isRemoval = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && value[REMOVE_KEY] === true;

const isEntry = (value: unknown): value is Record<string, unknown> & { id: string } =>
  isRecord(value) && typeof value.id === 'string';

const citationOf = (value: unknown): Citation | null => {
  if (!isRecord(value)) return null;
  const parsed = citationSchema.safeParse(value.source);
  return parsed.success ? parsed.data : null;
};

/** A deep copy without removal markers, for values a layer introduces (nothing to remove from). */
const cloneWithoutMarkers = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.filter((v) => !isRemoval(v)).map(cloneWithoutMarkers);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => !isRemoval(v))
      .map(([k, v]) => [k, cloneWithoutMarkers(v)]),
  );
};

type MergeContext = {
  layer: RulebookDocument;
  errors: RulebookError[];
  removed: RemovedParameter[];
};

const recordRemoval = (ctx: MergeContext, path: Path, marker: Record<string, unknown>): void => {
  ctx.removed.push({
    path: formatRulebookPath(path),
    byRulebook: ctx.layer.id,
    version: ctx.layer.version,
    source: citationOf(marker) ?? findInLayer(ctx.layer, path).citation,
  });
};

const nothingToRemove = (ctx: MergeContext, path: Path): void => {
  ctx.errors.push({
    path: formatRulebookPath(path),
    message: RULEBOOK_MESSAGES['merge.nothingToRemove']!,
    rulebook: ctx.layer.id,
  });
};

const mergeEntries = (base: unknown[], patch: unknown[], path: Path, ctx: MergeContext): unknown[] => {
  const result = [...base];
  for (const entry of patch) {
    if (!isEntry(entry)) continue;
    const entryPath: Path = [...path, { id: entry.id }];
    const index = result.findIndex((e) => isEntry(e) && e.id === entry.id);
    if (isRemoval(entry)) {
      if (index < 0) nothingToRemove(ctx, entryPath);
      else {
        result.splice(index, 1);
        recordRemoval(ctx, entryPath, entry);
      }
    } else if (index >= 0) result[index] = mergeValue(result[index], entry, entryPath, ctx);
    else result.push(cloneWithoutMarkers(entry));
  }
  return result;
};

const mergeValue = (base: unknown, patch: unknown, path: Path, ctx: MergeContext): unknown => {
  if (isRemoval(patch)) {
    if (base === undefined) nothingToRemove(ctx, path);
    else recordRemoval(ctx, path, patch);
    return REMOVED;
  }
  if (Array.isArray(patch)) {
    const isEntryList = patch.some(isEntry) || (Array.isArray(base) && base.some(isEntry));
    return isEntryList
      ? mergeEntries(Array.isArray(base) ? base : [], patch, path, ctx)
      : cloneWithoutMarkers(patch);
  }
  if (!isRecord(patch)) return patch;
  const kindChanged = isRecord(base) && typeof patch.kind === 'string' && base.kind !== patch.kind;
  if (!isRecord(base) || kindChanged) return cloneWithoutMarkers(patch);
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const merged = mergeValue(base[key], value, [...path, key], ctx);
    if (merged === REMOVED) delete result[key];
    else result[key] = merged;
  }
  return result;
};

/**
 * Looks a leaf up in what one rulebook wrote, with the nearest citation that rulebook gives on
 * the way down (a duty's citation covers its fields unless the field carries its own).
 */
const findInLayer = (
  layer: RulebookDocument,
  path: Path,
): { found: boolean; removed: boolean; citation: Citation | null } => {
  let node: unknown = layer;
  let citation: Citation | null = null;
  for (const segment of path) {
    citation = citationOf(node) ?? citation;
    if (typeof segment === 'string') node = isRecord(node) ? node[segment] : undefined;
    else node = Array.isArray(node) ? node.find((e) => isEntry(e) && e.id === segment.id) : undefined;
    if (node === undefined) return { found: false, removed: false, citation };
    if (isRemoval(node)) return { found: false, removed: true, citation: citationOf(node) ?? citation };
  }
  return { found: true, removed: false, citation: citationOf(node) ?? citation };
};

const collectLeaves = (value: unknown, path: Path, out: [Path, unknown][]): void => {
  // Lists of plain values are never empty in a valid rulebook, so an empty list is a list of entries with none.
  if (Array.isArray(value) && value.length === 0) return;
  if (Array.isArray(value) && value.every(isEntry)) {
    for (const entry of value) collectLeaves(entry, [...path, { id: entry.id }], out);
    return;
  }
  if (isRecord(value)) {
    // `id` is part of the path and `source` is the citation, not a parameter.
    for (const [key, child] of Object.entries(value))
      if (key !== 'id' && key !== 'source') collectLeaves(child, [...path, key], out);
    return;
  }
  out.push([path, value]);
};

/** Rewrites list indexes of a validation path into entry ids, so errors name entries of the merged rulebook. */
const pathWithIds = (root: unknown, path: PropertyKey[]): string => {
  let node: unknown = root;
  const segments: RulebookPathSegment[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' && Array.isArray(node)) {
      const element: unknown = node[segment];
      segments.push(isEntry(element) ? { id: element.id } : segment);
      node = element;
    } else {
      segments.push(typeof segment === 'number' ? segment : String(segment));
      node = isRecord(node) ? node[String(segment)] : undefined;
    }
  }
  return formatRulebookPath(segments);
};

const checkChain = (chain: readonly RulebookDocument[]): RulebookError[] => {
  if (chain.length === 0) return [{ path: '', message: RULEBOOK_MESSAGES['chain.empty']! }];
  return chain.flatMap((rulebook, index): RulebookError[] => {
    const parent = index === 0 ? undefined : chain[index - 1]!.id;
    if (rulebook.extends === parent) return [];
    const message = RULEBOOK_MESSAGES[index === 0 ? 'chain.rootExtends' : 'chain.parentMismatch']!;
    return [{ path: 'extends', message, rulebook: rulebook.id }];
  });
};

/**
 * The rulebook that applies at the end of a chain, and where each of its parameters comes from.
 * Pure: the same chain always gives the same result, and the inputs are not changed.
 */
export const resolveEffectiveRulebook = ({ chain }: ResolveEffectiveRulebookInput): EffectiveRulebook => {
  const layerErrors = chain.flatMap((rulebook) => {
    // Stored versions: one stored before a parameter was added still resolves (validateRulebook).
    const result = validateRulebook(rulebook, { newVersion: false });
    return result.ok ? [] : result.errors.map((e) => ({ ...e, rulebook: rulebook.id }));
  });
  const chainErrors = checkChain(chain);
  if (layerErrors.length > 0 || chainErrors.length > 0)
    return { ok: false, errors: [...chainErrors, ...layerErrors] };

  const errors: RulebookError[] = [];
  const removed: RemovedParameter[] = [];
  let body: unknown = {};
  for (const layer of chain) {
    const patch = Object.fromEntries(
      BODY_KEYS.filter((k) => k in layer).map((k) => [k, layer[k as keyof typeof layer]]),
    );
    body = mergeValue(body, patch, [], { layer, errors, removed });
  }
  if (errors.length > 0) return { ok: false, errors };

  const leaf = chain[chain.length - 1]!;
  const sources = new Map(chain.flatMap((r) => r.sources.map((s) => [s.id, s] as const)));
  const candidate = {
    id: leaf.id,
    name: leaf.name,
    jurisdictionLevel: leaf.jurisdictionLevel,
    ...(leaf.extends === undefined ? {} : { extends: leaf.extends }),
    version: leaf.version,
    ...(leaf.description === undefined ? {} : { description: leaf.description }),
    sources: [...sources.values()],
    ...(body as Record<string, unknown>),
  };
  const parsed = rulebookSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      errors: toRulebookErrors(parsed.error.issues, {
        rulebook: leaf.id,
        renderPath: (path) => pathWithIds(candidate, path),
      }),
    };
  }

  const leaves: [Path, unknown][] = [];
  for (const key of BODY_KEYS) collectLeaves(parsed.data[key], [key], leaves);
  const provenance: Record<string, ParameterProvenance> = {};
  for (const [path, value] of leaves) {
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      const layer = chain[index]!;
      const found = findInLayer(layer, path);
      if (found.removed) break;
      if (!found.found) continue;
      provenance[formatRulebookPath(path)] = {
        value,
        fromRulebook: layer.id,
        version: layer.version,
        source: found.citation,
      };
      break;
    }
  }
  return {
    ok: true,
    rulebook: parsed.data,
    provenance,
    removed,
    chain: chain.map((r) => ({ id: r.id, version: r.version })),
  };
};
