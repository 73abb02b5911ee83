import { compareRectificationUrgency, toChinaDate } from '@zongzhi/domain';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import {
  KIND_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  FINDINGS_SHEET,
  writeWorkbook,
} from './findings-workbook';
import { assertInScope } from './inspections-access';
import { findUnitRef, listTasks } from './inspections.repository';
import { loadDueSoonDays, presentTask } from './present-rectification';

export const EXPORT_HEADER = [
  '检查方式',
  '检查单位',
  '检查编号',
  '问题序号',
  '整改责任单位',
  '严重程度',
  '问题描述',
  '责任人',
  '下达日期',
  '整改期限',
  '状态',
  '剩余天数',
  '验收日期',
];

/** The findings (问题清单) owned in a unit's subtree with their rectification at `asOf`, overdue first. Audited. */
export const exportFindings = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: { unitId: number; asOf?: string | undefined },
): Promise<Buffer> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  const asOf = input.asOf ?? toChinaDate(now);
  const unit = assertInScope(grants, await findUnitRef(ctx.db, input.unitId));
  const rows = await listTasks(ctx.db, {
    patterns: [`${unit.unitPath}%`],
    ownerPath: unit.unitPath,
    issuedBy: asOf,
  });
  const dueSoon = await loadDueSoonDays(ctx.db, rows, now);
  const tasks = rows.map((r) => presentTask(r, asOf, dueSoon(r))).sort(compareRectificationUrgency);

  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(FINDINGS_SHEET);
  sheet.addRow(EXPORT_HEADER).font = { bold: true };
  for (const t of tasks)
    sheet.addRow([
      KIND_LABELS[t.inspectionKind],
      t.inspectingUnitName,
      t.inspectionId,
      t.findingNumber,
      t.ownerUnitName,
      SEVERITY_LABELS[t.severity],
      t.description,
      t.responsibleName ?? '',
      t.issuedOn,
      t.deadline,
      STATUS_LABELS[t.status],
      t.colour === 'none' ? '' : t.daysLeft,
      t.acceptedOn ?? '',
    ]);
  sheet.columns.forEach((c, i) => {
    c.width = i === 6 ? 60 : 14;
  });
  await ctx.db.transaction((tx) =>
    ctx.audit(tx, request, {
      action: 'inspection_findings.exported',
      outcome: 'ok',
      targetType: 'unit',
      targetId: unit.id,
      details: { asOf, rows: tasks.length },
    }),
  );
  return writeWorkbook(wb);
};
