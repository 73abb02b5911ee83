import type { Person, Post, Unit, UnitVersion } from '@zongzhi/contracts';
import { type PostKind, type UnitKind, getRoleOfPostKind } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';

// The registry's SQL. Functions take the Queryable (database or open transaction) first and
// return plain domain/contract types. Scope arrives as LIKE patterns from scopePatterns().

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type UnitRow = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  path: string;
  depth: number;
  population: number | null;
  valid_from: string;
  valid_to: string | null;
  child_count: number;
};

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  path: r.path,
  depth: r.depth,
  population: r.population,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  childCount: r.child_count,
});

// Children that exist on $today (closed children stay in the history, not in the count).
const UNIT_COLUMNS = `u.id, u.code, u.name, u.kind, u.parent_id, u.path, u.depth, u.population, u.valid_from,
  u.valid_to, (SELECT count(*) FROM units c WHERE c.parent_id = u.id
                 AND (c.valid_to IS NULL OR c.valid_to > $today::date))::int AS child_count`;

/** Replaces the named $today placeholder by a positional one (keeps the column list in one place). */
const withToday = (sql: string, position: number) => sql.replaceAll('$today', `$${position}`);

export const findUnit = async (q: Queryable, id: number, today: string): Promise<Unit | undefined> => {
  const [row] = await q.query<UnitRow>(withToday(`SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = $1`, 2), [
    id,
    today,
  ]);
  return row && toUnit(row);
};

export const findUnitsByIds = async (q: Queryable, ids: readonly number[], today: string): Promise<Unit[]> =>
  (
    await q.query<UnitRow>(
      withToday(
        `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = ANY($1::bigint[]) ORDER BY u.depth, u.id`,
        2,
      ),
      [ids, today],
    )
  ).map(toUnit);

/** The current unit holding a code (codes of closed units may be reused). */
export const findCurrentUnitIdByCode = async (q: Queryable, code: string): Promise<number | undefined> =>
  (await q.query<{ id: number }>('SELECT id FROM units WHERE code = $1 AND valid_to IS NULL', [code]))[0]?.id;

export const findCurrentUnitsByCodes = async (
  q: Queryable,
  codes: readonly string[],
): Promise<{ id: number; code: string; path: string; validFrom: string }[]> =>
  (
    await q.query<{ id: number; code: string; path: string; valid_from: string }>(
      'SELECT id, code, path, valid_from FROM units WHERE code = ANY($1::text[]) AND valid_to IS NULL',
      [codes],
    )
  ).map((r) => ({ id: r.id, code: r.code, path: r.path, validFrom: r.valid_from }));

export type UnitListFilter = {
  patterns: string[];
  today: string;
  parentId?: number | undefined;
  ids?: number[] | undefined;
  q?: string | undefined;
  kind?: UnitKind | undefined;
  includeClosed?: boolean | undefined;
  limit: number;
  offset: number;
};

