import type { ApiKey, Role } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';

type ApiKeyRow = {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  unit_id: number;
  unit_name: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  role: r.role,
  unitId: r.unit_id,
  unitName: r.unit_name,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
});

const SELECT = `SELECT k.id, k.name, k.prefix, k.role, k.unit_id, u.name AS unit_name, a.username AS created_by,
       k.created_at, k.expires_at, k.revoked_at, k.last_used_at
  FROM api_keys k JOIN units u ON u.id = k.unit_id LEFT JOIN accounts a ON a.id = k.created_by`;

/** Keys whose unit lies inside the scope, newest first. */
export const listApiKeysInScope = async (db: Queryable, scope: string[]) => {
  const rows = await db.query<ApiKeyRow>(
    `${SELECT} WHERE u.path LIKE ANY($1::text[]) ORDER BY k.created_at DESC, k.id DESC`,
    [scope],
  );
  return { items: rows.map(toApiKey), total: rows.length };
};

export const findApiKeyInScope = async (db: Queryable, id: number, scope: string[]) => {
  const [row] = await db.query<ApiKeyRow>(`${SELECT} WHERE k.id = $1 AND u.path LIKE ANY($2::text[])`, [
    id,
    scope,
  ]);
  return row ? toApiKey(row) : null;
};

export type NewApiKeyRow = {
  name: string;
  prefix: string;
  keyHash: string;
  role: Role;
  unitId: number;
  createdBy: number | null;
  expiresAt: Date | null;
  now: Date;
};

export const insertApiKey = async (db: Queryable, k: NewApiKeyRow) => {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO api_keys (name, prefix, key_hash, role, unit_id, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [k.name, k.prefix, k.keyHash, k.role, k.unitId, k.createdBy, k.now, k.expiresAt],
  );
  return row!.id;
};

export const markApiKeyRevoked = async (db: Queryable, id: number, by: number | null, now: Date) => {
  await db.query(
    'UPDATE api_keys SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL',
    [id, now, by],
  );
};
