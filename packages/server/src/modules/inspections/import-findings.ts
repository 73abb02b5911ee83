import type { FindingsImportResponse } from '@zongzhi/contracts';
import { type FindingSeverity, toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { type FieldError, field } from '../../platform/errors';
import { loadWorkCalendar } from '../calendar/load-work-calendar';
import { FINDINGS_SHEET, readCellText, readWorkbook, severityOf } from './findings-workbook';
import { inspectionErrors } from './inspections.errors';
import { findTask, findUnitsByCodes } from './inspections.repository';
import { checkDeadlineOverride, issueFinding } from './issue-finding';
import { loadSupervisionRules } from './load-supervision-rules';
import { presentFinding } from './present-rectification';
import { loadInspectionForWrite } from './record-finding';

const MAX_ROWS = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

type Parsed = {
  line: number;
  severity: FindingSeverity;
  description: string;
  ownerUnit: { id: number; unitPath: string };
  deadline?: string;
  deadlineReason?: string;
};

/**
 * Imports an inspection's findings from Excel (sheet 问题清单, see findings-workbook.ts). Every row
 * is checked first; any wrong cell is reported as `问题清单!B7` and nothing is imported. Then all
 * findings and their tasks are written in one transaction, numbered in sheet order.
 */
export const importFindings = async (
  ctx: AppContext,
  request: FastifyRequest,
  inspectionId: number,
  body: Buffer,
): Promise<FindingsImportResponse> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = toChinaDate(now);
  return ctx.db.transaction(async (tx) => {
    const inspection = await loadInspectionForWrite(tx, request, inspectionId);
    let sheet: Awaited<ReturnType<typeof readWorkbook>>['worksheets'][number] | undefined;
    try {
      sheet = (await readWorkbook(body)).getWorksheet(FINDINGS_SHEET);
    } catch {
      throw inspectionErrors.fail('inspections.import_invalid', [
        field('file', '不是有效的 Excel 文件（.xlsx）', 'not a valid Excel workbook (.xlsx)'),
      ]);
    }
    if (!sheet)
      throw inspectionErrors.fail('inspections.import_invalid', [
        field(FINDINGS_SHEET, `缺少工作表“${FINDINGS_SHEET}”`, `the sheet “${FINDINGS_SHEET}” is missing`),
      ]);

    const raw: { line: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (line === 1) return;
      const cells = [1, 2, 3, 4, 5].map((c) => readCellText(row.getCell(c).value));
      if (cells.some((c) => c !== '')) raw.push({ line, cells });
    });
    const errors: FieldError[] = [];
    const at = (col: string, line: number) => `${FINDINGS_SHEET}!${col}${line}`;
    if (raw.length === 0)
      errors.push(field(`${FINDINGS_SHEET}!A2`, '没有可导入的问题', 'there is no finding to import'));
    if (raw.length > MAX_ROWS)
      errors.push(field(FINDINGS_SHEET, `一次最多导入 ${MAX_ROWS} 条`, `at most ${MAX_ROWS} rows at once`));

    const codes = [...new Set(raw.map((r) => r.cells[2]!).filter((c) => c !== ''))];
    const byCode = await findUnitsByCodes(tx, codes);
    const parsed: Parsed[] = [];
    for (const { line, cells } of raw) {
      const [severityText, description, code, deadline, reason] = cells as [
        string,
        string,
        string,
        string,
        string,
      ];
      const severity = severityOf.get(severityText);
      if (!severity)
        errors.push(
          field(at('A', line), '严重程度应为 轻微、一般 或 严重', 'severity must be 轻微, 一般 or 严重'),
        );
      if (description === '' || description.length > 2000)
        errors.push(
          field(
            at('B', line),
            '问题描述不能为空，且不超过 2000 字',
            'a description of 1–2000 characters is required',
          ),
        );
      let owner: { id: number; unitPath: string } = { id: inspection.unitId, unitPath: inspection.unitPath };
      if (code !== '') {
        const unit = byCode.get(code);
        if (!unit || !isInScope(grants, unit.unitPath) || !unit.unitPath.startsWith(inspection.unitPath))
          errors.push(
            field(
              at('C', line),
              '整改责任单位代码不存在，或不在被检查单位之下',
              'no such owner unit under the inspected unit',
            ),
          );
        else owner = unit;
      }
      if (deadline !== '' && !isRealDate(deadline))
        errors.push(
          field(
            at('D', line),
            '整改期限应为 YYYY-MM-DD 格式的日期',
            'the deadline must be a date YYYY-MM-DD',
          ),
        );
      const override = {
        deadline: deadline === '' ? undefined : deadline,
        deadlineReason: reason === '' ? undefined : reason,
      };
      if (deadline === '' || isRealDate(deadline))
        errors.push(
          ...checkDeadlineOverride(override, today, { deadline: at('D', line), reason: at('E', line) }),
        );
      if (severity)
        parsed.push({
          line,
          severity,
          description,
          ownerUnit: owner,
          ...(override.deadline === undefined ? {} : { deadline: override.deadline }),
          ...(override.deadlineReason === undefined ? {} : { deadlineReason: override.deadlineReason }),
        });
    }
    if (errors.length > 0) throw inspectionErrors.fail('inspections.import_invalid', errors.slice(0, 200));

    const rules = await loadSupervisionRules(
      tx,
      { id: inspection.inspectingUnitId, unitPath: inspection.inspectingUnitPath },
      now,
    );
    const calendar = await loadWorkCalendar(tx);
    const taskIds: number[] = [];
    for (const row of parsed)
      taskIds.push(
        await issueFinding(tx, {
          inspectionId,
          input: row,
          rules,
          calendar,
          issuedOn: today,
          now,
          by: principal.username,
        }),
      );
    await ctx.audit(tx, request, {
      action: 'inspection_findings.imported',
      outcome: 'ok',
      targetType: 'inspection',
      targetId: inspectionId,
      details: {
        rows: taskIds.length,
        taskIds,
        rulebookId: rules.rulebookId,
        rulebookVersion: rules.rulebookVersion,
      },
    });
    const dueSoonDays = rules.supervision.rectification.dueSoonDays;
    const findings = [];
    for (const id of taskIds) findings.push(presentFinding((await findTask(tx, id))!, today, dueSoonDays));
    return { imported: findings.length, findings };
  });
};
