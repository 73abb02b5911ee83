import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './client';
import { decodeFigures, encodeFigures } from './float-matrix';

/** Figures stored as bytea come back equal, NULLs included, and PostgreSQL reads them as float8send writes. */
describe('encodeFigures / decodeFigures', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
  });
  afterAll(async () => db.close());

  it('round-trips through the database, and agrees with float8send', async () => {
    const figures = [1, -2.5, null, 0, 66.7, 1e-7, 123456789.125, 2 ** 52];
    const [row] = await db.query<{ b: Uint8Array; same: boolean; third: Uint8Array }>(
      `SELECT decode($1, 'base64') AS b,
              substring(decode($1, 'base64') FROM 25 FOR 8) = float8send(0::float8) AS same,
              substring(decode($1, 'base64') FROM 17 FOR 8) AS third`,
      [encodeFigures(figures)],
    );
    expect(decodeFigures(row!.b)).toEqual(figures);
    expect(row!.same).toBe(true);
    expect(decodeFigures(row!.third)).toEqual([null]);
    expect(decodeFigures(null)).toEqual([]);
    expect(() => encodeFigures([Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => decodeFigures(new Uint8Array(7))).toThrow(RangeError);
  });

  it('any vector of finite figures and NULLs survives (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null })),
        (xs) => {
          const back = decodeFigures(Buffer.from(encodeFigures(xs), 'base64'));
          expect(back.map((x) => (Object.is(x, -0) ? 0 : x))).toEqual(
            xs.map((x) => (Object.is(x, -0) ? 0 : x)),
          );
        },
      ),
    );
  });
});
