/**
 * PDF renderer of `OfficialDocument` (RULES.md §10, GB/T 9704-2012) with pdfmake 0.3.
 *
 * The 22 × 28 grid is exact: every body line is its own no-wrap text node (this file breaks the
 * lines, so pdfmake's per-character CJK wrapping cannot lose the negative character spacing),
 * each line box is 225 mm / 22 high and each size-3 character advances 156 mm / 28.
 * Several documents become pdfmake sections: each starts on a new page and numbers its pages
 * from 1 (the footer closure of a section sees its own first page first).
 */
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type Face, FontMetrics, documentFonts } from './fonts';
import { formatChineseDate } from './format';
import type { DocumentBlock, OfficialDocument, RenderPdf } from './official-document';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
const MM = PT_PER_MM;
/** GB/T 9704 §5.2.1 / §5.2.2 page geometry in pt. */
export const PAGE = {
  width: 210 * MM,
  height: 297 * MM,
  top: 37 * MM,
  left: 28 * MM,
  blockWidth: 156 * MM,
  blockHeight: 225 * MM,
  linesPerPage: 22,
  charsPerLine: 28,
} as const;
const RIGHT = PAGE.width - PAGE.left - PAGE.blockWidth; // 26 mm
const BOTTOM = PAGE.height - PAGE.top - PAGE.blockHeight; // 35 mm
/** Line pitch (a hair under 225/22 mm so 22 lines never overflow by rounding). */
const LINE = PAGE.blockHeight / PAGE.linesPerPage - 0.001;
/** Character pitch of size-3 text (156/28 mm). */
const CHAR = PAGE.blockWidth / PAGE.charsPerLine;
const W = PAGE.blockWidth;
const EPS = 0.01;
const RED = '#E60012';
const SIZE = { two: 22, three: 16, four: 14, small: 8 } as const;

const PDF_FONT = { ming: 'DocMing', kai: 'DocKai', hei: 'DocHei' } as const satisfies Record<Face, string>;

let fontsReady = false;
function ensureFonts(): void {
  if (fontsReady) return;
  const f = documentFonts();
  const entry = (face: Face) => {
    const src = [f[face].file, f[face].postscript] as unknown as string;
    return { normal: src, bold: src, italics: src, bolditalics: src };
  };
  pdfmake.addFonts({
    [PDF_FONT.ming]: entry('ming'),
    [PDF_FONT.kai]: entry('kai'),
    [PDF_FONT.hei]: entry('hei'),
  });
  const allowed = new Set([f.ming.file, f.kai.file, f.hei.file]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => allowed.has(path));
  fontsReady = true;
}

let metricsInstance: FontMetrics | undefined;
function metrics(): FontMetrics {
  metricsInstance ??= new FontMetrics();
  return metricsInstance;
}

/** Character spacing that makes `size` text advance one grid character (only size 3 is on the grid). */
function spacingFor(size: number): number {
  return size === SIZE.three ? CHAR - SIZE.three : 0;
}

/** pdfmake line-height multiplier that makes one line box exactly one grid line. */
function gridLineHeight(face: Face, size: number): number {
  return LINE / metrics().naturalLineHeight(face, size);
}

const NO_LINE_START = new Set('，。、；：？！）》」』〕】〉”’…%,.;:?!)]}'.split(''));
const NO_LINE_END = new Set('（《「『〔【〈“‘([{'.split(''));

/** Tokens that must not be split: runs of ASCII letters/digits, otherwise single characters. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.\-_/:%]+|[\s\S]/gu) ?? [];
}

/**
 * Breaks `text` into lines: the first `firstWidth` wide, the rest `restWidth`, with 避头尾
 * (no closing punctuation at a line's start, no opening one at its end).
 */
