/**
 * Test support: reads a DOCX back (word/document.xml and the footers) — plain text, the section's
 * page size and margins in twips and mm, and the fonts named in the runs.
 */
import JSZip from 'jszip';

export type DocxReadBack = {
  /** Paragraph texts joined with newlines. */
  text: string;
  paragraphs: string[];
  page: { widthTwips: number; heightTwips: number; widthMm: number; heightMm: number };
  margins: {
    twips: { top: number; right: number; bottom: number; left: number; footer: number };
    mm: { top: number; right: number; bottom: number; left: number; footer: number };
  };
  /** eastAsia font names used by runs, with their count. */
  fonts: Record<string, number>;
  /** Text of each footer part (page-number fields appear as their field code, e.g. `PAGE`). */
  footers: string[];
  documentXml: string;
};

const MM_PER_TWIP = 25.4 / 1440;
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function attr(xml: string, tag: string, name: string): number {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="(-?\\d+)"`).exec(xml);
  if (!m) throw new Error(`docx: ${tag}/@${name} not found`);
  return Number(m[1]);
}

function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>|<w:p\b[^>]*\/>/g)].map((p) =>
    [
      ...(p[1] ?? '').matchAll(
        /<w:t\b[^>]*>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:instrText\b[^>]*>([\s\S]*?)<\/w:instrText>/g,
      ),
    ]
      .map((t) => (t[0].startsWith('<w:tab') ? '\t' : decode(t[1] ?? t[2] ?? '')))
      .join(''),
  );
}

export async function readDocx(buffer: Buffer): Promise<DocxReadBack> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('docx: word/document.xml missing');
  const xml = await file.async('string');
  const sect = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? '';
  const widthTwips = attr(sect, 'w:pgSz', 'w:w');
  const heightTwips = attr(sect, 'w:pgSz', 'w:h');
  const tw = {
    top: attr(sect, 'w:pgMar', 'w:top'),
    right: attr(sect, 'w:pgMar', 'w:right'),
    bottom: attr(sect, 'w:pgMar', 'w:bottom'),
    left: attr(sect, 'w:pgMar', 'w:left'),
    footer: attr(sect, 'w:pgMar', 'w:footer'),
  };
  const toMm = (v: number) => v * MM_PER_TWIP;
  const fonts: Record<string, number> = {};
  for (const m of xml.matchAll(/<w:rFonts\b[^>]*w:eastAsia="([^"]+)"/g)) {
    const name = decode(m[1] ?? '');
    fonts[name] = (fonts[name] ?? 0) + 1;
  }
  const footers: string[] = [];
  for (const name of Object.keys(zip.files)
    .filter((n) => /^word\/footer\d*\.xml$/.test(n))
    .sort()) {
    const fx = await (zip.file(name) as JSZip.JSZipObject).async('string');
    footers.push(paragraphsOf(fx).join('\n'));
  }
  const paragraphs = paragraphsOf(xml);
  return {
    text: paragraphs.join('\n'),
    paragraphs,
    page: { widthTwips, heightTwips, widthMm: toMm(widthTwips), heightMm: toMm(heightTwips) },
    margins: {
      twips: tw,
      mm: {
        top: toMm(tw.top),
        right: toMm(tw.right),
        bottom: toMm(tw.bottom),
        left: toMm(tw.left),
        footer: toMm(tw.footer),
      },
    },
    fonts,
    footers,
    documentXml: xml,
  };
}
