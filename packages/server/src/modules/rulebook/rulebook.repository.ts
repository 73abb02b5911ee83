import type {
  RulebookSummary,
  RulebookVersion,
  RulebookVersionDetail,
  UnitRulebookAttachment,
} from '@zongzhi/contracts';
import type { RulebookDocument } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';

// The rulebooks' SQL. Bodies are stored as published and were validated before they were written;
// they are read back as the domain's RulebookDocument.

type Bilingual = { zh: string; en: string };

export type StoredVersion = { rulebookId: string; version: number; body: RulebookDocument };

type VersionRow = {
  rulebook_id: string;
  version: number;
  body: RulebookDocument;
  extends_id: string | null;
  published_at: Date;
  published_by: string;
  digest: string;
};

const toVersion = (r: VersionRow): RulebookVersion => ({
  rulebookId: r.rulebook_id,
  version: r.version,
  name: r.body.name,
  extends: r.extends_id,
  publishedAt: r.published_at.toISOString(),
  publishedBy: r.published_by,
  digest: r.digest,
});

/** Creates the rulebook's row unless it exists; answers whether it did. */
export const insertRulebookIfAbsent = async (
  q: Queryable,
  input: { id: string; name: Bilingual; now: Date },
): Promise<boolean> =>
  (
    await q.query<{ id: string }>(
      `INSERT INTO rulebooks (id, name_zh, name_en, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [input.id, input.name.zh, input.name.en, input.now],
    )
  ).length > 0;

/** Locks the rulebook's row for a publication, so that two publishers cannot take the same number. */
export const lockRulebook = async (q: Queryable, id: string): Promise<void> => {
  await q.query('SELECT id FROM rulebooks WHERE id = $1 FOR UPDATE', [id]);
};

export const updateRulebookName = async (q: Queryable, id: string, name: Bilingual): Promise<void> => {
  await q.query('UPDATE rulebooks SET name_zh = $2, name_en = $3 WHERE id = $1', [id, name.zh, name.en]);
};

export const insertRulebookVersion = async (
  q: Queryable,
  v: {
    rulebookId: string;
    version: number;
    body: RulebookDocument;
    publishedAt: Date;
    publishedBy: string;
    publishedByAccountId: number | null;
    digest: string;
  },
): Promise<RulebookVersionDetail> => {
  const [row] = await q.query<VersionRow>(
    `INSERT INTO rulebook_versions (rulebook_id, version, body, extends_id, published_at, published_by,
                                    published_by_account_id, digest)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)
     RETURNING rulebook_id, version, body, extends_id, published_at, published_by, digest`,
    [
      v.rulebookId,
      v.version,
      JSON.stringify(v.body),
      v.body.extends ?? null,
      v.publishedAt,
      v.publishedBy,
      v.publishedByAccountId,
      v.digest,
    ],
  );
  return { ...toVersion(row!), body: row!.body };
};

export const countRulebooks = async (q: Queryable): Promise<number> =>
  (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM rulebooks'))[0]?.n ?? 0;

export const findRulebookIds = async (q: Queryable): Promise<string[]> =>
  (await q.query<{ id: string }>('SELECT id FROM rulebooks ORDER BY id')).map((r) => r.id);

export const listRulebookSummaries = async (
  q: Queryable,
  page: { limit: number; offset: number },
): Promise<RulebookSummary[]> =>
  (
    await q.query<{
      id: string;
      name_zh: string;
      name_en: string;
      jurisdiction_level: RulebookSummary['jurisdictionLevel'];
      extends_id: string | null;
      version: number;
      published_at: Date;
      published_by: string;
      attached_units: number;
    }>(
      `SELECT r.id, r.name_zh, r.name_en, v.body->>'jurisdictionLevel' AS jurisdiction_level, v.extends_id,
              v.version, v.published_at, v.published_by,
              (SELECT count(DISTINCT ur.unit_id)::int FROM unit_rulebooks ur WHERE ur.rulebook_id = r.id)
                AS attached_units
         FROM rulebooks r
         JOIN LATERAL (SELECT * FROM rulebook_versions x WHERE x.rulebook_id = r.id
                        ORDER BY x.version DESC LIMIT 1) v ON true
        ORDER BY r.id
        LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    )
  ).map((r) => ({
    id: r.id,
    name: { zh: r.name_zh, en: r.name_en },
    jurisdictionLevel: r.jurisdiction_level,
    extends: r.extends_id,
    latestVersion: r.version,
    publishedAt: r.published_at.toISOString(),
    publishedBy: r.published_by,
    attachedUnits: r.attached_units,
  }));

