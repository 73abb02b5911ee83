import type { LetterTarget } from './letter-target';

/** The content of one version of a letter: exactly what the parties sign. */
export type LetterVersionContent = {
  letterId: number;
  version: number;
  year: number;
  issuer: { unitId: number; name: string };
  recipient: { unitId: number; name: string };
  issueDate: string;
  title: string;
  preamble: string;
  responsibilities: readonly string[];
  targets: readonly LetterTarget[];
};

const canonical = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
};

/** Normalises optional target fields so that a stored and a posted target serialise alike. */
const normaliseTarget = (t: LetterTarget) =>
  t.kind === 'quantitative'
    ? {
        kind: t.kind,
        key: t.key,
        number: t.number ?? null,
        title: t.title,
        weight: t.weight,
        evidence: t.evidence ?? null,
        decomposes: t.decomposes ?? null,
        indicatorId: t.indicatorId,
        comparator: t.comparator,
        threshold: t.threshold,
        reference: t.reference ?? null,
        unit: t.unit,
        per: t.per,
      }
    : {
        kind: t.kind,
        key: t.key,
        number: t.number ?? null,
        title: t.title,
        weight: t.weight,
        evidence: t.evidence ?? null,
        decomposes: t.decomposes ?? null,
        indicatorId: t.indicatorId ?? null,
        per: t.per,
      };

/**
 * The canonical serialisation of a letter version, the input of its SM3 hash: keys sorted at every
 * depth, absent optional fields as null, targets in their letter order (order is part of the text).
 * Prefixed with a format tag so that a future format cannot collide with this one.
 */
export const serialiseLetterVersion = (content: LetterVersionContent): string =>
  `zongzhi-letter-v1\n${canonical({ ...content, targets: content.targets.map(normaliseTarget) })}`;

export type LetterVersionDiff = {
  added: LetterTarget[];
  removed: LetterTarget[];
  changed: { key: string; fields: string[]; before: LetterTarget; after: LetterTarget }[];
  text: { title: boolean; preamble: boolean; responsibilities: boolean };
};

type TextPart = Pick<LetterVersionContent, 'title' | 'preamble' | 'responsibilities' | 'targets'>;

/** What changed between two versions: targets added, removed or changed (by key), and which text parts. */
export const diffLetterVersions = ({
  before,
  after,
}: {
  before: TextPart;
  after: TextPart;
}): LetterVersionDiff => {
  const old = new Map(before.targets.map((t) => [t.key, t]));
  const now = new Map(after.targets.map((t) => [t.key, t]));
  const changed: LetterVersionDiff['changed'] = [];
  for (const [key, next] of now) {
    const prev = old.get(key);
    if (!prev) continue;
    const a = normaliseTarget(prev) as Record<string, unknown>;
    const b = normaliseTarget(next) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (f) => canonical(a[f]) !== canonical(b[f]),
    );
    if (fields.length > 0) changed.push({ key, fields, before: prev, after: next });
  }
  return {
    added: after.targets.filter((t) => !old.has(t.key)),
    removed: before.targets.filter((t) => !now.has(t.key)),
    changed,
    text: {
      title: before.title !== after.title,
      preamble: before.preamble !== after.preamble,
      responsibilities: canonical(before.responsibilities) !== canonical(after.responsibilities),
    },
  };
};
