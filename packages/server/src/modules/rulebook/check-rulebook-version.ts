import type { RulebookChange } from '@zongzhi/contracts';
import {
  type RulebookDocument,
  type RulebookError,
  buildRulebookChain,
  diffRulebooks,
  resolveEffectiveRulebook,
  rulebookBodyShape,
  validateRulebook,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { canonicalJson, sm3 } from '../../platform/crypto';
import { type FieldError, field } from '../../platform/errors';
import { rulebookErrors } from './rulebook.errors';
import {
  type StoredVersion,
  findDependentRulebookIds,
  findLatestVersions,
  findRulebookVersion,
} from './rulebook.repository';

export type CheckedRulebookVersion = {
  /** The text as it will be stored: validated, with its id and version number filled in. */
  document: RulebookDocument;
  version: number;
  /** SM3 of the canonical JSON of the document. */
  digest: string;
  change: RulebookChange;
  /** Rulebooks whose latest version builds on this one (they change with it). */
  dependents: string[];
};

const BODY_KEYS = Object.keys(rulebookBodyShape);

/** `ladder.steps[2].rectification.amount` → `body.ladder.steps[2].rectification.amount`. */
const inBody = (path: string) =>
  path === '' ? 'body' : path.startsWith('[') ? `body${path}` : `body.${path}`;

const toFieldErrors = (errors: readonly RulebookError[], from?: string): FieldError[] =>
  errors.map((e) => ({
    path: inBody(e.path),
    message:
      from === undefined
        ? e.message
        : {
            zh: `继承本制度的「${from}」将无法合成：${e.message.zh}`,
            en: `${from}, which builds on this rulebook, would no longer resolve: ${e.message.en}`,
          },
  }));

const invalid = (fields: FieldError[]) => rulebookErrors.fail('rulebook.invalid', fields);

const bodyOf = (rulebook: Record<string, unknown>) =>
  Object.fromEntries(BODY_KEYS.filter((k) => k in rulebook).map((k) => [k, rulebook[k]]));

const withoutVersion = (document: Record<string, unknown>) => {
  const { version: _version, ...rest } = document;
  return rest;
};

const resolveChain = (id: string, rulebooks: readonly RulebookDocument[]) => {
  const chain = buildRulebookChain({ id, rulebooks });
  if (!chain.ok) return { ok: false as const, errors: chain.errors, chain: [] };
  const resolved = resolveEffectiveRulebook({ chain: chain.chain });
  return resolved.ok
    ? { ok: true as const, chain: chain.chain, resolved }
    : { ok: false as const, errors: resolved.errors, chain: chain.chain };
};

/**
 * Validates a new version of a rulebook as a publisher wrote it, and works out what it changes:
 * against the previous version as written, and against the values it inherits. It must validate on
 * its own, resolve down its chain (with the latest version of every parent), and leave every
 * rulebook that builds on it resolvable. Throws `rulebook.invalid` naming each wrong parameter.
 * Reads only; the caller decides whether to store it.
 */
export const checkRulebookVersion = async (
  q: Queryable,
  { id, input }: { id: string; input: Record<string, unknown> },
): Promise<CheckedRulebookVersion> => {
  const previous = await findRulebookVersion(q, id);
  const version = (previous?.version ?? 0) + 1;
  if (input.id !== undefined && input.id !== id)
    throw invalid([field('body.id', `应为 ${id}`, `must be ${id}, the rulebook being published`)]);
  // A text edited from an older version would silently undo the versions published since.
  if (input.version !== undefined && input.version !== version)
    throw rulebookErrors.fail('rulebook.version_conflict', [
      field(
        'body.version',
        `下一个版本号应为 ${version}（可省略）`,
        `the next version is ${version} (or leave it out)`,
      ),
    ]);

  const validation = validateRulebook({ ...input, id, version });
  if (!validation.ok) throw invalid(toFieldErrors(validation.errors));
  const document = validation.rulebook;

  const others = (await findLatestVersions(q)).filter((v) => v.rulebookId !== id);
  const rulebooks: RulebookDocument[] = [...others.map((v: StoredVersion) => v.body), document];
  const own = resolveChain(id, rulebooks);
  if (!own.ok) throw invalid(toFieldErrors(own.errors));

  const dependents = await findDependentRulebookIds(q, id);
  const dependentErrors = dependents.flatMap((dependent) => {
    const result = resolveChain(dependent, rulebooks);
    return result.ok ? [] : toFieldErrors(result.errors, dependent);
  });
  if (dependentErrors.length > 0) throw invalid(dependentErrors);

  const againstPrevious = previous
    ? diffRulebooks({ before: withoutVersion(previous.body), after: withoutVersion(document) })
    : null;
  let againstInherited: RulebookChange['againstInherited'] = null;
  if (document.extends !== undefined) {
    const inherited = resolveEffectiveRulebook({ chain: own.chain.slice(0, -1) });
    if (!inherited.ok) throw invalid(toFieldErrors(inherited.errors));
    againstInherited = diffRulebooks({
      before: bodyOf(inherited.rulebook),
      after: bodyOf(own.resolved.rulebook),
      ignoreKeys: ['source'],
    });
  }
  return {
    document,
    version,
    digest: sm3(canonicalJson(document)),
    dependents,
    change: {
      rulebookId: id,
      version,
      previousVersion: previous?.version ?? null,
      againstPrevious,
      againstInherited,
      diffDigest: sm3(canonicalJson({ againstPrevious, againstInherited })),
    },
  };
};
