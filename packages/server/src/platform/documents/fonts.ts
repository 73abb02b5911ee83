/**
 * The free CJK faces that stand in for the commercial faces of GB/T 9704-2012
 * (docs/decisions/0007-document-fonts.md): Debian's fonts-arphic-uming (仿宋, 小标宋, 宋体),
 * fonts-arphic-ukai (楷体) and fonts-wqy-microhei (黑体). Files are TTC collections, so each face is
 * named by its PostScript name. Paths are Debian's; `fc-list` is asked when a file is elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export type Face = 'ming' | 'kai' | 'hei';

const FACES: Record<Face, { file: string; postscript: string; debianPackage: string }> = {
  ming: {
    file: '/usr/share/fonts/truetype/arphic/uming.ttc',
    postscript: 'UMingCN',
    debianPackage: 'fonts-arphic-uming',
  },
  kai: {
    file: '/usr/share/fonts/truetype/arphic/ukai.ttc',
    postscript: 'UKaiCN',
    debianPackage: 'fonts-arphic-ukai',
  },
  hei: {
    file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    postscript: 'WenQuanYiMicroHei',
    debianPackage: 'fonts-wqy-microhei',
  },
};

let resolved: Record<Face, { file: string; postscript: string }> | undefined;

function locate(face: Face): string {
  const { file, debianPackage } = FACES[face];
  if (existsSync(file)) return file;
  const base = file.slice(file.lastIndexOf('/') + 1);
  try {
    const out = execFileSync('fc-list', [':', 'file'], { encoding: 'utf8' });
    const hit = out
      .split('\n')
      .map((l) => l.replace(/:\s*$/, '').trim())
      .find((l) => l.endsWith(`/${base}`));
    if (hit) return hit;
  } catch {
    // fc-list missing: fall through to the error below
  }
  throw new Error(`document font ${base} not found: install the Debian package ${debianPackage}`);
}

/** The font files (path + face name inside the TTC), resolved once. */
export function documentFonts(): Record<Face, { file: string; postscript: string }> {
  if (!resolved) {
    resolved = {
      ming: { file: locate('ming'), postscript: FACES.ming.postscript },
      kai: { file: locate('kai'), postscript: FACES.kai.postscript },
      hei: { file: locate('hei'), postscript: FACES.hei.postscript },
    };
  }
  return resolved;
}

/** Measures text in the document faces exactly as pdfmake will (same pdfkit font objects). */
export class FontMetrics {
  private readonly doc = new PDFDocument({ autoFirstPage: false });
  private readonly widthCache = new Map<string, number>();

  private use(face: Face, size: number): void {
    const f = documentFonts()[face];
    this.doc.font(f.file, f.postscript).fontSize(size);
  }

  /** pdfkit's line height without gap — pdfmake's line height for `lineHeight: 1`. */
  naturalLineHeight(face: Face, size: number): number {
    this.use(face, size);
    return this.doc.currentLineHeight(false);
  }

  /** Advance width of one character at `size`, without character spacing. */
  charWidth(face: Face, size: number, ch: string): number {
    const key = `${face}|${ch}`;
    let w1000 = this.widthCache.get(key);
    if (w1000 === undefined) {
      this.use(face, 1000);
      w1000 = this.doc.widthOfString(ch);
      this.widthCache.set(key, w1000);
    }
    return (w1000 * size) / 1000;
  }

  /** Width pdfmake measures for a no-wrap inline: advances + spacing between characters. */
  width(face: Face, size: number, text: string, characterSpacing = 0): number {
    let w = 0;
    for (const ch of text) w += this.charWidth(face, size, ch);
    const n = text.length;
    return w + characterSpacing * Math.max(0, n - 1);
  }
}
