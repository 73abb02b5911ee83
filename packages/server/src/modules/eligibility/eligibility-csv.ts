/**
 * A small RFC 4180 reader and writer for the batch query: quoted cells with "" escapes, CRLF or
 * LF, an optional UTF-8 BOM. Written cells that a spreadsheet would run as a formula are prefixed
 * with an apostrophe.
 */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
};

const FORMULA_START = /^[=+\-@\t\r]/;

const escapeCell = (value: string | number | boolean | null) => {
  if (value === null) return '';
  const text = String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** CSV text with a BOM (so that spreadsheet programs read the Chinese as UTF-8) and CRLF lines. */
export const writeCsv = (rows: readonly (readonly (string | number | boolean | null)[])[]) =>
  `\uFEFF${rows.map((r) => r.map(escapeCell).join(',')).join('\r\n')}\r\n`;
