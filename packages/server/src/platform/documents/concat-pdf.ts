/**
 * Joins PDFs written by our renderer (pdfkit: classic xref table, one flat page tree, every
 * object of generation 0) into one PDF, one part at a time, so that a thousand letters can be
 * rendered fifty at a time and only the joined bytes — never a thousand letters' layout — stay
 * in memory. Each part keeps its own objects (fonts subset per part included), renumbered after
 * the ones before it; its catalog and page tree are replaced by one page tree over all pages.
 *
 * It is not a general PDF parser: a part with an xref stream, an incremental update or a nested
 * page tree is refused, which the tests of this file pin against the renderer's actual output.
 */

const HEADER = Buffer.from('%PDF-1.3\n%\xff\xff\xff\xff\n', 'latin1');
/** Object numbers 1–3 of the joined file: catalog, page tree, document information. */
const CATALOG = 1;
const PAGES = 2;
const INFO = 3;

export type PdfConcatenator = {
  /** Appends every page of `pdf` after the pages appended so far. */
  append: (pdf: Buffer) => void;
  /** Pages appended so far. */
  pageCount: () => number;
  /** Bytes held so far (the joined objects). */
  size: () => number;
  /** The joined PDF; the concatenator must not be used afterwards. */
  finish: (info: { title: string; creator?: string }) => Buffer;
};

type ParsedPart = {
  root: number;
  info: number | null;
  /** Object number → its bytes from `N 0 obj` up to and including `endobj`. */
  objects: Map<number, Buffer>;
};

const fail = (why: string): never => {
  throw new Error(`concat-pdf: ${why}`);
};

const parsePart = (pdf: Buffer): ParsedPart => {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) fail('no startxref at the end');
  const xrefAt = Number(startxref![1]);
  const rest = pdf.subarray(xrefAt).toString('latin1');
  if (!rest.startsWith('xref')) fail('only classic xref tables are supported');
  const trailerAt = rest.indexOf('trailer');
  if (trailerAt < 0) fail('no trailer');
  const table = rest.slice(4, trailerAt).trim().split(/\r?\n/);
  const offsets: { n: number; at: number }[] = [];
  let i = 0;
  while (i < table.length) {
    const [first, count] = table[i]!.trim().split(/\s+/).map(Number);
    if (first === undefined || count === undefined) fail('malformed xref subsection');
    for (let k = 0; k < count!; k += 1) {
      const entry = table[i + 1 + k]!.trim().split(/\s+/);
      if (entry[2] === 'n') offsets.push({ n: first! + k, at: Number(entry[0]) });
    }
    i += 1 + count!;
  }
  const trailer = rest.slice(trailerAt);
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  if (!root) fail('no /Root in the trailer');
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  offsets.sort((a, b) => a.at - b.at);
  const objects = new Map<number, Buffer>();
  offsets.forEach((o, k) => {
    const end = k + 1 < offsets.length ? offsets[k + 1]!.at : xrefAt;
    const chunk = pdf.subarray(o.at, end);
    const close = chunk.lastIndexOf('endobj');
    if (close < 0) fail(`object ${o.n} has no endobj`);
    objects.set(o.n, chunk.subarray(0, close + 'endobj'.length));
  });
  return { root: Number(root![1]), info: info ? Number(info[1]) : null, objects };
};

/** The dictionary part of an object (before its stream, if any) as text, and the rest as bytes. */
const splitObject = (object: Buffer): { head: string; body: Buffer } => {
  const streamAt = object.indexOf('\nstream\n');
  return streamAt < 0
    ? { head: object.toString('latin1'), body: Buffer.alloc(0) }
    : { head: object.subarray(0, streamAt).toString('latin1'), body: object.subarray(streamAt) };
};

/**
 * Rewrites the object number of `N 0 obj` and every `N 0 R` reference in an object's dictionary,
 * skipping literal `( … )` and hex `< … >` strings, where digits are text and not references.
 */
const renumber = (head: string, map: (n: number) => number): string => {
  let out = '';
  let i = 0;
  const refs = (text: string) =>
    text.replace(/(\d+) 0 (R|obj)\b/g, (_, n: string, kw: string) => `${map(Number(n))} 0 ${kw}`);
  let plainFrom = 0;
  while (i < head.length) {
    const c = head[i];
    if (c === '(') {
      out += refs(head.slice(plainFrom, i));
      let depth = 0;
      let j = i;
      for (; j < head.length; j += 1) {
        const d = head[j];
        if (d === '\\') j += 1;
        else if (d === '(') depth += 1;
        else if (d === ')' && --depth === 0) break;
      }
      out += head.slice(i, j + 1);
      i = j + 1;
      plainFrom = i;
    } else if (c === '<' && head[i + 1] !== '<' && head[i - 1] !== '<') {
      out += refs(head.slice(plainFrom, i));
      const j = head.indexOf('>', i);
      out += head.slice(i, j + 1);
      i = j + 1;
      plainFrom = i;
    } else i += 1;
  }
  return out + refs(head.slice(plainFrom));
};

