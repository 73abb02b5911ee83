import type { RulebookDocument } from './rulebook-layer.schema';
import { type RulebookError, validateRulebook } from './validate-rulebook';

export class RulebookInvalidError extends Error {
  constructor(
    readonly rulebookId: string | undefined,
    readonly errors: RulebookError[],
  ) {
    super(
      `rulebook ${rulebookId ?? '(unnamed)'} is invalid: ${errors.map((e) => `${e.path}: ${e.message.en}`).join('; ')}`,
    );
    this.name = 'RulebookInvalidError';
  }
}

/**
 * Turns a parsed preset file (JSON.parse, or a YAML parser's output) into a rulebook, or throws
 * `RulebookInvalidError` naming every wrong parameter. Reading the file is the caller's business.
 */
export const loadRulebook = (parsed: unknown): RulebookDocument => {
  const result = validateRulebook(parsed);
  if (result.ok) return result.rulebook;
  const id =
    typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'string'
      ? parsed.id
      : undefined;
  throw new RulebookInvalidError(id, result.errors);
};
