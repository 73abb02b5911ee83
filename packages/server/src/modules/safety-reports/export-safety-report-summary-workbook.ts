import {
  SAFETY_REPORT_ENTERED_FIELDS,
  SAFETY_REPORT_FIGURES,
  SAFETY_REPORT_FIGURE_KEYS,
  SAFETY_REPORT_SUMMED_FIELD_KEYS,
  type SafetyReportSummaryCells,
  type SafetyReportSummaryQuery,
} from '@zongzhi/contracts';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { getSafetyReportSummary } from './get-safety-report-summary';

const STATE_ZH = { not_started: '未开始', open: '填报中', closed: '已截止' } as const;

/** The Chinese headers of the summed items: the prefilled figures, then the entered counts. */
export const SUMMARY_ITEM_LABELS = [
  ...SAFETY_REPORT_FIGURE_KEYS.map((k) => SAFETY_REPORT_FIGURES[k].label.zh),
  ...SAFETY_REPORT_SUMMED_FIELD_KEYS.map((k) => SAFETY_REPORT_ENTERED_FIELDS[k].label.zh),
];

const cellsOf = (c: SafetyReportSummaryCells) => [
  c.expected,
  c.filed,
  c.filedOnTime,
  c.filedLate,
  c.pending,
  c.missed,
  c.filingRate === null ? '' : c.filingRate,
  ...SAFETY_REPORT_FIGURE_KEYS.map((k) => c.totals[k]),
  ...SAFETY_REPORT_SUMMED_FIELD_KEYS.map((k) => c.totals[k]),
];

const CELL_HEADERS = ['应报', '已报', '按时报送', '逾期报送', '待报', '未报（已截止）', '报送率'];

/**
 * The summary of a period as a workbook: a sheet by month for the summed unit (with the period's
 * total), and a sheet of the units directly below, one row per unit and month.
 */
export const exportSafetyReportSummaryWorkbook = async (
  q: Queryable,
  access: { grants: readonly RoleGrant[]; now: Date },
  query: SafetyReportSummaryQuery,
): Promise<{ workbook: Buffer; filename: string }> => {
  const summary = await getSafetyReportSummary(q, access, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zongzhi';
  const pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  } as const;
  const rateFormat = (ws: ExcelJS.Worksheet, column: number) => {
    ws.getColumn(column).numFmt = '0.0%';
  };

  const byMonth = wb.addWorksheet('按月汇总', { pageSetup });
  byMonth.addRow([
    `${summary.unit.name} ${summary.period} 平安报表汇总（${summary.firstDay} 至 ${summary.lastDay}）`,
  ]).font = { bold: true };
  byMonth.addRow(['月份', '状态', '截止日期', ...CELL_HEADERS, ...SUMMARY_ITEM_LABELS]).font = { bold: true };
  for (const m of summary.months)
    byMonth.addRow([m.month, STATE_ZH[m.state], m.closesOn ?? '', ...cellsOf(m)]);
  byMonth.addRow(['合计', '', '', ...cellsOf(summary.total)]).font = { bold: true };
  rateFormat(byMonth, 10);
  byMonth.columns.forEach((c, i) => {
    c.width = i === 0 ? 12 : 11;
  });

  const byUnit = wb.addWorksheet('下级单位', { pageSetup });
  byUnit.addRow(['单位', '月份', ...CELL_HEADERS, ...SUMMARY_ITEM_LABELS]).font = { bold: true };
  for (const child of summary.children) {
    for (const m of child.months) byUnit.addRow([child.unitName, m.month, ...cellsOf(m)]);
    byUnit.addRow([child.unitName, '合计', ...cellsOf(child.total)]).font = { bold: true };
  }
  rateFormat(byUnit, 9);
  byUnit.columns.forEach((c, i) => {
    c.width = i === 0 ? 20 : 11;
  });

  return {
    workbook: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `${summary.unit.name}-${summary.period}-平安报表汇总.xlsx`,
  };
};
