import type { FindingSeverity, InspectionKindId, RectificationStatus } from '@zongzhi/domain';
import ExcelJS from 'exceljs';

// The findings workbook (问题清单). The import reads one sheet whose columns are the contract:
// A 严重程度 (轻微 / 一般 / 严重), B 问题描述, C 整改责任单位代码 (empty: the inspected unit),
// D 整改期限 (empty: from the rulebook), E 期限调整理由 (required with D). Row 1 is the header.

export const FINDINGS_SHEET = '问题清单';
export const IMPORT_HEADER = ['严重程度', '问题描述', '整改责任单位代码', '整改期限', '期限调整理由'];

export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  minor: '轻微',
  general: '一般',
  serious: '严重',
};
export const KIND_LABELS: Record<InspectionKindId, string> = {
  self_check: '自检',
  spot_check: '抽检',
  half_year_check: '半年初检',
  year_end_check: '年终总检',
  special: '专项督查',
  unannounced: '明察暗访',
  patrol: '巡视督查',
};
export const STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '整改中',
  due_soon: '即将到期',
  overdue: '已逾期',
  submitted: '待验收',
  rejected: '验收退回',
  accepted: '已验收',
  closed: '已销号',
};

export const severityOf = new Map<string, FindingSeverity>(
  (Object.entries(SEVERITY_LABELS) as [FindingSeverity, string][]).flatMap(([id, zh]) => [
    [id, id],
    [zh, id],
  ]),
);

export const readWorkbook = async (buffer: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
};

export const writeWorkbook = async (wb: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

export { readCellText } from '../../platform/excel/read-cell-text';
