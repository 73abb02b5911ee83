/** The content type of an Excel workbook, for downloads and for the registry import's body. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** PDF (official documents, platform/documents/render-pdf.ts). */
export const PDF_MIME_TYPE = 'application/pdf';
/** A Word document (official documents, platform/documents/render-docx.ts). */
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