export function breakLines(
  text: string,
  face: Face,
  size: number,
  firstWidth: number,
  restWidth: number,
): string[] {
  const m = metrics();
  const cs = spacingFor(size);
  const adv = (s: string) => m.width(face, size, s, 0) + cs * s.length;
  const lines: string[] = [];
  let current: string[] = [];
  let used = 0;
  const limit = () => (lines.length === 0 ? firstWidth : restWidth) - cs + EPS;
  const pushToken = (tok: string) => {
    current.push(tok);
    used += adv(tok);
  };
  for (const raw of tokens(text)) {
    const parts = adv(raw) > restWidth ? [...raw] : [raw];
    for (const tok of parts) {
      if (current.length > 0 && used + adv(tok) > limit()) {
        // 避头: pull the previous token down with a closing punctuation mark
        let carry: string[] = [];
        if (NO_LINE_START.has(tok) && current.length > 1) carry = current.splice(current.length - 1, 1);
        // 避尾: an opening mark never ends a line
        while (current.length > 1 && NO_LINE_END.has(current[current.length - 1] ?? '')) {
          carry = [...current.splice(current.length - 1, 1), ...carry];
        }
        lines.push(current.join('').trimEnd());
        current = [];
        used = 0;
        for (const c of carry) pushToken(c);
        if (current.length === 0 && /^\s+$/.test(tok)) continue;
      }
      pushToken(tok);
    }
  }
  if (current.length > 0 || lines.length === 0) lines.push(current.join('').trimEnd());
  return lines;
}

type TextOpts = { face: Face; size: number; color?: string; indentChars?: number; align?: 'left' | 'center' };

/** A wrapped text on the grid: one no-wrap node per line. */
function gridText(text: string, o: TextOpts): Content[] {
  const indent = (o.indentChars ?? 0) * CHAR;
  const lines = breakLines(text, o.face, o.size, W - indent, W);
  return lines.map((line, i) => ({
    text: line,
    font: PDF_FONT[o.face],
    fontSize: o.size,
    characterSpacing: spacingFor(o.size),
    lineHeight: gridLineHeight(o.face, o.size),
    noWrap: true,
    color: o.color,
    alignment: o.align ?? 'left',
    margin: [i === 0 ? indent : 0, 0, 0, 0],
  })) as Content[];
}

/** Vertical space of `n` grid lines (an empty canvas: an empty text node would take a line of its own). */
function blankLines(n: number): Content {
  return { canvas: [], margin: [0, n * LINE, 0, 0] } as unknown as Content;
}

const HEADING_FACE: Record<1 | 2 | 3 | 4, Face> = { 1: 'hei', 2: 'kai', 3: 'ming', 4: 'ming' };

function renderBlock(block: DocumentBlock): Content[] {
  switch (block.kind) {
    case 'heading':
      return gridText(block.text, { face: HEADING_FACE[block.level], size: SIZE.three, indentChars: 2 });
    case 'paragraph':
      return gridText(block.text, { face: 'ming', size: SIZE.three, indentChars: 2 });
    case 'table':
      return [renderTable(block)];
    case 'signatures':
      return [blankLines(1), renderSignatures(block)];
    case 'pageBreak':
      return [{ canvas: [], pageBreak: 'after' } as unknown as Content];
  }
}