const pagesOf = (part: ParsedPart): { tree: number; kids: number[] } => {
  const catalog = part.objects.get(part.root)?.toString('latin1') ?? fail('no catalog');
  const tree = /\/Pages (\d+) 0 R/.exec(catalog as string);
  if (!tree) fail('catalog without /Pages');
  const treeNumber = Number(tree![1]);
  const pages = part.objects.get(treeNumber)?.toString('latin1') ?? fail('no page tree');
  const kids = /\/Kids \[([^\]]*)\]/.exec(pages as string);
  if (!kids) fail('page tree without /Kids');
  const numbers = [...kids![1]!.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  for (const n of numbers)
    if (!/\/Type \/Page\b/.test(part.objects.get(n)?.toString('latin1') ?? ''))
      fail('nested page trees are not supported');
  return { tree: treeNumber, kids: numbers };
};

const pdfString = (text: string) => {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex')}>`;
};

export const createPdfConcatenator = (): PdfConcatenator => {
  const parts: Buffer[] = [HEADER];
  let length = HEADER.length;
  /** Byte offset of each object written, by its new number (1–3 are written by finish). */
  const offsets: number[] = [];
  const pages: number[] = [];
  let next = INFO + 1;
  let finished = false;

  const write = (n: number, bytes: Buffer) => {
    offsets[n] = length;
    parts.push(bytes, Buffer.from('\n', 'latin1'));
    length += bytes.length + 1;
  };

  return {
    append: (pdf) => {
      if (finished) fail('already finished');
      const part = parsePart(pdf);
      const { tree, kids } = pagesOf(part);
      const skipped = new Set([part.root, tree, ...(part.info === null ? [] : [part.info])]);
      const base = next;
      const numbers = [...part.objects.keys()].filter((n) => !skipped.has(n)).sort((a, b) => a - b);
      const renumbered = new Map(numbers.map((n, k) => [n, base + k]));
      const map = (n: number) =>
        n === tree ? PAGES : (renumbered.get(n) ?? fail(`reference to a dropped object ${n}`));
      for (const n of numbers) {
        const { head, body } = splitObject(part.objects.get(n)!);
        write(map(n), Buffer.concat([Buffer.from(renumber(head, map), 'latin1'), body]));
      }
      for (const kid of kids) pages.push(map(kid));
      next = base + numbers.length;
    },
    pageCount: () => pages.length,
    size: () => length,
    finish: ({ title, creator = 'Zongzhi' }) => {
      if (finished) fail('already finished');
      finished = true;
      write(
        CATALOG,
        Buffer.from(`${CATALOG} 0 obj\n<<\n/Type /Catalog\n/Pages ${PAGES} 0 R\n>>\nendobj`, 'latin1'),
      );
      write(
        PAGES,
        Buffer.from(
          `${PAGES} 0 obj\n<<\n/Type /Pages\n/Count ${pages.length}\n/Kids [${pages.map((p) => `${p} 0 R`).join(' ')}]\n>>\nendobj`,
          'latin1',
        ),
      );
      write(
        INFO,
        Buffer.from(
          `${INFO} 0 obj\n<<\n/Title ${pdfString(title)}\n/Creator ${pdfString(creator)}\n/Producer ${pdfString('Zongzhi')}\n>>\nendobj`,
          'latin1',
        ),
      );
      const xrefAt = length;
      const rows = ['xref', `0 ${next}`, '0000000000 65535 f '];
      for (let n = 1; n < next; n += 1) {
        const at = offsets[n];
        // An object number never written (none today) is listed free, which readers accept.
        rows.push(at === undefined ? '0000000000 65535 f ' : `${String(at).padStart(10, '0')} 00000 n `);
      }
      rows.push('trailer', '<<', `/Size ${next}`, `/Root ${CATALOG} 0 R`, `/Info ${INFO} 0 R`, '>>');
      rows.push('startxref', String(xrefAt), '%%EOF', '');
      parts.push(Buffer.from(rows.join('\n'), 'latin1'));
      const out = Buffer.concat(parts);
      parts.length = 0;
      return out;
    },
  };
};
