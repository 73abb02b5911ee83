import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './client';
import { arrayLiteral } from './array-literal';

/** The literal reads back as the same values on the embedded database, whatever the text. */
describe('arrayLiteral', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
  });
  afterAll(async () => db.close());

  it('round-trips numbers, NULLs, booleans and any text', async () => {
    const [row] = await db.query<{ n: (number | null)[]; b: boolean[]; t: (string | null)[] }>(
      'SELECT $1::float8[] AS n, $2::boolean[] AS b, $3::text[] AS t',
      [
        arrayLiteral([1, -2.5, null, 0, 1e-7, 123456789.125]),
        arrayLiteral([true, false]),
        arrayLiteral(['a', 'NULL', '', 'x,y', '{}', 'q"uote', 'back\\slash', '中文 空格', null]),
      ],
    );
    expect(row).toEqual({
      n: [1, -2.5, null, 0, 1e-7, 123456789.125],
      b: [true, false],
      t: ['a', 'NULL', '', 'x,y', '{}', 'q"uote', 'back\\slash', '中文 空格', null],
    });
    expect(arrayLiteral([])).toBe('{}');
    expect(() => arrayLiteral([Number.NaN])).toThrow(RangeError);
  });

  it('any array of strings and numbers reads back unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 20 }), async (texts) => {
        const clean = texts.map((t) => (t === null ? null : t.split(String.fromCharCode(0)).join('')));
        const [row] = await db.query<{ t: (string | null)[] }>('SELECT $1::text[] AS t', [
          arrayLiteral(clean),
        ]);
        expect(row!.t).toEqual(clean);
      }),
      { numRuns: 60 },
    );
  });
});