const VERSION_COLUMNS = 'rulebook_id, version, body, extends_id, published_at, published_by, digest';

/** One version of a rulebook, the latest when no version is given. */
export const findRulebookVersion = async (
  q: Queryable,
  id: string,
  version?: number,
): Promise<RulebookVersionDetail | undefined> => {
  const [row] =
    version === undefined
      ? await q.query<VersionRow>(
          `SELECT ${VERSION_COLUMNS} FROM rulebook_versions WHERE rulebook_id = $1 ORDER BY version DESC LIMIT 1`,
          [id],
        )
      : await q.query<VersionRow>(
          `SELECT ${VERSION_COLUMNS} FROM rulebook_versions WHERE rulebook_id = $1 AND version = $2`,
          [id, version],
        );
  return row && { ...toVersion(row), body: row.body };
};

export const listRulebookVersions = async (q: Queryable, id: string): Promise<RulebookVersion[]> =>
  (
    await q.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM rulebook_versions WHERE rulebook_id = $1 ORDER BY version DESC`,
      [id],
    )
  ).map(toVersion);

/** The latest version of every rulebook (rulebooks are few: a county holds a handful). */
export const findLatestVersions = async (q: Queryable): Promise<StoredVersion[]> =>
  (
    await q.query<{ rulebook_id: string; version: number; body: RulebookDocument }>(
      `SELECT DISTINCT ON (rulebook_id) rulebook_id, version, body
         FROM rulebook_versions ORDER BY rulebook_id, version DESC`,
    )
  ).map((r) => ({ rulebookId: r.rulebook_id, version: r.version, body: r.body }));

/**
 * The version of a rulebook in force at a moment: the latest published before it; when none was
 * published yet (a date before the rulebook entered the system), its first version, the earliest
 * text there is.
 */
export const findVersionInForce = async (
  q: Queryable,
  id: string,
  before: Date,
): Promise<StoredVersion | undefined> => {
  const [row] = await q.query<{ rulebook_id: string; version: number; body: RulebookDocument }>(
    `SELECT rulebook_id, version, body FROM rulebook_versions WHERE rulebook_id = $1
      ORDER BY (published_at < $2) DESC, CASE WHEN published_at < $2 THEN -version ELSE version END
      LIMIT 1`,
    [id, before],
  );
  return row && { rulebookId: row.rulebook_id, version: row.version, body: row.body };
};

/** Rulebooks whose latest version builds on this one, directly or through others. */
export const findDependentRulebookIds = async (q: Queryable, id: string): Promise<string[]> =>
  (
    await q.query<{ rulebook_id: string }>(
      `WITH RECURSIVE latest AS (
         SELECT DISTINCT ON (rulebook_id) rulebook_id, extends_id
           FROM rulebook_versions ORDER BY rulebook_id, version DESC
       ), dependents AS (
         SELECT rulebook_id FROM latest WHERE extends_id = $1
         UNION
         SELECT l.rulebook_id FROM latest l JOIN dependents d ON l.extends_id = d.rulebook_id
       )
       SELECT rulebook_id FROM dependents WHERE rulebook_id <> $1 ORDER BY rulebook_id`,
      [id],
    )
  ).map((r) => r.rulebook_id);

/** Current paths of the units any of these rulebooks is, or was, attached to. */
export const findAttachedUnitPaths = async (
  q: Queryable,
  rulebookIds: readonly string[],
): Promise<string[]> =>
  (
    await q.query<{ path: string }>(
      `SELECT DISTINCT u.path FROM unit_rulebooks ur JOIN units u ON u.id = ur.unit_id
        WHERE ur.rulebook_id = ANY($1::text[]) ORDER BY u.path`,
      [rulebookIds],
    )
  ).map((r) => r.path);

export const findUnitRef = async (
  q: Queryable,
  id: number,
): Promise<{ id: number; name: string; path: string } | undefined> =>
  (
    await q.query<{ id: number; name: string; path: string }>(
      'SELECT id, name, path FROM units WHERE id = $1',
      [id],
    )
  )[0];

/**
 * The unit and its ancestors as they stood on a date (from the unit history, so that a unit moved
 * since then inherits from its former parent), nearest first. Empty when the unit did not exist.
 */
export const findAncestryOnDate = async (q: Queryable, unitId: number, date: string): Promise<number[]> =>
  (
    await q.query<{ unit_id: number }>(
      `WITH RECURSIVE ancestry (unit_id, parent_id, depth) AS (
         SELECT h.unit_id, h.parent_id, 0 FROM unit_history h
          WHERE h.unit_id = $1 AND h.valid_from <= $2::date AND (h.valid_to IS NULL OR h.valid_to > $2::date)
         UNION ALL
         SELECT h.unit_id, h.parent_id, a.depth + 1 FROM ancestry a
           JOIN unit_history h ON h.unit_id = a.parent_id
                              AND h.valid_from <= $2::date AND (h.valid_to IS NULL OR h.valid_to > $2::date)
          WHERE a.depth < 64
       )
       SELECT unit_id FROM ancestry ORDER BY depth`,
      [unitId, date],
    )
  ).map((r) => r.unit_id);

type AttachmentRow = {
  unit_id: number;
  unit_name: string;
  rulebook_id: string;
  valid_from: string;
  attached_at: Date;
  attached_by: string;
};

const toAttachment = (r: AttachmentRow): UnitRulebookAttachment => ({
  unitId: r.unit_id,
  unitName: r.unit_name,
  rulebookId: r.rulebook_id,
  validFrom: r.valid_from,
  attachedAt: r.attached_at.toISOString(),
  attachedBy: r.attached_by,
});

/** The attachment in force on a date on the first of these units (nearest first) that has one. */
export const findNearestAttachment = async (
  q: Queryable,
  unitIdsNearestFirst: readonly number[],
  date: string,
): Promise<UnitRulebookAttachment | undefined> => {
  const [row] = await q.query<AttachmentRow>(
    `SELECT ur.unit_id, u.name AS unit_name, ur.rulebook_id, ur.valid_from, ur.attached_at, ur.attached_by
       FROM unnest($1::bigint[]) WITH ORDINALITY AS a(unit_id, ord)
       JOIN unit_rulebooks ur ON ur.unit_id = a.unit_id AND ur.valid_from <= $2::date
       JOIN units u ON u.id = ur.unit_id
      ORDER BY a.ord, ur.valid_from DESC
      LIMIT 1`,
    [unitIdsNearestFirst, date],
  );
  return row && toAttachment(row);
};

/** Attaches a rulebook from a date; the same unit and date again corrects the earlier row. */
export const upsertUnitRulebook = async (
  q: Queryable,
  a: {
    unitId: number;
    rulebookId: string;
    validFrom: string;
    attachedAt: Date;
    attachedBy: string;
    attachedByAccountId: number | null;
  },
): Promise<{ attachment: UnitRulebookAttachment; replaced: { rulebookId: string } | null }> => {
  const [previous] = await q.query<{ rulebook_id: string }>(
    'SELECT rulebook_id FROM unit_rulebooks WHERE unit_id = $1 AND valid_from = $2::date FOR UPDATE',
    [a.unitId, a.validFrom],
  );
  const [row] = await q.query<AttachmentRow>(
    `WITH saved AS (
       INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by, attached_by_account_id)
       VALUES ($1, $2, $3::date, $4, $5, $6)
       ON CONFLICT (unit_id, valid_from) DO UPDATE
         SET rulebook_id = EXCLUDED.rulebook_id, attached_at = EXCLUDED.attached_at,
             attached_by = EXCLUDED.attached_by, attached_by_account_id = EXCLUDED.attached_by_account_id
       RETURNING unit_id, rulebook_id, valid_from, attached_at, attached_by
     )
     SELECT s.*, u.name AS unit_name FROM saved s JOIN units u ON u.id = s.unit_id`,
    [a.unitId, a.rulebookId, a.validFrom, a.attachedAt, a.attachedBy, a.attachedByAccountId],
  );
  return {
    attachment: toAttachment(row!),
    replaced: previous ? { rulebookId: previous.rulebook_id } : null,
  };
};

/** Every unit's own attachment in force on a date (the latest from that date or before). */
export const findAttachmentsOnDate = async (
  q: Queryable,
  date: string,
): Promise<{ unitId: number; rulebookId: string }[]> =>
  (
    await q.query<{ unit_id: number; rulebook_id: string }>(
      `SELECT DISTINCT ON (unit_id) unit_id, rulebook_id FROM unit_rulebooks
        WHERE valid_from <= $1::date ORDER BY unit_id, valid_from DESC`,
      [date],
    )
  ).map((r) => ({ unitId: r.unit_id, rulebookId: r.rulebook_id }));
