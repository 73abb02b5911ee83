import { describe, expect, it } from 'vitest';
import { createPdfConcatenator } from './concat-pdf';
import type { OfficialDocument } from './official-document';
import { measurePdf, pageText } from './pdf-measure';
import { renderPdf } from './render-pdf';

const doc = (title: string, paragraphs = 1): OfficialDocument => ({
  format: 'plain',
  title,
  body: Array.from({ length: paragraphs }, (_, i) => ({
    kind: 'paragraph' as const,
    text: `${title}正文第${i + 1}段。`,
  })),
});

describe('joining rendered PDFs', () => {
  it('keeps every page of every part in order, each part with its own fonts and page numbers', async () => {
    const pdf = createPdfConcatenator();
    pdf.append(await renderPdf([doc('甲一'), doc('甲二', 40)]));
    pdf.append(await renderPdf([doc('乙一')]));
    const joined = pdf.finish({ title: '合并文件' });
    const pages = await measurePdf(joined);
    expect(pages.length).toBe(pdf.pageCount());
    const texts = pages.map(pageText);
    expect(texts[0]).toContain('甲一正文第1段');
    expect(texts.at(-1)).toContain('乙一正文第1段');
    // 甲二 runs over two pages: its second page is numbered 2; 乙一 starts again at 1.
    expect(texts.filter((t) => t.includes('—2—'))).toHaveLength(1);
    expect(texts.at(-1)).toContain('—1—');
    expect(joined.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
  });

  it('refuses what it does not understand rather than writing a broken file', () => {
    expect(() => createPdfConcatenator().append(Buffer.from('%PDF-1.7\nnot really\n%%EOF\n'))).toThrow(
      /concat-pdf/,
    );
  });
});
