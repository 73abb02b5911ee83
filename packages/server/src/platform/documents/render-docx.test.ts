import { describe, expect, it } from 'vitest';
import { readDocx } from './docx-read';
import type { OfficialDocument } from './official-document';
import { renderDocx } from './render-docx';

const doc: OfficialDocument = {
  format: 'document',
  organMark: '示范县社会治安综合治理委员会办公室文件',
  number: '株综治办〔2026〕12号',
  title: '关于对城关镇社会治安综合治理工作的通报',
  addressee: '各乡镇党委、政府，县直各单位：',
  body: [
    { kind: 'heading', level: 1, text: '一、基本情况' },
    { kind: 'paragraph', text: '为深入贯彻落实社会治安综合治理领导责任制，现通报如下。' },
    { kind: 'heading', level: 2, text: '（一）整改要求' },
    { kind: 'table', header: ['序号', '问题'], rows: [['1', '防控体系不健全']] },
    { kind: 'signatures', parties: [{ role: '甲方（发放单位）', organ: '示范县综治委', person: '李县长' }] },
  ],
  attachments: ['整改清单'],
  signOff: { organ: '示范县综治办', date: '2026-03-05', seal: true },
  cc: ['县委办'],
  imprint: { organ: '示范县社会治安综合治理委员会办公室', date: '2026-03-06' },
};

describe('renderDocx (read back from word/document.xml)', () => {
  it('sets A4 with the GB/T 9704 margins (top 37, left 28, right 26, bottom 35 mm)', async () => {
    const r = await readDocx(await renderDocx(doc));
    expect(r.page.widthMm).toBeCloseTo(210, 0);
    expect(r.page.heightMm).toBeCloseTo(297, 0);
    expect(r.margins.mm.top).toBeCloseTo(37, 0);
    expect(r.margins.mm.left).toBeCloseTo(28, 0);
    expect(r.margins.mm.right).toBeCloseTo(26, 0);
    expect(r.margins.mm.bottom).toBeCloseTo(35, 0);
    // text block 156 × 225 mm
    expect(r.page.widthMm - r.margins.mm.left - r.margins.mm.right).toBeCloseTo(156, 0);
    expect(r.page.heightMm - r.margins.mm.top - r.margins.mm.bottom).toBeCloseTo(225, 0);
    // exact line pitch 225/22 mm on body paragraphs
    const pitch = Number(/<w:spacing [^>]*w:line="(\d+)"[^>]*w:lineRule="exact"/.exec(r.documentXml)?.[1]);
    expect((pitch * 25.4) / 1440).toBeCloseTo(225 / 22, 1);
  });

  it('contains the structure: mark, number, title, body, attachments, sign-off, imprint', async () => {
    const r = await readDocx(await renderDocx(doc));
    for (const s of [
      '示范县社会治安综合治理委员会办公室文件',
      '株综治办〔2026〕12号',
      '关于对城关镇社会治安综合治理工作的通报',
      '各乡镇党委、政府，县直各单位：',
      '一、基本情况',
      '防控体系不健全',
      '第一责任人：李县长',
      '附件：整改清单',
      '2026年3月5日',
      '抄送：县委办。',
      '2026年3月6日印发',
    ]) {
      expect(r.text).toContain(s);
    }
    expect(r.paragraphs.indexOf('株综治办〔2026〕12号')).toBeGreaterThan(
      r.paragraphs.indexOf('示范县社会治安综合治理委员会办公室文件'),
    );
    // fonts named per the standard
    expect(Object.keys(r.fonts)).toEqual(
      expect.arrayContaining(['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312']),
    );
  });

  it('numbers pages — n — in odd (right) and even (left) footers', async () => {
    const r = await readDocx(await renderDocx(doc));
    expect(r.footers).toHaveLength(2);
    for (const f of r.footers) expect(f.replace(/\s+/g, ' ')).toMatch(/— ?PAGE ?—/);
    const xmlFooters = r.documentXml.match(/<w:footerReference [^>]*w:type="(default|even)"/g) ?? [];
    expect(xmlFooters).toHaveLength(2);
  });
});
