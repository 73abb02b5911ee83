import type { CountySafetyReportQuery } from '@zongzhi/contracts';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { getCountySafetyReports } from './get-county-safety-reports';
import { REPORT_ITEM_LABELS, formatBeijingTime, listReportItems } from './safety-report-workbook';

/** The county view of a month as a workbook: one row per town or department, unfiled ones marked. */
export const exportCountySafetyReportWorkbook = async (
  q: Queryable,
  access: { grants: readonly RoleGrant[]; now: Date },
  query: CountySafetyReportQuery,
): Promise<{ workbook: Buffer; filename: string }> => {
  const view = await getCountySafetyReports(q, access, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zongzhi';
  const ws = wb.addWorksheet('平安报表汇总', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const header = ws.addRow(['单位', '状态', '版本', '填报时间', '填报人', ...REPORT_ITEM_LABELS]);
  header.font = { bold: true };
  for (const row of view.rows)
    ws.addRow([
      row.unitName,
      row.status === 'filed' ? '已填报' : '未填报',
      row.revision ?? '',
      row.filedAt ? formatBeijingTime(row.filedAt) : '',
      row.filedBy ?? '',
      ...listReportItems(row.figures, row.entered).map((i) => i.value ?? ''),
    ]);
  ws.addRow([]);
  ws.addRow([`应报 ${view.expected} 个单位，已报 ${view.filed} 个，未报 ${view.missing.length} 个`]);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 20 : 14;
  });
  return {
    workbook: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `${view.unit.name}-${query.month}-平安报表汇总.xlsx`,
  };
};
