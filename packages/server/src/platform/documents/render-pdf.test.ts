import { describe, expect, it } from 'vitest';
import type { OfficialDocument } from './official-document';
import {
  type Box,
  type MeasuredPage,
  charactersPerLine,
  measurePdf,
  textMargins,
  toMm,
  visualLines,
} from './pdf-measure';
import { renderPdf } from './render-pdf';

const SENTENCE = '为深入贯彻落实社会治安综合治理领导责任制，根据有关规定，现就有关事项通知如下。';
/** Body text that fills several pages. */
const LONG = SENTENCE.repeat(40);

const notice = (over: Partial<OfficialDocument> = {}): OfficialDocument => ({
  format: 'document',
  organMark: '示范县社会治安综合治理委员会办公室文件',
  number: '株综治办〔2026〕12号',
  title: '关于对城关镇社会治安综合治理工作的通报',
  addressee: '各乡镇党委、政府，县直各单位：',
  body: [
    { kind: 'heading', level: 1, text: '一、基本情况' },
    { kind: 'paragraph', text: LONG },
    { kind: 'heading', level: 2, text: '（一）整改要求' },
    { kind: 'paragraph', text: '限期整改。' },
  ],
  attachments: ['整改清单', '责任分解表'],
  signOff: { organ: '示范县综治办', date: '2026-03-05', seal: true },
  cc: ['县委办', '县政府办'],
  imprint: { organ: '示范县社会治安综合治理委员会办公室', date: '2026-03-05' },
  ...over,
});

const isPageNumber = (b: Box) => /^[—\d]+$/.test(b.text) && toMm(b.yMin) > 262;
const notPageNumber = (b: Box) => !isPageNumber(b);
const pageNumberLine = (p: MeasuredPage) => visualLines(p, isPageNumber)[0];
const find = (p: MeasuredPage, text: string) => visualLines(p).find((l) => l.text.includes(text));

