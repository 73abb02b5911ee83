/** The content type of an Excel workbook, for downloads and for the registry import's body. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
