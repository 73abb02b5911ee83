/**
 * Test support: reads a PDF back with poppler's `pdftotext -bbox-layout` and returns every page
 * with its words and lines (pt, origin top-left), so layout tests can assert margins, line counts
 * and characters per line of what was actually drawn.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const MM_PER_PT = 25.4 / 72;

export type Box = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
export type MeasuredPage = {
  number: number;
  width: number;
  height: number;
  widthMm: number;
  heightMm: number;
  words: Box[];
  /** Lines as poppler groups them (a line's text joins its words with no separator). */
  lines: Box[];
};

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function attrs(tag: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of tag.matchAll(/(\w+)="([\d.+-]+)"/g)) out[m[1] as string] = Number(m[2]);
  return out;
}

/** Parses the XHTML of `pdftotext -bbox-layout`. */
export function parseBboxLayout(xhtml: string): MeasuredPage[] {
  const pages: MeasuredPage[] = [];
  const pageRe = /<page ([^>]*)>([\s\S]*?)<\/page>/g;
  let n = 0;
  for (const pm of xhtml.matchAll(pageRe)) {
    n += 1;
    const a = attrs(pm[1] ?? '');
    const words: Box[] = [];
    const lines: Box[] = [];
    for (const lm of (pm[2] ?? '').matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const la = attrs(lm[1] ?? '');
      const lineWords: Box[] = [];
      for (const wm of (lm[2] ?? '').matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)) {
        const wa = attrs(wm[1] ?? '');
        lineWords.push({
          text: decode(wm[2] ?? ''),
          xMin: wa.xMin ?? 0,
          yMin: wa.yMin ?? 0,
          xMax: wa.xMax ?? 0,
          yMax: wa.yMax ?? 0,
        });
      }
      words.push(...lineWords);
      lines.push({
        text: lineWords.map((w) => w.text).join(' '),
        xMin: la.xMin ?? 0,
        yMin: la.yMin ?? 0,
        xMax: la.xMax ?? 0,
        yMax: la.yMax ?? 0,
      });
    }
    const width = a.width ?? 0;
    const height = a.height ?? 0;
    pages.push({
      number: n,
      width,
      height,
      widthMm: width * MM_PER_PT,
      heightMm: height * MM_PER_PT,
      words,
      lines,
    });
  }
  return pages;
}

/** Runs `pdftotext -bbox-layout` on the buffer and returns its pages. Needs poppler-utils. */
export async function measurePdf(buffer: Buffer): Promise<MeasuredPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'zz-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, buffer);
    const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return parseBboxLayout(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Page count of a PDF via `pdfinfo`. */
export async function pdfPageCount(buffer: Buffer): Promise<number> {
  return (await measurePdf(buffer)).length;
}

export const toMm = (pt: number): number => pt * MM_PER_PT;

/** The text's bounding margins on a page, in mm: left/top from the paper's edges, right/bottom likewise. */
export function textMargins(
  page: MeasuredPage,
  filter: (b: Box) => boolean = () => true,
): {
  left: number;
  top: number;
  right: number;
  bottom: number;
} {
  const ws = page.words.filter(filter);
  if (ws.length === 0) throw new Error(`page ${page.number} has no text`);
  const xMin = Math.min(...ws.map((w) => w.xMin));
  const yMin = Math.min(...ws.map((w) => w.yMin));
  const xMax = Math.max(...ws.map((w) => w.xMax));
  const yMax = Math.max(...ws.map((w) => w.yMax));
  return {
    left: toMm(xMin),
    top: toMm(yMin),
    right: toMm(page.width - xMax),
    bottom: toMm(page.height - yMax),
  };
}

/**
 * Visual lines of a page: words grouped by their vertical position (within `tolerance` pt),
 * top to bottom, each joined left to right without separator.
 */
export function visualLines(
  page: MeasuredPage,
  filter: (b: Box) => boolean = () => true,
  tolerance = 3,
): Box[] {
  const ws = page.words.filter(filter).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const groups: Box[][] = [];
  for (const w of ws) {
    const g = groups.find((gr) => Math.abs((gr[0] as Box).yMin - w.yMin) <= tolerance);
    if (g) g.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.xMin - b.xMin);
    return {
      text: g.map((w) => w.text).join(''),
      xMin: Math.min(...g.map((w) => w.xMin)),
      yMin: Math.min(...g.map((w) => w.yMin)),
      xMax: Math.max(...g.map((w) => w.xMax)),
      yMax: Math.max(...g.map((w) => w.yMax)),
    };
  });
}

/** Number of visual lines on a page (optionally only lines whose words pass `filter`). */
export function linesPerPage(page: MeasuredPage, filter?: (b: Box) => boolean): number {
  return visualLines(page, filter).length;
}

/** Characters per visual line (whitespace not counted), top to bottom. */
export function charactersPerLine(page: MeasuredPage, filter?: (b: Box) => boolean): number[] {
  return visualLines(page, filter).map((l) => [...l.text.replace(/\s/g, '')].length);
}

/** The whole text of a page, lines joined by newlines. */
export function pageText(page: MeasuredPage): string {
  return visualLines(page)
    .map((l) => l.text)
    .join('\n');
}