function renderTable(block: Extract<DocumentBlock, { kind: 'table' }>): Content {
  const cols = block.header.length;
  const weights =
    block.widths && block.widths.length === cols && block.widths.every((w) => w > 0)
      ? block.widths
      : block.header.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  // fixed widths (pdfmake has no weighted star widths); 2 × 2 pt padding and 0.5 pt rules per column
  const widths = weights.map((w) => (w / total) * (W - cols * 4.5 - 0.5));
  const cell = (text: string, header: boolean) => ({
    text,
    font: PDF_FONT[header ? 'hei' : 'ming'],
    fontSize: SIZE.four,
    alignment: header ? 'center' : 'left',
    margin: [2, 3, 2, 3],
  });
  return {
    margin: [0, LINE / 2, 0, LINE / 2],
    table: {
      headerRows: 1,
      widths,
      body: [
        block.header.map((h) => cell(h, true)),
        ...block.rows.map((r) => block.header.map((_, i) => cell(r[i] ?? '', false))),
      ],
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
  } as unknown as Content;
}

function renderSignatures(block: Extract<DocumentBlock, { kind: 'signatures' }>): Content {
  const line = (text: string, size: number = SIZE.four, extra: Record<string, unknown> = {}) => ({
    text,
    font: PDF_FONT.ming,
    fontSize: size,
    lineHeight: size === SIZE.four ? 1.4 : 1.2,
    ...extra,
  });
  const columns = block.parties.map((p) => {
    const stack: unknown[] = [
      line(p.role, SIZE.four, { font: PDF_FONT.hei }),
      line(`${p.organ}（盖章）`),
      line(`第一责任人：${p.person ?? '＿＿＿＿＿＿'}`),
      line(p.signedAt ?? '日期：＿＿＿＿年＿＿月＿＿日'),
    ];
    if (p.hash) {
      stack.push(line(`SM3 ${p.hash.slice(0, 32)}`, SIZE.small, { color: '#555555' }));
      stack.push(line(p.hash.slice(32), SIZE.small, { color: '#555555', margin: [20, 0, 0, 0] }));
    }
    return { width: '*', stack };
  });
  return { columns, columnGap: 8 * MM, unbreakable: true } as unknown as Content;
}

function attachmentLines(attachments: string[]): Content[] {
  const out: Content[] = [];
  const numbered = attachments.length > 1;
  attachments.forEach((name, i) => {
    const label = numbered ? `${i + 1}.${name}` : name;
    const prefix = i === 0 ? '附件：' : '';
    const indent = i === 0 ? 2 : 5;
    const lines = breakLines(`${prefix}${label}`, 'ming', SIZE.three, W - indent * CHAR, W - 5 * CHAR);
    lines.forEach((l, j) => {
      out.push({
        text: l,
        font: PDF_FONT.ming,
        fontSize: SIZE.three,
        characterSpacing: spacingFor(SIZE.three),
        lineHeight: gridLineHeight('ming', SIZE.three),
        noWrap: true,
        margin: [j === 0 ? indent * CHAR : 5 * CHAR, 0, 0, 0],
      } as Content);
    });
  });
  return out;
}

function gridLine(
  text: string,
  margin: [number, number, number, number],
  alignment: 'left' | 'right' | 'center' = 'left',
): Content {
  return {
    text,
    font: PDF_FONT.ming,
    fontSize: SIZE.three,
    characterSpacing: spacingFor(SIZE.three),
    lineHeight: gridLineHeight('ming', SIZE.three),
    noWrap: true,
    alignment,
    margin,
  } as Content;
}

/** 发文机关署名 + 成文日期 (§7.3.5) and the seal placeholder. */
function signOffBlock(signOff: NonNullable<OfficialDocument['signOff']>): Content[] {
  const m = metrics();
  const cs = spacingFor(SIZE.three);
  const date = formatChineseDate(signOff.date);
  const dateW = m.width('ming', SIZE.three, date, cs);
  const organW = m.width('ming', SIZE.three, signOff.organ, cs);
  let organRight: number;
  let dateRight: number;
  if (signOff.seal) {
    // 成文日期右空四字; 署名以成文日期为准居中
    dateRight = 4 * CHAR;
    organRight = Math.max(0, dateRight + (dateW - organW) / 2);
  } else {
    // 署名右空二字; 日期首字比署名首字右移二字
    organRight = 2 * CHAR;
    const organStart = W - organRight - organW;
    dateRight = Math.max(0, W - (organStart + 2 * CHAR) - dateW);
  }
  const out: Content[] = [blankLines(signOff.seal ? 2 : 1)];
  if (signOff.seal) {
    const r = 20 * MM;
    const cx = W - dateRight - dateW / 2;
    // the seal's centre a little above the organ line: 署名和日期居印章中心偏下
    const top = LINE * 0.3 - r;
    out.push({
      relativePosition: { x: cx - r, y: top },
      stack: [
        {
          canvas: [
            {
              type: 'ellipse',
              x: r,
              y: r,
              r1: r,
              r2: r,
              lineColor: RED,
              lineWidth: 1.2,
              dash: { length: 4, space: 2 },
            },
          ],
        },
        {
          text: '印章位置',
          font: PDF_FONT.ming,
          fontSize: SIZE.four,
          color: RED,
          relativePosition: { x: r - 28, y: -1.7 * r }, // relative to the canvas's bottom
        },
      ],
    } as unknown as Content);
  }
  // left margins, not right alignment: pdfmake ignores the right margin of a right-aligned no-wrap line
  out.push(gridLine(signOff.organ, [Math.max(0, W - organRight - organW), 0, 0, 0]));
  out.push(gridLine(date, [Math.max(0, W - dateRight - dateW), 0, 0, 0]));
  return out;
}

/** 版记 (§7.4): 抄送, 印发机关 and 印发日期 between rules, size-4 仿宋. */
function imprintBlock(doc: OfficialDocument): Content[] {
  if (!doc.cc?.length && !doc.imprint) return [];
  const rule = (width: number): Content =>
    ({
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: W, y2: 0, lineWidth: width }],
      margin: [0, 2, 0, 2],
    }) as Content;
  const oneChar = SIZE.four;
  const out: Content[] = [blankLines(2), rule(0.35 * MM)];
  if (doc.cc?.length) {
    out.push({
      text: `抄送：${doc.cc.join('，')}。`,
      font: PDF_FONT.ming,
      fontSize: SIZE.four,
      lineHeight: 1.5,
      margin: [oneChar, 0, oneChar, 0],
    } as Content);
    out.push(rule(doc.imprint ? 0.25 * MM : 0.35 * MM));
  }
  if (doc.imprint) {
    out.push({
      columns: [
        { text: doc.imprint.organ, width: '*', alignment: 'left' },
        { text: `${formatChineseDate(doc.imprint.date)}印发`, width: 'auto', alignment: 'right' },
      ],
      font: PDF_FONT.ming,
      fontSize: SIZE.four,
      lineHeight: 1.5,
      margin: [oneChar, 0, oneChar, 0],
    } as unknown as Content);
    out.push(rule(0.35 * MM));
  }
  return out;
}