export const listUnits = async (
  q: Queryable,
  f: UnitListFilter,
): Promise<{ items: Unit[]; total: number }> => {
  const where = `u.path LIKE ANY($1::text[])
    AND ($2::bigint IS NULL OR u.parent_id = $2)
    AND ($3::bigint[] IS NULL OR u.id = ANY($3::bigint[]))
    AND ($4::text IS NULL OR u.name ILIKE '%' || $4 || '%' OR u.code LIKE $4 || '%')
    AND ($5::text IS NULL OR u.kind = $5)
    AND ($6::boolean OR u.valid_to IS NULL OR u.valid_to > $7::date)`;
  const params = [
    f.patterns,
    f.parentId ?? null,
    f.ids ?? null,
    f.q ? escapeLike(f.q) : null,
    f.kind ?? null,
    f.includeClosed ?? false,
    f.today,
  ];
  const rows = await q.query<UnitRow>(
    withToday(
      `SELECT ${UNIT_COLUMNS} FROM units u WHERE ${where} ORDER BY u.depth, u.code, u.id LIMIT $8 OFFSET $9`,
      7,
    ),
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM units u WHERE ${where}`,
    params,
  );
  return { items: rows.map(toUnit), total: count?.n ?? 0 };
};

export const listAncestors = async (q: Queryable, ids: readonly number[]) =>
  (
    await q.query<{ id: number; name: string; kind: UnitKind }>(
      'SELECT id, name, kind FROM units WHERE id = ANY($1::bigint[]) ORDER BY depth',
      [ids],
    )
  ).map((r) => ({ id: r.id, name: r.name, kind: r.kind }));

/** Units in a subtree (by path prefix), current on the date, root first. */
export const listSubtreeUnits = async (q: Queryable, patterns: string[], date: string) =>
  (
    await q.query<UnitRow>(
      withToday(
        `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.path LIKE ANY($1::text[])
           AND u.valid_from <= $2 AND (u.valid_to IS NULL OR u.valid_to > $2) ORDER BY u.depth, u.code, u.id`,
        2,
      ),
      [patterns, date],
    )
  ).map(toUnit);

export const listCurrentChildIds = async (q: Queryable, unitId: number): Promise<number[]> =>
  (
    await q.query<{ id: number }>('SELECT id FROM units WHERE parent_id = $1 AND valid_to IS NULL', [unitId])
  ).map((r) => r.id);

export type NewUnitRow = {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number;
  parentPath: string;
  parentDepth: number;
  population: number | null;
  validFrom: string;
};

/** Inserts a unit with its path; the insert trigger opens its first version. */
export const insertUnit = async (q: Queryable, u: NewUnitRow): Promise<{ id: number; path: string }> => {
  const [row] = await q.query<{ id: number; path: string }>(
    `WITH n AS (SELECT nextval(pg_get_serial_sequence('units', 'id')) AS id)
     INSERT INTO units (id, code, name, kind, parent_id, path, depth, population, valid_from)
     SELECT n.id, $1, $2, $3, $4, $5 || n.id || '/', $6, $7, $8 FROM n RETURNING id, path`,
    [u.code, u.name, u.kind, u.parentId, u.parentPath, u.parentDepth + 1, u.population, u.validFrom],
  );
  return row!;
};

export type UnitFields = { code: string; name: string; kind: UnitKind; population: number | null };

export const updateUnitFields = async (q: Queryable, id: number, f: UnitFields, now: Date) => {
  await q.query(
    'UPDATE units SET code = $2, name = $3, kind = $4, population = $5, updated_at = $6 WHERE id = $1',
    [id, f.code, f.name, f.kind, f.population, now],
  );
};

export const closeUnitRow = async (q: Queryable, id: number, date: string, now: Date) => {
  await q.query('UPDATE units SET valid_to = $2, updated_at = $3 WHERE id = $1', [id, date, now]);
};

/**
 * Re-parents a unit and rewrites path and depth of its whole subtree in one statement, so that
 * scope checks (path prefixes) stay right for every descendant.
 */
export const moveSubtree = async (
  q: Queryable,
  m: { id: number; oldPath: string; newParentId: number; newPath: string; depthDelta: number; now: Date },
) => {
  await q.query('UPDATE units SET parent_id = $2, updated_at = $3 WHERE id = $1', [
    m.id,
    m.newParentId,
    m.now,
  ]);
  await q.query(
    `UPDATE units SET path = $2 || substr(path, length($1) + 1), depth = depth + $3
      WHERE path LIKE $4`,
    [m.oldPath, m.newPath, m.depthDelta, `${escapeLike(m.oldPath)}%`],
  );
};

// ---- unit history ----

type VersionRow = {
  id: number;
  unit_id: number;
  parent_id: number | null;
  name: string;
  code: string;
  kind: UnitKind;
  population: number | null;
  valid_from: string;
  valid_to: string | null;
  change_kind: UnitVersion['changeKind'];
  related_unit_ids: number[];
  ended_by: 'closed' | 'split' | null;
  successor_unit_ids: number[];
};

const toVersion = (r: VersionRow): UnitVersion => ({
  id: r.id,
  unitId: r.unit_id,
  parentId: r.parent_id,
  name: r.name,
  code: r.code,
  kind: r.kind,
  population: r.population,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  changeKind: r.change_kind,
  relatedUnitIds: r.related_unit_ids.map(Number),
  endedBy: r.ended_by,
  successorUnitIds: r.successor_unit_ids.map(Number),
});

export const listUnitHistory = async (q: Queryable, unitId: number): Promise<UnitVersion[]> =>
  (
    await q.query<VersionRow>('SELECT * FROM unit_history WHERE unit_id = $1 ORDER BY valid_from, id', [
      unitId,
    ])
  ).map(toVersion);

export const findOpenVersion = async (q: Queryable, unitId: number): Promise<UnitVersion | undefined> => {
  const [row] = await q.query<VersionRow>(
    'SELECT * FROM unit_history WHERE unit_id = $1 AND valid_to IS NULL',
    [unitId],
  );
  return row && toVersion(row);
};

/**
 * Writes the unit's current row as a version from `date`: a later date closes the open version
 * and opens a new one; the open version's own start date corrects it in place.
 */
export const recordUnitVersion = async (
  q: Queryable,
  v: {
    unitId: number;
    date: string;
    changeKind: UnitVersion['changeKind'];
    now: Date;
    relatedUnitIds?: number[];
  },
) => {
  const open = await findOpenVersion(q, v.unitId);
  if (open && open.validFrom === v.date) {
    await q.query(
      `UPDATE unit_history h SET parent_id = u.parent_id, name = u.name, code = u.code, kind = u.kind,
              population = u.population, recorded_at = $3
         FROM units u WHERE u.id = h.unit_id AND h.id = $1 AND u.id = $2`,
      [open.id, v.unitId, v.now],
    );
    return;
  }
  if (open) await q.query('UPDATE unit_history SET valid_to = $2 WHERE id = $1', [open.id, v.date]);
  await q.query(
    `INSERT INTO unit_history (unit_id, parent_id, name, code, kind, population, valid_from, change_kind,
                               related_unit_ids, recorded_at)
     SELECT id, parent_id, name, code, kind, population, $2, $3, $4::bigint[], $5 FROM units WHERE id = $1`,
    [v.unitId, v.date, v.changeKind, v.relatedUnitIds ?? [], v.now],
  );
};

/** Marks how a new unit's first version began (the insert trigger writes 'created'). */
export const markFirstVersion = async (
  q: Queryable,
  unitId: number,
  changeKind: UnitVersion['changeKind'],
  relatedUnitIds: number[],
  now: Date,
) => {
  await q.query(
    `UPDATE unit_history SET change_kind = $2, related_unit_ids = $3::bigint[], recorded_at = $4
      WHERE unit_id = $1 AND valid_to IS NULL`,
    [unitId, changeKind, relatedUnitIds, now],
  );
};

export const endOpenVersion = async (
  q: Queryable,
  e: { unitId: number; date: string; endedBy: 'closed' | 'split'; successorUnitIds?: number[] },
) => {
  await q.query(
    `UPDATE unit_history SET valid_to = $2, ended_by = $3, successor_unit_ids = $4::bigint[]
      WHERE unit_id = $1 AND valid_to IS NULL`,
    [e.unitId, e.date, e.endedBy, e.successorUnitIds ?? []],
  );
};

// ---- people ----

type PersonRow = {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string | null;
  unit_id: number | null;
};

export type PersonRecord = Omit<Person, 'phoneMasked'>;

const toPerson = (r: PersonRow): PersonRecord => ({
  id: r.id,
  name: r.name,
  gender: r.gender,
  birthDate: r.birth_date,
  phone: r.phone,
  unitId: r.unit_id,
});

/**
 * A person is visible through the unit that registers them or any post they hold or held in scope.
 * Written as a set (hash semi-join) rather than a per-person EXISTS: the search stays flat as the
 * county grows.
 */
const PERSON_VISIBLE = `p.id IN (
  SELECT vp.id FROM people vp
   WHERE vp.unit_id IN (SELECT id FROM units WHERE path LIKE ANY($1::text[])) OR (vp.unit_id IS NULL AND $2::boolean)
  UNION
  SELECT po.person_id FROM posts po WHERE po.unit_id IN (SELECT id FROM units WHERE path LIKE ANY($1::text[])))`;

export type PeopleScope = { patterns: string[]; includeUnregistered: boolean };

export const findVisiblePerson = async (
  q: Queryable,
  id: number,
  scope: PeopleScope,
): Promise<PersonRecord | undefined> => {
  const [row] = await q.query<PersonRow>(
    `SELECT p.id, p.name, p.gender, p.birth_date, p.phone, p.unit_id FROM people p
       LEFT JOIN units pu ON pu.id = p.unit_id WHERE p.id = $3 AND ${PERSON_VISIBLE}`,
    [scope.patterns, scope.includeUnregistered, id],
  );
  return row && toPerson(row);
};

export const listPeople = async (
  q: Queryable,
  f: PeopleScope & { q?: string | undefined; unitPath?: string | undefined; limit: number; offset: number },
): Promise<{ items: PersonRecord[]; total: number }> => {
  const where = `${PERSON_VISIBLE}
    AND ($3::text IS NULL OR p.name ILIKE '%' || $3 || '%')
    AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM posts fp JOIN units fu ON fu.id = fp.unit_id
                                      WHERE fp.person_id = p.id AND fu.path LIKE $4))`;
  const params = [
    f.patterns,
    f.includeUnregistered,
    f.q ? escapeLike(f.q) : null,
    f.unitPath ? `${escapeLike(f.unitPath)}%` : null,
  ];
  const rows = await q.query<PersonRow>(
    `SELECT p.id, p.name, p.gender, p.birth_date, p.phone, p.unit_id FROM people p
       LEFT JOIN units pu ON pu.id = p.unit_id WHERE ${where} ORDER BY p.name, p.id LIMIT $5 OFFSET $6`,
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM people p LEFT JOIN units pu ON pu.id = p.unit_id WHERE ${where}`,
    params,
  );
  return { items: rows.map(toPerson), total: count?.n ?? 0 };
};

