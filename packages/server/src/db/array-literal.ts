/**
 * A one-dimensional PostgreSQL array literal (`{1,NULL,"a \"b\""}`) for a parameter cast to an array
 * type (`$1::float8[]`). Both drivers accept it. Built with one join instead of the drivers' per-element
 * escaping, which dominated writing an assessment's 25,000-element arrays (node-postgres quotes and
 * escapes every element, numbers included).
 *
 * - numbers must be finite (NaN and ±Infinity are refused: they are not figures);
 * - strings are double-quoted with `"` and `\` escaped, so any text round-trips (NULL, {}, commas);
 * - null and undefined are NULL.
 */
export const arrayLiteral = (values: readonly (number | string | boolean | null | undefined)[]): string => {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new RangeError(`arrayLiteral: not a finite number at ${i}: ${v}`);
      parts[i] = String(v);
    } else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else parts[i] = `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
};
