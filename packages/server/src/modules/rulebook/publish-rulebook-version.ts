import type { PublishRulebookResponse } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { checkRulebookVersion } from './check-rulebook-version';
import { rulebookErrors } from './rulebook.errors';
import {
  findAttachedUnitPaths,
  insertRulebookIfAbsent,
  insertRulebookVersion,
  lockRulebook,
  updateRulebookName,
} from './rulebook.repository';

/** How many changed paths the audit record lists by name (the digest covers them all). */
const AUDITED_PATHS = 100;

/**
 * Publishes a new version of a rulebook (creating the rulebook with its first version when the id
 * is new). Earlier versions stay as they were: decisions cite the version they used. The publisher
 * must hold every unit the change reaches (attached to it, or to a rulebook building on it).
 */
export const publishRulebookVersion = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: string,
  input: Record<string, unknown>,
): Promise<PublishRulebookResponse> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const name = isBilingual(input.name) ? input.name : { zh: id, en: id };
    await insertRulebookIfAbsent(tx, { id, name, now });
    await lockRulebook(tx, id);
    const checked = await checkRulebookVersion(tx, { id, input });
    const reached = await findAttachedUnitPaths(tx, [id, ...checked.dependents]);
    if (reached.some((path) => !isInScope(grants, path))) throw rulebookErrors.fail('rulebook.out_of_scope');

    const stored = await insertRulebookVersion(tx, {
      rulebookId: id,
      version: checked.version,
      body: checked.document,
      publishedAt: now,
      publishedBy: principal.username,
      publishedByAccountId: principal.accountId,
      digest: checked.digest,
    });
    await updateRulebookName(tx, id, checked.document.name);
    const { againstPrevious, againstInherited } = checked.change;
    const paths = againstPrevious
      ? [...againstPrevious.changed, ...againstPrevious.added, ...againstPrevious.removed].map((c) => c.path)
      : [];
    await ctx.audit(tx, request, {
      action: 'rulebook.published',
      outcome: 'ok',
      targetType: 'rulebook',
      targetId: id,
      details: {
        version: checked.version,
        previousVersion: checked.change.previousVersion,
        extends: checked.document.extends ?? null,
        digest: checked.digest,
        diffDigest: checked.change.diffDigest,
        againstPrevious: againstPrevious && {
          changed: againstPrevious.changed.length,
          added: againstPrevious.added.length,
          removed: againstPrevious.removed.length,
          paths: paths.slice(0, AUDITED_PATHS),
          morePaths: Math.max(0, paths.length - AUDITED_PATHS),
        },
        againstInherited: againstInherited && {
          changed: againstInherited.changed.length,
          added: againstInherited.added.length,
          removed: againstInherited.removed.length,
        },
        dependents: checked.dependents,
      },
    });
    return { version: stored, change: checked.change };
  });
};

const isBilingual = (value: unknown): value is { zh: string; en: string } =>
  typeof value === 'object' &&
  value !== null &&
  'zh' in value &&
  'en' in value &&
  typeof value.zh === 'string' &&
  typeof value.en === 'string';
