/**
 * A vector of figures (a row-major matrix flattened) as bytes: IEEE-754 binary64, big-endian (as
 * PostgreSQL's `float8send` writes them), with NaN standing for a missing figure (NULL). Stored in a
 * bytea column; sent as base64 text and stored with `decode($n, 'base64')`, which both drivers pass
 * cheaply (a float8[] literal of 600,000 elements cost 250 ms to print in JS and more to parse in
 * PostgreSQL; PGlite's own bytea parameters cost many times the bytes in heap).
 *
 * Figures must be finite: NaN and ±Infinity are refused (NaN is the missing mark).
 */
export const encodeFigures = (values: readonly (number | null | undefined)[]): string => {
  const bytes = Buffer.allocUnsafe(values.length * 8);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (v === null || v === undefined) bytes.writeDoubleBE(Number.NaN, i * 8);
    else if (!Number.isFinite(v)) throw new RangeError(`encodeFigures: not a finite number at ${i}: ${v}`);
    else bytes.writeDoubleBE(v, i * 8);
  }
  return bytes.toString('base64');
};

/** The figures of a bytea read back (node-postgres gives a Buffer, PGlite a Uint8Array). */
export const decodeFigures = (bytes: Uint8Array | null | undefined): (number | null)[] => {
  if (!bytes) return [];
  if (bytes.byteLength % 8 !== 0)
    throw new RangeError(`decodeFigures: ${bytes.byteLength} bytes is not a whole number of figures`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number | null>(bytes.byteLength / 8);
  for (let i = 0; i < out.length; i += 1) {
    const v = view.getFloat64(i * 8, false);
    out[i] = Number.isNaN(v) ? null : v;
  }
  return out;
};
