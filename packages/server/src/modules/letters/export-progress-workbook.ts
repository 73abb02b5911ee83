import type { FastifyReply, FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { XLSX_MIME_TYPE } from '../../platform/http/content-types';
import { describeTargetLevel } from './build-letter-document';
import { findLetterInScope } from './get-letter';
import { computeLetterProgress } from './get-letter-progress';
import { findVersion } from './letters.repository';
import { buildProgressWorkbook } from './progress-workbook';

/** The letter's entry rows (every entered target × period of the year, with current values), as Excel. */
export const exportProgressWorkbook = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
) => {
  const letter = await findLetterInScope(ctx.db, getAccess(request), id);
  const version = (await findVersion(ctx.db, letter.id, letter.currentVersion))!;
  const progress = await computeLetterProgress(ctx.db, letter, ctx.clock.now());
  const rows = progress.targets
    .filter((t) => !t.computed)
    .flatMap((t) => {
      const target = version.targets.find((v) => v.key === t.key)!;
      return t.values.map((v) => ({
        key: t.key,
        number: target.number ?? null,
        title: t.title,
        level: describeTargetLevel(target),
        periodKey: v.periodKey,
        value: v.value,
        note: v.note,
      }));
    });
  const body = await buildProgressWorkbook(rows);
  await ctx.audit(ctx.db, request, {
    action: 'letter.exported',
    outcome: 'ok',
    targetType: 'letter',
    targetId: letter.id,
    details: { format: 'xlsx', rows: rows.length },
  });
  const name = `目标进度-${letter.recipientUnitName}-${letter.year}.xlsx`;
  return reply
    .type(XLSX_MIME_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="progress-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(body);
};
