/**
 * DOCX renderer of `OfficialDocument` (GB/T 9704-2012) with `docx`: A4, the same margins as the
 * PDF, the standard's font names (Word substitutes when a face is missing), exact 225/22 mm line
 * pitch, a 22 × 28 document grid, and `— n —` page numbers in odd/even footers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatChineseDate } from './format';
import type { DocumentBlock, OfficialDocument, RenderDocx } from './official-document';

/** Twips per millimetre. */
const TW = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TW);
/** The font names GB/T 9704 prescribes (commercial faces; Word substitutes locally installed ones). */
export const DOCX_FONTS = {
  fangsong: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const;
const LATIN = 'Times New Roman';
/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const HALF = { two: 44, three: 32, four: 28, small: 16 } as const;
/** Exact line pitch 225 mm / 22 in twips. */
const LINE_TW = Math.floor((225 / 22) * TW);
/** Character pitch 156/28 mm minus the 16 pt advance, in twentieths of a point. */
const CHAR_SPACING = Math.round(((156 / 28) * (72 / 25.4) - 16) * 20);
const CHAR_TW = (156 / 28) * TW;
const RED = 'E60012';

type RunOpts = { font?: string; size?: number; color?: string; bold?: boolean; spacing?: boolean };
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({
    text,
    font: { eastAsia: o.font ?? DOCX_FONTS.fangsong, ascii: LATIN, hAnsi: LATIN },
    size: o.size ?? HALF.three,
    ...(o.color ? { color: o.color } : {}),
    ...(o.bold ? { bold: true } : {}),
    ...(o.spacing === false
      ? {}
      : (o.size ?? HALF.three) === HALF.three
        ? { characterSpacing: CHAR_SPACING }
        : {}),
  });

type ParaOpts = RunOpts & {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indentChars?: number;
  rightChars?: number;
  before?: number;
  exact?: boolean;
};
const para = (text: string | ParagraphChild[], o: ParaOpts = {}) =>
  new Paragraph({
    children: typeof text === 'string' ? [run(text, o)] : text,
    alignment: o.align ?? AlignmentType.LEFT,
    spacing: {
      before: o.before ?? 0,
      after: 0,
      ...(o.exact === false ? {} : { line: LINE_TW, lineRule: LineRuleType.EXACT }),
    },
    indent: {
      ...(o.indentChars ? { firstLine: Math.round(o.indentChars * CHAR_TW) } : {}),
      ...(o.rightChars ? { right: Math.round(o.rightChars * CHAR_TW) } : {}),
    },
  });
const blank = () => para('');

const HEADING_FONT = {
  1: DOCX_FONTS.hei,
  2: DOCX_FONTS.kai,
  3: DOCX_FONTS.fangsong,
  4: DOCX_FONTS.fangsong,
} as const;

function block(b: DocumentBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para(b.text, { font: HEADING_FONT[b.level], bold: b.level === 3, indentChars: 2 })];
    case 'paragraph':
      return [para(b.text, { indentChars: 2 })];
    case 'table': {
      const weights = b.widths && b.widths.length === b.header.length ? b.widths : b.header.map(() => 1);
      const total = weights.reduce((a, c) => a + c, 0);
      const cell = (text: string, header: boolean, i: number) =>
        new TableCell({
          width: { size: Math.round(((weights[i] ?? 1) / total) * 5000), type: WidthType.PERCENTAGE },
          children: [
            para(text, {
              size: HALF.four,
              font: header ? DOCX_FONTS.hei : DOCX_FONTS.fangsong,
              exact: false,
              align: header ? AlignmentType.CENTER : AlignmentType.LEFT,
            }),
          ],
        });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, true, i)) }),
            ...b.rows.map(
              (r) => new TableRow({ children: b.header.map((_, i) => cell(r[i] ?? '', false, i)) }),
            ),
          ],
        }),
      ];
    }
    case 'signatures': {
      const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
      const borders = {
        top: none,
        bottom: none,
        left: none,
        right: none,
        insideHorizontal: none,
        insideVertical: none,
      };
      const partyCell = (p: (typeof b.parties)[number]) =>
        new TableCell({
          width: { size: Math.round(5000 / b.parties.length), type: WidthType.PERCENTAGE },
          children: [
            para(p.role, { size: HALF.four, font: DOCX_FONTS.hei, exact: false }),
            para(`${p.organ}（盖章）`, { size: HALF.four, exact: false }),
            para(`第一责任人：${p.person ?? '＿＿＿＿＿＿'}`, { size: HALF.four, exact: false }),
            para(p.signedAt ?? '日期：＿＿＿＿年＿＿月＿＿日', { size: HALF.four, exact: false }),
            ...(p.hash ? [para(`SM3 ${p.hash}`, { size: HALF.small, color: '555555', exact: false })] : []),
          ],
        });
      return [
        blank(),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders,
          rows: [new TableRow({ children: b.parties.map(partyCell) })],
        }),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

