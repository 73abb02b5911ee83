import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type FieldError, field } from '../../platform/errors';
import { isComputedIndicator } from './computed-indicators';
import { type ProgressEntry, isPeriodOfTarget, saveProgressValue } from './enter-progress';
import { findLetterInScope } from './get-letter';
import { assertMayEnterProgress } from './letters-access';
import { lettersErrors } from './letters.errors';
import { findVersion } from './letters.repository';
import { PROGRESS_COLUMNS, PROGRESS_SHEET, cellText, readProgressWorkbook } from './progress-workbook';

const MAX_ERRORS = 200;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const QUALITATIVE: Record<string, number> = { '1': 1, '0': 0, 是: 1, 否: 0, 已完成: 1, 未完成: 0 };

/**
 * Imports a filled progress workbook: every row is checked first (target of this letter, not
 * computed, a period of the letter's year, a number), and any error — reported as `sheet!cell` —
 * means nothing is imported. Rows with an empty value are skipped (they clear nothing).
 */
export const importProgress = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
  buffer: Buffer,
): Promise<{ imported: number }> => {
  const access = getAccess(request);
  const now = ctx.clock.now();
  const letter = await findLetterInScope(ctx.db, access, id);
  assertMayEnterProgress(access.grants, letter.recipientPath);
  const version = (await findVersion(ctx.db, letter.id, letter.currentVersion))!;
  const wb = await readProgressWorkbook(buffer);
  const ws = wb?.getWorksheet(PROGRESS_SHEET);
  if (!ws)
    throw lettersErrors.fail('letters.import_invalid', [
      field('body', `文件中没有「${PROGRESS_SHEET}」工作表`, `the file has no sheet "${PROGRESS_SHEET}"`),
    ]);
  const errors: FieldError[] = [];
  const at = (col: string, line: number, zh: string, en: string) => {
    if (errors.length < MAX_ERRORS) errors.push(field(`${PROGRESS_SHEET}!${col}${line}`, zh, en));
  };
  PROGRESS_COLUMNS.forEach((name, i) => {
    const col = String.fromCharCode(65 + i);
    if (cellText(ws.getCell(`${col}1`).value) !== name)
      at(col, 1, `表头应为「${name}」`, `the header should read "${name}"`);
  });

  const entries: ProgressEntry[] = [];
  const seen = new Set<string>();
  for (let line = 2; line <= ws.rowCount; line += 1) {
    const row = ws.getRow(line);
    const key = cellText(row.getCell(1).value);
    const periodKey = cellText(row.getCell(5).value);
    const raw = cellText(row.getCell(6).value);
    const note = cellText(row.getCell(7).value) || null;
    if (!key && !periodKey && !raw) continue;
    const target = version.targets.find((t) => t.key === key);
    if (!target) {
      at('A', line, '本责任书没有这个目标编号', 'no target of this letter has this key');
      continue;
    }
    if (isComputedIndicator(target.indicatorId)) {
      at('A', line, '该目标由系统自动计算，无需填报', 'this target is computed by the system, not entered');
      continue;
    }
    if (!isPeriodOfTarget(target, letter.year, periodKey)) {
      at('E', line, '该目标没有这个统计期间', 'not a period of this target in the letter year');
      continue;
    }
    if (seen.has(`${key}|${periodKey}`)) {
      at('E', line, '同一目标、同一期间出现了两次', 'the same target and period appear twice');
      continue;
    }
    seen.add(`${key}|${periodKey}`);
    if (!raw) continue;
    let value: number | undefined;
    if (target.kind === 'qualitative') value = QUALITATIVE[raw];
    else if (NUMBER.test(raw) && Number(raw) >= 0) value = Number(raw);
    if (value === undefined) {
      at(
        'F',
        line,
        target.kind === 'qualitative' ? '定性目标填 1（已完成）或 0（未完成）' : '实际值应为不小于 0 的数字',
        target.kind === 'qualitative'
          ? 'a qualitative target takes 1 (met) or 0 (not met)'
          : 'the value must be a number ≥ 0',
      );
      continue;
    }
    entries.push({ target, periodKey, value, note });
  }
  if (errors.length > 0) throw lettersErrors.fail('letters.import_invalid', errors);

  return ctx.db.transaction(async (tx) => {
    for (const entry of entries)
      await saveProgressValue(tx, letter, entry, { principal: access.principal, source: 'imported', now });
    await ctx.audit(tx, request, {
      action: 'letter.progress_imported',
      outcome: 'ok',
      targetType: 'letter',
      targetId: letter.id,
      details: { unitId: letter.recipientUnitId, values: entries.length },
    });
    return { imported: entries.length };
  });
};
