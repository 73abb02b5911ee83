import ExcelJS from 'exceljs';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { getSafetyReport } from './get-safety-report';
import { formatBeijingTime, listReportItems } from './safety-report-workbook';

/** One unit's 平安报表 of a month as a printable workbook (sheet 平安报表: 项目 | 数值 | 来源). */
export const exportSafetyReportWorkbook = async (
  q: Queryable,
  access: { grants: readonly RoleGrant[]; now: Date },
  unitId: number,
  month: string,
): Promise<{ workbook: Buffer; filename: string }> => {
  const report = await getSafetyReport(q, access, unitId, month);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zongzhi';
  const ws = wb.addWorksheet('平安报表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 28 }, { width: 48 }, { width: 12 }];
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = `${report.unit.name} ${month} 平安报表`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([
    '状态',
    report.status === 'filed'
      ? `已填报（第 ${report.revision} 版，${formatBeijingTime(report.filedAt!)}，${report.filedBy}）`
      : '未填报（草稿）',
    '',
  ]);
  ws.addRow(['数据截至', formatBeijingTime(report.figuresAsOf), '']);
  const header = ws.addRow(['项目', '数值', '来源']);
  header.font = { bold: true };
  for (const item of listReportItems(report.figures, report.entered))
    ws.addRow([item.label, item.value ?? '', item.source]);
  return {
    workbook: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `${report.unit.name}-${month}-平安报表.xlsx`,
  };
};
