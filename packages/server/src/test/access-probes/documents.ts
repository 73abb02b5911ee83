import type { AreaProbeFactory } from './kit';

/**
 * Probes of the documents routes (issue 5 §4). The target is an issued document about town1 (or a
 * fresh village under town1): in scope for the county's accounts and town1's liaison-like roles,
 * 404 for `<role>2` over town2.
 */
export const documentsProbes: AreaProbeFactory = (kit) => {
  /** An issued document about town1, written directly (issuing itself is tested in documents.test.ts). */
  const freshDocument = async () => {
    const t = kit.t();
    const title = kit.unique('矩阵公文');
    const prefix = kit.unique('矩综治办');
    const number = `${prefix}〔2026〕1号`;
    const content = {
      format: 'document',
      organMark: '测试县社会治安综合治理委员会办公室文件',
      number,
      title,
      body: [{ kind: 'paragraph', text: '矩阵测试。' }],
      signOff: { organ: '测试县社会治安综合治理委员会办公室', date: '2026-03-05', seal: true },
    };
    const [row] = await t.db.query<{ id: number }>(
      `INSERT INTO official_documents (kind, subject_unit_id, issuer_unit_id, issuer_body, prefix, year, seq, number, title,
         doc_date, content, content_sm3, source_type, source_id, created_at)
       VALUES ('notice', $1, $2, 'office', $3, 2026, 1, $4, $5, '2026-03-05', $6::jsonb, $7, 'matrix', 'x', now())
       RETURNING id`,
      [
        t.world.units.town1.id,
        t.world.units.county.id,
        prefix,
        number,
        title,
        JSON.stringify(content),
        '0'.repeat(64),
      ],
    );
    return { id: (row as { id: number }).id, title };
  };
  /** A fresh village under town1 following district-001 (which sets the number prefix). */
  const unitWithRulebook = async () => {
    const u = await kit.freshUnit();
    await kit.t().db.query(
      `INSERT INTO unit_rulebooks (unit_id, rulebook_id, valid_from, attached_at, attached_by)
         VALUES ($1, 'district-001', '2026-01-01', now(), 'matrix')`,
      [u.id],
    );
    return u;
  };
  const template = {
    format: 'document',
    title: '关于对{{unitName}}的通报',
    body: [{ kind: 'paragraph', text: '{{situation}}' }],
  };
  return {
    probes: {
      'GET /api/v1/documents': {
        scope: 'record',
        prepare: async () => {
          const d = await freshDocument();
          return { url: '/api/v1/documents?pageSize=500', marker: d.title };
        },
      },
      'GET /api/v1/documents/:id': {
        scope: 'record',
        prepare: async () => {
          const d = await freshDocument();
          return { url: `/api/v1/documents/${d.id}`, marker: d.title };
        },
      },
      'GET /api/v1/documents/:id/pdf': {
        scope: 'record',
        prepare: async () => ({ url: `/api/v1/documents/${(await freshDocument()).id}/pdf` }),
      },
      'GET /api/v1/documents/:id/docx': {
        scope: 'record',
        prepare: async () => ({ url: `/api/v1/documents/${(await freshDocument()).id}/docx` }),
      },
      'POST /api/v1/documents/preview': {
        scope: 'record',
        bodyRef: true,
        prepare: async () => {
          const u = await unitWithRulebook();
          return {
            url: '/api/v1/documents/preview',
            payload: {
              kind: 'notice',
              issuerUnitId: u.id,
              addressee: '甲村',
              vars: { situation: '矩阵测试' },
            },
          };
        },
      },
      'GET /api/v1/document-templates': {
        scope: 'none',
        prepare: async () => ({ url: '/api/v1/document-templates' }),
      },
      'GET /api/v1/document-templates/:kind': {
        scope: 'record',
        prepare: async () => ({
          url: `/api/v1/document-templates/notice?unitId=${(await kit.freshUnit()).id}`,
        }),
      },
      'PUT /api/v1/document-templates/:kind': {
        scope: 'none',
        prepare: async () => ({ url: '/api/v1/document-templates/referral', payload: { content: template } }),
      },
    },
    tables: ['official_documents', 'document_number_sequences', 'document_templates'],
  };
};
