/**
 * A WHERE clause built from optional filters: each condition added with its parameter, numbered
 * in the order added (`$1`, `$2`, …), joined by AND.
 */
export const sqlConditions = () => {
  const conditions: string[] = [];
  const params: unknown[] = [];
  return {
    params,
    /** A condition on one value; `sql` receives its placeholder. */
    add(sql: (placeholder: string) => string, value: unknown) {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    },
    /** A condition without a parameter. */
    raw(sql: string) {
      conditions.push(sql);
    },
    /** `WHERE …`, or nothing when there are no conditions. */
    where: () => (conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`),
  };
};