export type PersonFields = {
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
};

export const insertPerson = async (
  q: Queryable,
  p: PersonFields & { unitId: number | null },
): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO people (name, gender, birth_date, phone, unit_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [p.name, p.gender, p.birthDate, p.phone, p.unitId],
  );
  return row!.id;
};

export const updatePerson = async (q: Queryable, id: number, p: PersonFields, now: Date) => {
  await q.query(
    'UPDATE people SET name = $2, gender = $3, birth_date = $4, phone = $5, updated_at = $6 WHERE id = $1',
    [id, p.name, p.gender, p.birthDate, p.phone, now],
  );
};

// ---- posts ----

type PostRow = {
  id: number;
  person_id: number;
  person_name: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  post_kind: PostKind;
  title: string;
  portfolio: string | null;
  start_date: string;
  end_date: string | null;
};

export type PostRecord = Post & { unitPath: string };

const toPost = (r: PostRow): PostRecord => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitPath: r.unit_path,
  postKind: r.post_kind,
  role: getRoleOfPostKind(r.post_kind),
  title: r.title,
  portfolio: r.portfolio,
  startDate: r.start_date,
  endDate: r.end_date,
});

const POST_SELECT = `SELECT po.id, po.person_id, pe.name AS person_name, po.unit_id, u.name AS unit_name,
    u.path AS unit_path, po.post_kind, po.title, po.portfolio, po.start_date, po.end_date
  FROM posts po JOIN units u ON u.id = po.unit_id JOIN people pe ON pe.id = po.person_id`;