function markSize(mark: string): number {
  const m = metrics();
  const at1 = m.width('ming', 1, mark, 0);
  return Math.min(36, Math.floor((W / at1) * 2) / 2);
}

/** 版头 of the document format (§7.2): mark 35 mm below the block's top, number, red rule 4 mm under it. */
function documentHead(doc: OfficialDocument): Content[] {
  const out: Content[] = [];
  if (doc.organMark) {
    out.push({
      text: doc.organMark,
      font: PDF_FONT.ming,
      fontSize: markSize(doc.organMark),
      color: RED,
      alignment: 'center',
      noWrap: true,
      lineHeight: 1,
      margin: [0, 35 * MM, 0, 0],
    } as Content);
  }
  if (doc.number) {
    out.push({
      text: doc.number,
      font: PDF_FONT.ming,
      fontSize: SIZE.three,
      alignment: 'center',
      noWrap: true,
      lineHeight: 1,
      margin: [0, 2 * LINE, 0, 0],
    } as Content);
  }
  out.push({
    canvas: [
      { type: 'line', x1: 0, y1: 4 * MM, x2: W, y2: 4 * MM, lineWidth: 0.35 * MM * 2, lineColor: RED },
    ],
  } as Content);
  out.push(blankLines(2));
  return out;
}

/** 信函格式 (§10.1) first page: mark 30 mm below the paper's top, double rules 170 mm, drawn as the page background. */
function letterBackground(doc: OfficialDocument): { background: Content; flowTop: number } {
  const mark = doc.organMark ?? '';
  const size = markSize(mark);
  const m = metrics();
  const markTop = 30 * MM;
  const markBottom = markTop + m.naturalLineHeight('ming', size);
  const ruleY = markBottom + 4 * MM;
  const ruleX = (PAGE.width - 170 * MM) / 2;
  const lowRuleY = PAGE.height - 20 * MM;
  const double = (y: number, thickFirst: boolean) => [
    {
      type: 'line',
      x1: ruleX,
      y1: y,
      x2: ruleX + 170 * MM,
      y2: y,
      lineWidth: thickFirst ? 2 : 0.7,
      lineColor: RED,
    },
    {
      type: 'line',
      x1: ruleX,
      y1: y + 2.5,
      x2: ruleX + 170 * MM,
      y2: y + 2.5,
      lineWidth: thickFirst ? 0.7 : 2,
      lineColor: RED,
    },
  ];
  const markW = m.width('ming', size, mark, 0);
  const background = [
    {
      text: mark,
      font: PDF_FONT.ming,
      fontSize: size,
      color: RED,
      noWrap: true,
      lineHeight: 1,
      absolutePosition: { x: (PAGE.width - markW) / 2, y: markTop },
    },
    { canvas: [...double(ruleY, true), ...double(lowRuleY, false)] },
  ] as unknown as Content;
  // the number goes 7/8 of a size-3 character below the double rule
  return { background, flowTop: ruleY + 2.5 + (7 / 8) * SIZE.three };
}

