import type { DocumentTemplateContent, OfficialDocumentKindName } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { OfficialDocument } from '../../platform/documents/official-document';

export type UnitRef = { id: number; name: string; path: string; validTo: string | null };

export const findUnitRef = async (q: Queryable, id: number): Promise<UnitRef | undefined> =>
  (
    await q.query<{ id: number; name: string; path: string; valid_to: string | null }>(
      'SELECT id, name, path, valid_to FROM units WHERE id = $1',
      [id],
    )
  ).map((r) => ({ id: r.id, name: r.name, path: r.path, validTo: r.valid_to }))[0];

/** The next number of a prefix and year, atomically (the row lock serialises concurrent issues). */
export const allocateNumber = async (q: Queryable, prefix: string, year: number): Promise<number> => {
  const rows = await q.query<{ last: number }>(
    `INSERT INTO document_number_sequences (prefix, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = document_number_sequences.last + 1
     RETURNING last`,
    [prefix, year],
  );
  return (rows[0] as { last: number }).last;
};

export type NewOfficialDocument = {
  kind: OfficialDocumentKindName;
  subjectUnitId: number;
  issuerUnitId: number;
  issuerBody: 'office' | 'committee';
  prefix: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  date: string;
  content: OfficialDocument;
  contentSm3: string;
  templateUnitId: number | null;
  templateVersion: number | null;
  sourceType: string;
  sourceId: string;
  createdAt: Date;
  createdBy: number | null;
};

export const insertOfficialDocument = async (q: Queryable, d: NewOfficialDocument): Promise<number> => {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO official_documents (kind, subject_unit_id, issuer_unit_id, issuer_body, prefix, year, seq, number,
       title, doc_date, content, content_sm3, template_unit_id, template_version, source_type, source_id, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::jsonb,$12,$13,$14,$15,$16,$17,$18) RETURNING id`,
    [
      d.kind,
      d.subjectUnitId,
      d.issuerUnitId,
      d.issuerBody,
      d.prefix,
      d.year,
      d.seq,
      d.number,
      d.title,
      d.date,
      JSON.stringify(d.content),
      d.contentSm3,
      d.templateUnitId,
      d.templateVersion,
      d.sourceType,
      d.sourceId,
      d.createdAt,
      d.createdBy,
    ],
  );
  return (rows[0] as { id: number }).id;
};

type DocumentRow = {
  id: number;
  kind: OfficialDocumentKindName;
  number: string;
  year: number;
  title: string;
  subject_unit_id: number;
  subject_unit_name: string;
  subject_path: string;
  issuer_unit_id: number;
  issuer_unit_name: string;
  issuer_body: 'office' | 'committee';
  doc_date: string;
  source_type: string;
  source_id: string;
  created_at: Date | string;
};

const SUMMARY_COLUMNS = `d.id, d.kind, d.number, d.year, d.title, d.subject_unit_id, su.name AS subject_unit_name,
  su.path AS subject_path, d.issuer_unit_id, iu.name AS issuer_unit_name, d.issuer_body, d.doc_date,
  d.source_type, d.source_id, d.created_at`;
const FROM = `FROM official_documents d JOIN units su ON su.id = d.subject_unit_id JOIN units iu ON iu.id = d.issuer_unit_id`;

const toSummary = (r: DocumentRow) => ({
  id: r.id,
  kind: r.kind,
  number: r.number,
  year: r.year,
  title: r.title,
  subjectUnitId: r.subject_unit_id,
  subjectUnitName: r.subject_unit_name,
  issuerUnitId: r.issuer_unit_id,
  issuerUnitName: r.issuer_unit_name,
  issuerBody: r.issuer_body,
  date: r.doc_date,
  sourceType: r.source_type,
  sourceId: r.source_id,
  createdAt: new Date(r.created_at).toISOString(),
  unitPath: r.subject_path,
});
export type DocumentSummaryRow = ReturnType<typeof toSummary>;

export const listOfficialDocuments = async (
  q: Queryable,
  f: { patterns: string[]; unitPath?: string; kind?: string; year?: number; limit: number; offset: number },
): Promise<{ items: DocumentSummaryRow[]; total: number }> => {
  const where = ['su.path LIKE ANY($1::text[])'];
  const params: unknown[] = [f.patterns];
  if (f.unitPath !== undefined) {
    params.push(`${f.unitPath}%`);
    where.push(`su.path LIKE $${params.length}`);
  }
  if (f.kind !== undefined) {
    params.push(f.kind);
    where.push(`d.kind = $${params.length}`);
  }
  if (f.year !== undefined) {
    params.push(f.year);
    where.push(`d.year = $${params.length}`);
  }
  const cond = where.join(' AND ');
  const total =
    (await q.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} WHERE ${cond}`, params))[0]?.n ?? 0;
  params.push(f.limit, f.offset);
  const rows = await q.query<DocumentRow>(
    `SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE ${cond} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map(toSummary), total };
};

export const findOfficialDocument = async (q: Queryable, id: number) => {
  const rows = await q.query<
    DocumentRow & { content: OfficialDocument | string; content_sm3: string; created_by_name: string | null }
  >(
    `SELECT ${SUMMARY_COLUMNS}, d.content, d.content_sm3, a.username AS created_by_name
     ${FROM} LEFT JOIN accounts a ON a.id = d.created_by WHERE d.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...toSummary(r),
    content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as OfficialDocument,
    contentSm3: r.content_sm3,
    createdBy: r.created_by_name,
  };
};

export type TemplateRow = {
  unitId: number;
  unitName: string;
  depth: number;
  version: number;
  content: DocumentTemplateContent;
  createdAt: string;
  createdBy: string | null;
};

/** The latest template version of a kind of each unit among `unitIds` (the unit and its ancestors). */
export const findLatestTemplates = async (
  q: Queryable,
  kind: string,
  unitIds: readonly number[],
): Promise<TemplateRow[]> => {
  if (unitIds.length === 0) return [];
  const rows = await q.query<{
    unit_id: number;
    unit_name: string;
    depth: number;
    version: number;
    content: DocumentTemplateContent | string;
    created_at: Date | string;
    created_by: string | null;
  }>(
    `SELECT DISTINCT ON (t.unit_id) t.unit_id, u.name AS unit_name, u.depth, t.version, t.content, t.created_at,
            a.username AS created_by
     FROM document_templates t JOIN units u ON u.id = t.unit_id LEFT JOIN accounts a ON a.id = t.created_by
     WHERE t.kind = $1 AND t.unit_id = ANY($2::bigint[])
     ORDER BY t.unit_id, t.version DESC`,
    [kind, unitIds],
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    depth: r.depth,
    version: r.version,
    content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as DocumentTemplateContent,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
  }));
};

export const insertTemplateVersion = async (
  q: Queryable,
  t: {
    unitId: number;
    kind: string;
    content: DocumentTemplateContent;
    note: string | null;
    createdAt: Date;
    createdBy: number | null;
  },
): Promise<number> => {
  const rows = await q.query<{ version: number }>(
    `INSERT INTO document_templates (unit_id, kind, version, content, note, created_at, created_by)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3::jsonb, $4, $5, $6
     FROM document_templates WHERE unit_id = $1 AND kind = $2
     RETURNING version`,
    [t.unitId, t.kind, JSON.stringify(t.content), t.note, t.createdAt, t.createdBy],
  );
  return (rows[0] as { version: number }).version;
};