describe('renderPdf (GB/T 9704-2012 layout, read back with pdftotext -bbox)', () => {
  it('lays out A4 with a 156 × 225 mm text block at 28 mm / 37 mm: 22 lines of 28 characters', async () => {
    const pages = await measurePdf(await renderPdf(notice()));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) {
      expect(p.widthMm).toBeCloseTo(210, 0);
      expect(p.heightMm).toBeCloseTo(297, 0);
    }
    const full = pages[1] as MeasuredPage; // page 2: body text only
    const lines = visualLines(full, notPageNumber);
    expect(lines).toHaveLength(22);
    const m = textMargins(full, notPageNumber);
    expect(m.left).toBeCloseTo(28, 0);
    expect(Math.abs(m.top - 37)).toBeLessThan(0.3);
    // the 22nd line ends inside the block (37 + 225 = 262 mm)
    expect(toMm((lines[21] as Box).yMax)).toBeLessThan(262.5);
    expect(toMm((lines[21] as Box).yMin)).toBeGreaterThan(250);
    // line pitch 225/22 mm
    const pitch = (toMm((lines[21] as Box).yMin) - toMm((lines[0] as Box).yMin)) / 21;
    expect(pitch).toBeCloseTo(225 / 22, 2);
    // full lines hold exactly 28 characters and span the 156 mm block
    const counts = charactersPerLine(full, notPageNumber);
    expect(Math.max(...counts)).toBe(28);
    const widest = lines.find((l) => [...l.text].length === 28 && /[\u4e00-\u9fff，。]$/.test(l.text)) as Box;
    expect(toMm(widest.xMin)).toBeCloseTo(28, 0);
    expect(Math.abs(toMm(widest.xMax) - (28 + 156))).toBeLessThan(0.6);
  });

  it('puts the red organ mark 35 mm below the block, the number under it and the title centred', async () => {
    const [first] = await measurePdf(await renderPdf(notice()));
    const p = first as MeasuredPage;
    const mark = find(p, '示范县社会治安综合治理委员会办公室文件') as Box;
    expect(Math.abs(toMm(mark.yMin) - (37 + 35))).toBeLessThan(0.5);
    const number = find(p, '株综治办〔2026〕12号') as Box;
    expect(number).toBeDefined();
    expect(number.yMin).toBeGreaterThan(mark.yMax);
    expect(Math.abs((toMm(number.xMin) + toMm(number.xMax)) / 2 - 106)).toBeLessThan(0.6);
    const title = find(p, '关于对城关镇社会治安综合治理工作的通报') as Box;
    expect(title.yMin).toBeGreaterThan(number.yMax);
    expect(Math.abs((toMm(title.xMin) + toMm(title.xMax)) / 2 - 106)).toBeLessThan(0.6);
    // body paragraphs are indented two characters
    const heading = find(p, '一、基本情况') as Box;
    expect(toMm(heading.xMin)).toBeCloseTo(28 + (2 * 156) / 28, 0);
  });

  it('numbers pages — n — in the footer: right on odd pages, left on even, 7 mm below the block', async () => {
    const pages = await measurePdf(await renderPdf(notice()));
    const one = pageNumberLine(pages[0] as MeasuredPage) as Box;
    const two = pageNumberLine(pages[1] as MeasuredPage) as Box;
    expect(one.text).toBe('—1—');
    expect(two.text).toBe('—2—');
    // one size-4 character (14 pt = 4.94 mm) in from the block's edge
    expect(Math.abs(toMm(one.xMax) - (28 + 156 - 4.94))).toBeLessThan(0.6);
    expect(Math.abs(toMm(two.xMin) - (28 + 4.94))).toBeLessThan(0.6);
    expect(Math.abs(toMm(one.yMin) - (37 + 225 + 7))).toBeLessThan(0.5);
  });

  it('signs off with the organ and the Arabic date four characters from the right, and prints the imprint', async () => {
    const pages = await measurePdf(await renderPdf(notice()));
    const last = pages[pages.length - 1] as MeasuredPage;
    const date = find(last, '2026年3月5日') as Box;
    expect(date).toBeDefined();
    expect(Math.abs(toMm(date.xMax) - (28 + 156 - (4 * 156) / 28))).toBeLessThan(0.6);
    expect(find(last, '印章位置')).toBeDefined();
    expect(find(last, '抄送：县委办，县政府办。')).toBeDefined();
    expect(find(last, '2026年3月5日印发')).toBeDefined();
    const all = pages
      .map((p) =>
        visualLines(p)
          .map((l) => l.text)
          .join('\n'),
      )
      .join('\n');
    expect(all).toContain('附件：1.整改清单');
    expect(all).toContain('2.责任分解表');
  });

  it('renders several documents into one PDF, each from a new page with page numbers restarting', async () => {
    const short = (title: string): OfficialDocument =>
      notice({
        title,
        body: [{ kind: 'paragraph', text: SENTENCE }],
        attachments: [],
        cc: [],
        imprint: undefined,
      });
    const buf = await renderPdf([
      short('第一份通报'),
      short('第二份通报'),
      notice({ format: 'plain', title: '第三份责任书', organMark: undefined, number: undefined }),
    ]);
    const pages = await measurePdf(buf);
    const starts = pages
      .map((p, i) => (visualLines(p).some((l) => /第[一二三]份/.test(l.text)) ? i : -1))
      .filter((i) => i >= 0);
    expect(starts).toEqual([0, 1, 2]);
    expect(pageNumberLine(pages[1] as MeasuredPage)?.text).toBe('—1—');
    expect(pageNumberLine(pages[2] as MeasuredPage)?.text).toBe('—1—');
    expect(pageNumberLine(pages[3] as MeasuredPage)?.text).toBe('—2—');
    // the plain format has no organ mark: its title is on the block's first line
    const plainTitle = find(pages[2] as MeasuredPage, '第三份责任书') as Box;
    expect(Math.abs(toMm(plainTitle.yMin) - 37)).toBeLessThan(0.5);
  });

  it('renders tables, signature blocks, page breaks and the letter format', async () => {
    const buf = await renderPdf({
      format: 'letter',
      organMark: '示范县社会治安综合治理委员会办公室',
      number: '示综治函〔2026〕3号',
      title: '社会治安综合治理目标管理责任书',
      body: [
        {
          kind: 'table',
          header: ['序号', '目标', '分值'],
          rows: [
            ['1', '命案发案率下降', '10'],
            ['2', '群体性事件零发生', '20'],
          ],
          widths: [1, 4, 1],
        },
        {
          kind: 'signatures',
          parties: [
            {
              role: '甲方（发放单位）',
              organ: '示范县综治委',
              person: '李县长',
              signedAt: '2026-03-05 10:21 已电子签署',
              hash: 'a'.repeat(64),
            },
            { role: '乙方（责任单位）', organ: '城关镇党委' },
          ],
        },
        { kind: 'pageBreak' },
        { kind: 'paragraph', text: '第二页内容。' },
      ],
    });
    const pages = await measurePdf(buf);
    expect(pages).toHaveLength(2);
    const p1 = pages[0] as MeasuredPage;
    const mark = find(p1, '示范县社会治安综合治理委员会办公室') as Box;
    expect(Math.abs(toMm(mark.yMin) - 30)).toBeLessThan(0.5);
    expect(Math.abs(toMm((find(p1, '示综治函〔2026〕3号') as Box).xMax) - 184)).toBeLessThan(0.6);
    expect(find(p1, '命案发案率下降')).toBeDefined();
    expect(find(p1, '第一责任人：李县长')).toBeDefined();
    expect(
      visualLines(p1).some((l) => l.text.includes('甲方（发放单位）') && l.text.includes('乙方（责任单位）')),
    ).toBe(true);
    expect(pageNumberLine(p1)).toBeUndefined(); // 信函格式首页不显示页码
    expect(find(pages[1] as MeasuredPage, '第二页内容。')).toBeDefined();
    expect(pageNumberLine(pages[1] as MeasuredPage)?.text).toBe('—2—');
  });
});
