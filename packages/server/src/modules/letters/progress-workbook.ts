import ExcelJS from 'exceljs';

// The progress workbook of a letter: one layout shared by the template download and the import,
// so that a downloaded file, filled in, reads back. Column order is the contract.

export const PROGRESS_SHEET = '目标进度';
export const PROGRESS_COLUMNS = [
  '目标编号*',
  '序号',
  '目标',
  '目标值',
  '统计期间*',
  '实际值',
  '备注',
] as const;
const WIDTHS = [30, 6, 50, 22, 12, 12, 30];

export const PROGRESS_INSTRUCTIONS = [
  ['目标进度填报表 填写说明'],
  [''],
  ['1. 第一行为表头，请勿修改表头、列的顺序和「目标编号」「统计期间」两列。'],
  ['2. 「实际值」填数字；百分比填百分数的数值（如 98.5 表示 98.5%）；定性目标填 1（已完成）或 0（未完成）。'],
  ['3. 「实际值」留空的行不导入，也不会清除系统中已有的数值。'],
  ['4. 系统能根据已有数据自动计算的目标（如签状率）不在表中，无需填报。'],
  ['5. 导入时先校验全部行：只要有一处错误，整个文件都不会导入，并列出出错的单元格（如 目标进度!F7）。'],
];

export type ProgressRow = {
  key: string;
  number: number | null;
  title: string;
  level: string;
  periodKey: string;
  value: number | null;
  note: string | null;
};

export const buildProgressWorkbook = async (rows: readonly ProgressRow[]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zongzhi';
  const ws = wb.addWorksheet(PROGRESS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...PROGRESS_COLUMNS]).font = { bold: true };
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const r of rows) ws.addRow([r.key, r.number, r.title, r.level, r.periodKey, r.value, r.note]);
  const help = wb.addWorksheet('说明');
  for (const line of PROGRESS_INSTRUCTIONS) help.addRow(line);
  help.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export { readCellText as cellText } from '../../platform/excel/read-cell-text';

export const readProgressWorkbook = async (buffer: Buffer): Promise<ExcelJS.Workbook | null> => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return wb;
  } catch {
    return null;
  }
};
