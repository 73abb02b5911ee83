/**
 * The one model of a printable document (RULES.md §10, GB/T 9704-2012), rendered to PDF
 * (pdfmake, CJK fonts from Debian) and DOCX (docx). Letters (目标管理责任书) and every
 * accountability document (通报, 约谈通知书, 挂牌督办通知书/决定, 一票否决决定, 重大案件领导责任
 * 查究通知书, 建议函) are built as an `OfficialDocument` by their area and handed to the renderers
 * in `render-pdf.ts` / `render-docx.ts`. Areas never lay out pages themselves.
 *
 * All text is final text (Chinese); the renderer adds nothing but layout: the red issuing-organ
 * mark and rule, page numbers `— 1 —`, fonts and sizes, the 22 × 28 grid.
 */

/** Heading levels of GB/T 9704 §7.3.3: 一、(黑体) （一）(楷体) 1.(仿宋 bold) （1）(仿宋). The caller writes the number into `text`. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type DocumentBlock =
  /** A heading line of the body, e.g. `{ level: 1, text: '一、整改要求' }`. */
  | { kind: 'heading'; level: HeadingLevel; text: string }
  /** A body paragraph in 仿宋 size 3, first line indented two characters. */
  | { kind: 'paragraph'; text: string }
  /** A table (targets of a letter, a list of findings). `widths` are relative weights. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  /**
   * Signature blocks side by side (a letter's two parties): who signs for which organ, and the
   * electronic signature record once signed (who, when, SM3 of the signed version).
   */
  | {
      kind: 'signatures';
      parties: {
        /** 甲方（发放单位） / 乙方（责任单位） */
        role: string;
        organ: string;
        /** 第一责任人 name, or blank line to sign by hand. */
        person?: string;
        /** e.g. '2026-03-05 10:21 已电子签署' */
        signedAt?: string;
        /** SM3 hex of the signed version (printed small). */
        hash?: string;
      }[];
    }
  /** A forced page break (a bulk document of many letters puts one between letters). */
  | { kind: 'pageBreak' };

export type OfficialDocument = {
  /**
   * 'document' (文件格式: red organ mark 35 mm below the text block's top, number under it,
   * red rule 4 mm below the number), 'letter' (信函格式: mark 30 mm below the paper's top edge,
   * double red rules), or 'plain' (no organ mark: a letter of responsibility, a printed form).
   */
  format: 'document' | 'letter' | 'plain';
  /** 发文机关标志, e.g. '株洲县社会治安综合治理委员会办公室文件' (format document/letter). */
  organMark?: string;
  /** 发文字号 built by `formatDocumentNumber`, e.g. '株综治办〔2026〕12号'. */
  number?: string;
  /** 标题, centred, 2号小标宋 (the stand-in face is named in docs/decisions). */
  title: string;
  /** 主送机关, e.g. '城关镇党委、政府：'. */
  addressee?: string;
  body: DocumentBlock[];
  /** 附件说明 lines. */
  attachments?: string[];
  /** 发文机关署名 and 成文日期 (YYYY-MM-DD; printed 2026年3月5日 in Arabic numerals); seal placeholder drawn when true. */
  signOff?: { organ: string; date: string; seal: boolean };
  /** 抄送 */
  cc?: string[];
  /** 版记: 印发机关 and 印发日期 (YYYY-MM-DD). */
  imprint?: { organ: string; date: string };
};

/** Renders one or more documents into one PDF (each starts on a new page, page numbers restart). */
export type RenderPdf = (docs: OfficialDocument | OfficialDocument[]) => Promise<Buffer>;
/** Renders one document as DOCX (A4, same margins and fonts named), for editing before issue. */
export type RenderDocx = (doc: OfficialDocument) => Promise<Buffer>;
