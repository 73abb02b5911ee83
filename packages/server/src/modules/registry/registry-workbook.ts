import ExcelJS from 'exceljs';
import { POST_KIND_TABLE, UNIT_KIND_TABLE } from '@zongzhi/domain';

// The registry workbook: one layout shared by the template, the export and the import, so that
// an exported file reads back the way a filled template does. Column order is the contract.

export const SHEETS = {
  units: {
    name: '单位',
    columns: ['单位编码*', '单位名称*', '单位类型*', '上级单位编码*', '人口', '成立日期*'],
    widths: [20, 28, 14, 20, 10, 14],
  },
  people: {
    name: '人员',
    columns: ['人员编号*', '姓名*', '性别', '出生日期', '手机号码', '登记单位编码*'],
    widths: [14, 14, 8, 14, 18, 20],
  },
  posts: {
    name: '任职',
    columns: ['人员编号*', '单位编码*', '职务类别*', '职务名称*', '分管领域', '任职日期*', '免职日期'],
    widths: [14, 20, 18, 28, 24, 14, 14],
  },
} as const;

export type SheetKey = keyof typeof SHEETS;

export const INSTRUCTIONS: string[][] = [
  ['综治责任体系登记表 填写说明'],
  [''],
  ['1. 带 * 的列必填；第一行为表头，请勿修改表头和列的顺序。日期格式为 YYYY-MM-DD（如 2026-03-01）。'],
  ['2. 「单位」表：上级单位编码可填系统中已有的现存单位，或本文件中的其他单位；上级单位须在您的管辖范围内。'],
  [
    '3. 「人员」表：人员编号只在本文件内使用（如 P1、P2），「任职」表用它指明人员；登记单位编码为管理该人员档案的单位。',
  ],
  ['4. 「任职」表：免职日期为不再担任该职务的第一天，可留空表示现任；同一职务可有代理人员，任期可以重叠。'],
  ['5. 导入时先校验全部行：只要有一处错误，整个文件都不会导入，并列出出错的单元格（如 任职!D7）。'],
  ['6. 导入只新增记录：单位编码不能与现存单位重复。'],
  [''],
  ['单位类型（填中文或代码）', '代码'],
  ...UNIT_KIND_TABLE.map((k) => [k.label.zh, k.kind]),
  [''],
  ['职务类别（填中文或代码）', '代码', '责任'],
  ...POST_KIND_TABLE.map((k) => [k.label.zh, k.kind, k.role]),
  [''],
  ['性别', '男 / 女'],
];

export { XLSX_MIME_TYPE } from '../../platform/http/content-types';

/** A workbook with the three data sheets (headers only) and the 说明 sheet. */
export const createRegistryWorkbook = () => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zongzhi';
  for (const sheet of Object.values(SHEETS)) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...sheet.columns]).font = { bold: true };
    sheet.widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  const help = wb.addWorksheet('说明');
  for (const row of INSTRUCTIONS) help.addRow(row);
  help.getColumn(1).width = 60;
  help.getColumn(2).width = 20;
  return wb;
};

export const writeWorkbook = async (wb: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

export const readWorkbook = async (buffer: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
};

export { readCellText } from '../../platform/excel/read-cell-text';

export const columnLetter = (index: number) => String.fromCharCode(65 + index);