export const findPost = async (q: Queryable, id: number): Promise<PostRecord | undefined> => {
  const [row] = await q.query<PostRow>(`${POST_SELECT} WHERE po.id = $1`, [id]);
  return row && toPost(row);
};

export type PostListFilter = {
  patterns: string[];
  unitId?: number | undefined;
  personId?: number | undefined;
  date?: string | undefined;
  limit: number;
  offset: number;
};

export const listPosts = async (
  q: Queryable,
  f: PostListFilter,
): Promise<{ items: PostRecord[]; total: number }> => {
  const where = `u.path LIKE ANY($1::text[])
    AND ($2::bigint IS NULL OR po.unit_id = $2)
    AND ($3::bigint IS NULL OR po.person_id = $3)
    AND ($4::date IS NULL OR (po.start_date <= $4 AND (po.end_date IS NULL OR po.end_date > $4)))`;
  const params = [f.patterns, f.unitId ?? null, f.personId ?? null, f.date ?? null];
  const rows = await q.query<PostRow>(
    `${POST_SELECT} WHERE ${where} ORDER BY po.start_date DESC, po.id LIMIT $5 OFFSET $6`,
    [...params, f.limit, f.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM posts po JOIN units u ON u.id = po.unit_id WHERE ${where}`,
    params,
  );
  return { items: rows.map(toPost), total: count?.n ?? 0 };
};

/** Posts of a unit that began on or before the date; the domain decides which are held that day. */
export const listUnitPostsStartedBy = async (q: Queryable, unitId: number, date: string) =>
  (
    await q.query<PostRow>(
      `${POST_SELECT} WHERE po.unit_id = $1 AND po.start_date <= $2 ORDER BY po.start_date, po.id`,
      [unitId, date],
    )
  ).map(toPost);

/** Posts of the given kinds held on the date in units of the subtrees. */
export const listPostsHeldOn = async (
  q: Queryable,
  f: { patterns: string[]; date: string; kinds: readonly PostKind[] },
) =>
  (
    await q.query<{ unit_id: number; post_kind: PostKind; start_date: string; end_date: string | null }>(
      `SELECT po.unit_id, po.post_kind, po.start_date, po.end_date
         FROM posts po JOIN units u ON u.id = po.unit_id
        WHERE po.post_kind = ANY($3::text[]) AND po.start_date <= $2
          AND (po.end_date IS NULL OR po.end_date > $2) AND u.path LIKE ANY($1::text[])`,
      [f.patterns, f.date, f.kinds],
    )
  ).map((r) => ({ unitId: r.unit_id, postKind: r.post_kind, startDate: r.start_date, endDate: r.end_date }));

export type NewPostRow = {
  personId: number;
  unitId: number;
  postKind: PostKind;
  title: string;
  portfolio: string | null;
  startDate: string;
  endDate: string | null;
};

export const insertPost = async (q: Queryable, p: NewPostRow): Promise<number> => {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO posts (person_id, unit_id, post_kind, title, portfolio, start_date, end_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [p.personId, p.unitId, p.postKind, p.title, p.portfolio, p.startDate, p.endDate],
  );
  return row!.id;
};

export const updatePost = async (
  q: Queryable,
  id: number,
  p: { title: string; portfolio: string | null; startDate: string; endDate: string | null },
  now: Date,
) => {
  await q.query(
    'UPDATE posts SET title = $2, portfolio = $3, start_date = $4, end_date = $5, updated_at = $6 WHERE id = $1',
    [id, p.title, p.portfolio, p.startDate, p.endDate, now],
  );
};

/** Ends on `date` the posts of a unit still held then; answers them with their dates before. */
export const endUnitPostsOn = async (
  q: Queryable,
  unitId: number,
  date: string,
  now: Date,
): Promise<{ id: number; startDate: string; endDate: string | null }[]> =>
  (
    await q.query<{ id: number; start_date: string; end_date: string | null }>(
      `UPDATE posts po SET end_date = $2, updated_at = $3
         FROM (SELECT id, end_date FROM posts
                WHERE unit_id = $1 AND start_date < $2 AND (end_date IS NULL OR end_date > $2)) old
        WHERE po.id = old.id
        RETURNING po.id, po.start_date, old.end_date`,
      [unitId, date, now],
    )
  ).map((r) => ({ id: r.id, startDate: r.start_date, endDate: r.end_date }));

export const countUnitPostsStartingFrom = async (
  q: Queryable,
  unitId: number,
  date: string,
): Promise<number> =>
  (
    await q.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM posts WHERE unit_id = $1 AND start_date >= $2',
      [unitId, date],
    )
  )[0]?.n ?? 0;

// ---- export ----

export const listSubtreePeopleAndPosts = async (q: Queryable, pattern: string) => {
  const posts = (
    await q.query<PostRow>(`${POST_SELECT} WHERE u.path LIKE $1 ORDER BY u.path, po.start_date, po.id`, [
      pattern,
    ])
  ).map(toPost);
  const people = (
    await q.query<PersonRow>(
      `SELECT p.id, p.name, p.gender, p.birth_date, p.phone, p.unit_id FROM people p
         LEFT JOIN units pu ON pu.id = p.unit_id
        WHERE pu.path LIKE $1 OR EXISTS (SELECT 1 FROM posts po JOIN units u ON u.id = po.unit_id
                                          WHERE po.person_id = p.id AND u.path LIKE $1)
        ORDER BY p.id`,
      [pattern],
    )
  ).map(toPerson);
  return { people, posts };
};

// ---- light reads for hot paths ----

export const findUnitRef = async (
  q: Queryable,
  id: number,
): Promise<{ id: number; path: string; validFrom: string; validTo: string | null } | undefined> => {
  const [row] = await q.query<{ id: number; path: string; valid_from: string; valid_to: string | null }>(
    'SELECT id, path, valid_from, valid_to FROM units WHERE id = $1',
    [id],
  );
  return row && { id: row.id, path: row.path, validFrom: row.valid_from, validTo: row.valid_to };
};

/** Units of the subtrees that exist on the date, in tree order (current paths). */
export const listUnitsExistingOn = async (q: Queryable, patterns: string[], date: string) =>
  await q.query<{ id: number; code: string; name: string; kind: UnitKind }>(
    `SELECT id, code, name, kind FROM units WHERE path LIKE ANY($1::text[])
        AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) ORDER BY depth, code, id`,
    [patterns, date],
  );