function pageNumberFooter(format: OfficialDocument['format']) {
  let first: number | undefined;
  return (currentPage: number): Content | null => {
    first ??= currentPage;
    const n = currentPage - first + 1;
    if (format === 'letter' && n === 1) return null; // 信函格式首页不显示页码
    const odd = n % 2 === 1;
    const oneChar = SIZE.four;
    return {
      text: `— ${n} —`,
      font: PDF_FONT.ming,
      fontSize: SIZE.four,
      lineHeight: 1,
      noWrap: true,
      alignment: odd ? 'right' : 'left',
      margin: [PAGE.left + (odd ? 0 : oneChar), 7 * MM, RIGHT + (odd ? oneChar : 0), 0],
    } as Content;
  };
}

function documentContent(doc: OfficialDocument): {
  content: Content[];
  background?: (page: number) => Content | null;
} {
  const content: Content[] = [];
  let background: ((page: number) => Content | null) | undefined;
  if (doc.format === 'document') {
    content.push(...documentHead(doc));
  } else if (doc.format === 'letter') {
    const bg = letterBackground(doc);
    let first: number | undefined;
    background = (page: number) => {
      first ??= page;
      return page === first ? bg.background : null;
    };
    content.push({ canvas: [], margin: [0, Math.max(0, bg.flowTop - PAGE.top), 0, 0] } as unknown as Content);
    if (doc.number) content.push(gridLine(doc.number, [0, 0, 0, 0], 'right'));
    content.push(blankLines(2));
  }
  content.push(...gridText(doc.title, { face: 'ming', size: SIZE.two, align: 'center' }));
  content.push(blankLines(1));
  if (doc.addressee) content.push(...gridText(doc.addressee, { face: 'ming', size: SIZE.three }));
  for (const block of doc.body) content.push(...renderBlock(block));
  if (doc.attachments?.length) {
    content.push(blankLines(1));
    content.push(...attachmentLines(doc.attachments));
  }
  if (doc.signOff) content.push(...signOffBlock(doc.signOff));
  content.push(...imprintBlock(doc));
  return background ? { content, background } : { content };
}

/** The pdfmake definition (exported for tests and debugging). */
export function pdfDefinition(docs: OfficialDocument[]): TDocumentDefinitions {
  if (docs.length === 0) throw new RangeError('renderPdf needs at least one document');
  const sections = docs.map((doc) => {
    const { content, background } = documentContent(doc);
    return {
      section: content,
      pageSize: 'A4',
      pageMargins: [PAGE.left, PAGE.top, RIGHT, BOTTOM],
      footer: pageNumberFooter(doc.format),
      background: background ?? null,
    };
  });
  return {
    pageSize: 'A4',
    pageMargins: [PAGE.left, PAGE.top, RIGHT, BOTTOM],
    info: { title: docs[0]?.title ?? '', creator: 'Zongzhi' },
    defaultStyle: { font: PDF_FONT.ming, fontSize: SIZE.three },
    content: sections as unknown as Content,
  } as TDocumentDefinitions;
}

export const renderPdf: RenderPdf = async (input) => {
  ensureFonts();
  const docs = Array.isArray(input) ? input : [input];
  const pdf = pdfmake.createPdf(pdfDefinition(docs));
  return Buffer.from(await pdf.getBuffer());
};
