/**
 * Text formats of GB/T 9704-2012 that areas need before rendering: the document number
 * (发文字号, §7.2.4: 六角括号, no 第, no leading zeros) and the date in Arabic numerals (§7.3.5).
 */

/** `formatDocumentNumber('株综治办', 2026, 12)` → `株综治办〔2026〕12号`. Throws on bad input. */
export function formatDocumentNumber(prefix: string, year: number, n: number): string {
  const p = prefix.trim();
  if (p.length === 0 || /[\s〔〕[\]()（）]/.test(p) || /号$/.test(p)) {
    throw new RangeError(`invalid document number prefix: ${JSON.stringify(prefix)}`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RangeError(`invalid document number year: ${year}`);
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`invalid document sequence number: ${n}`);
  }
  return `${p}〔${year}〕${n}号`;
}

/** `formatChineseDate('2026-03-05')` → `2026年3月5日` (Arabic numerals, no padding). Throws on an invalid date. */
export function formatChineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`invalid date (want YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`invalid date: ${date}`);
  }
  return `${y}年${mo}月${d}日`;
}
