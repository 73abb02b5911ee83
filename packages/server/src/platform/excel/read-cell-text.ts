import type ExcelJS from 'exceljs';

/**
 * A cell of an uploaded workbook as trimmed text ('' when empty): numbers, rich text and formula
 * results included; a date cell as its UTC calendar day 'YYYY-MM-DD'. Every Excel import reads
 * its cells through this one function.
 */
export const readCellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return readCellText((value.result ?? null) as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
};