const rule = (color: string, size: number) =>
  new Paragraph({
    children: [],
    border: { bottom: { style: BorderStyle.SINGLE, size, color, space: 1 } },
    spacing: { before: 0, after: 0, line: 240 },
  });

function head(doc: OfficialDocument): (Paragraph | Table)[] {
  if (doc.format === 'plain') return [];
  const out: (Paragraph | Table)[] = [];
  const markHalf = doc.organMark
    ? Math.min(72, Math.floor((442 / Math.max(1, [...doc.organMark].length)) * 2))
    : HALF.two;
  if (doc.format === 'document') {
    // 35 mm below the block's top
    out.push(
      para(doc.organMark ?? '', {
        font: DOCX_FONTS.xiaobiaosong,
        size: markHalf,
        color: RED,
        align: AlignmentType.CENTER,
        exact: false,
        before: mm(35),
        spacing: false,
      }),
    );
    if (doc.number)
      out.push(blank(), blank(), para(doc.number, { align: AlignmentType.CENTER, spacing: false }));
    out.push(rule(RED, 12), blank(), blank());
  } else {
    out.push(
      para(doc.organMark ?? '', {
        font: DOCX_FONTS.xiaobiaosong,
        size: markHalf,
        color: RED,
        align: AlignmentType.CENTER,
        exact: false,
        spacing: false,
      }),
    );
    out.push(rule(RED, 18));
    if (doc.number) out.push(para(doc.number, { align: AlignmentType.RIGHT, spacing: false }));
    out.push(blank());
  }
  return out;
}

function tail(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.attachments?.length) {
    out.push(blank());
    const numbered = doc.attachments.length > 1;
    doc.attachments.forEach((a, i) => {
      const label = numbered ? `${i + 1}.${a}` : a;
      out.push(
        i === 0
          ? para(`附件：${label}`, { indentChars: 2 })
          : new Paragraph({
              children: [run(label)],
              indent: { left: Math.round(5 * CHAR_TW) },
              spacing: { line: LINE_TW, lineRule: LineRuleType.EXACT },
            }),
      );
    });
  }
  if (doc.signOff) {
    out.push(blank(), blank());
    const date = formatChineseDate(doc.signOff.date);
    out.push(para(doc.signOff.organ, { align: AlignmentType.RIGHT, rightChars: doc.signOff.seal ? 4 : 2 }));
    if (doc.signOff.seal)
      out.push(
        para('（印章位置）', { align: AlignmentType.RIGHT, rightChars: 4, color: RED, size: HALF.four }),
      );
    out.push(para(date, { align: AlignmentType.RIGHT, rightChars: 4 }));
  }
  if (doc.cc?.length || doc.imprint) {
    out.push(blank(), rule('000000', 8));
    if (doc.cc?.length)
      out.push(para(`抄送：${doc.cc.join('，')}。`, { size: HALF.four, exact: false }), rule('000000', 4));
    if (doc.imprint) {
      out.push(
        new Paragraph({
          children: [
            run(doc.imprint.organ, { size: HALF.four }),
            run(`\t${formatChineseDate(doc.imprint.date)}印发`, { size: HALF.four }),
          ],
          tabStops: [{ type: 'right', position: mm(156) - mm(5) }],
        }),
        rule('000000', 8),
      );
    }
  }
  return out;
}

const pageNumberFooter = (odd: boolean) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: mm(4.94) } : { left: mm(4.94) },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: DOCX_FONTS.song, ascii: DOCX_FONTS.song, hAnsi: DOCX_FONTS.song },
            size: HALF.four,
          }),
        ],
      }),
    ],
  });

export const renderDocx: RenderDocx = async (doc) => {
  const children: (Paragraph | Table)[] = [
    ...head(doc),
    para(doc.title, { font: DOCX_FONTS.xiaobiaosong, size: HALF.two, align: AlignmentType.CENTER }),
    blank(),
    ...(doc.addressee ? [para(doc.addressee)] : []),
    ...doc.body.flatMap(block),
    ...tail(doc),
  ];
  const document = new Document({
    creator: 'Zongzhi',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: DOCX_FONTS.fangsong, ascii: LATIN, hAnsi: LATIN }, size: HALF.three },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              left: mm(28),
              right: mm(26),
              bottom: mm(35),
              header: mm(15),
              footer: mm(23),
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: LINE_TW,
            charSpace: Math.round((CHAR_SPACING * 4096) / 20),
          },
        },
        footers: { default: pageNumberFooter(true), even: pageNumberFooter(false) },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
};
