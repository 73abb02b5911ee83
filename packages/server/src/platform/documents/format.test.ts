import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatDocumentNumber } from './format';

describe('formatDocumentNumber', () => {
  it.each([
    ['株综治办', 2026, 12, '株综治办〔2026〕12号'],
    ['示综治函', 2027, 1, '示综治函〔2027〕1号'],
    ['株综治委', 2026, 105, '株综治委〔2026〕105号'],
  ])('%s %d %d → %s', (p, y, n, want) => expect(formatDocumentNumber(p, y, n)).toBe(want));
  it.each([
    ['', 2026, 1],
    ['株综治办', 2026, 0],
    ['株综治办', 2026, 1.5],
    ['株综治办', 26, 1],
    ['株综治办〔', 2026, 1],
    ['株 综', 2026, 1],
  ])('rejects %j %d %d', (p, y, n) => expect(() => formatDocumentNumber(p, y, n)).toThrow(RangeError));
});

describe('formatChineseDate', () => {
  it.each([
    ['2026-03-05', '2026年3月5日'],
    ['2026-12-31', '2026年12月31日'],
    ['2027-01-10', '2027年1月10日'],
  ])('%s → %s', (d, want) => expect(formatChineseDate(d)).toBe(want));
  it.each(['2026-02-30', '2026-3-5', '20260305', ''])('rejects %j', (d) =>
    expect(() => formatChineseDate(d)).toThrow(RangeError),
  );
});
