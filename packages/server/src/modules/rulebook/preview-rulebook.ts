import type { PreviewRulebookResponse } from '@zongzhi/contracts';
import { rulebookIdSchema } from '@zongzhi/domain';
import type { AppContext } from '../../platform/context';
import { field } from '../../platform/errors';
import { checkRulebookVersion } from './check-rulebook-version';
import { rulebookErrors } from './rulebook.errors';

/**
 * What publishing this text would do, without publishing it: the same checks and the same diffs as
 * a publication, the rulebook named by the text's own `id`.
 */
export const previewRulebook = async (
  ctx: AppContext,
  input: Record<string, unknown>,
): Promise<PreviewRulebookResponse> => {
  const id = rulebookIdSchema.safeParse(input.id);
  if (!id.success)
    throw rulebookErrors.fail('rulebook.invalid', [
      field(
        'body.id',
        '须给出制度标识：小写字母、数字和连字符，以字母开头',
        'give the rulebook id: lower-case letters, digits and hyphens, starting with a letter',
      ),
    ]);
  const checked = await checkRulebookVersion(ctx.db, { id: id.data, input });
  return { change: checked.change };
};
