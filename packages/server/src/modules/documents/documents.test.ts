import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { canonicalJson, sm3 } from '../../platform/crypto';
import { readDocx } from '../../platform/documents/docx-read';
import { measurePdf, visualLines } from '../../platform/documents/pdf-measure';
import { type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { type IssueOfficialDocumentInput, issueOfficialDocument } from './issue-official-document';

/** town1 follows its own layer with another 发文字号 prefix; town2 one whose office has none. */
const townLayer = {
  id: 'test-town1-2026',
  name: { zh: '一号镇实施细则', en: 'Town 1 rules' },
  jurisdictionLevel: 'town',
  extends: 'district-001',
  sources: [{ id: 'test-town1-2026', title: '一号镇综治工作细则', year: 2026 }],
  bodies: {
    office: { abbreviation: { text: '一综治办', source: { doc: 'test-town1-2026', article: '第三条' } } },
  },
};
const noPrefixLayer = {
  id: 'test-town2-2026',
  name: { zh: '二号镇实施细则', en: 'Town 2 rules' },
  jurisdictionLevel: 'town',
  extends: 'district-001',
  sources: [{ id: 'test-town2-2026', title: '二号镇综治工作细则', year: 2026 }],
  bodies: { office: { abbreviation: { $remove: true } } },
};

const count = async (db: Database, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0]!.n;

/** A request as a background job would pass it (no caller): enough for the audit entry. */
const jobRequest = { ip: '127.0.0.1', id: 'documents-test' } as unknown as FastifyRequest;

describe('official documents', () => {
  let t: TestApp;
  const issue = (over: Partial<IssueOfficialDocumentInput> = {}) =>
    t.db.transaction((tx) =>
      issueOfficialDocument(tx, t.ctx, jobRequest, {
        kind: 'notice',
        subjectUnitId: t.world.units.town1.id,
        issuerUnitId: t.world.units.county.id,
        issuerBody: 'office',
        addressee: '一号镇党委、政府',
        vars: {
          situation: '2026年第一季度发生命案2起，群众安全感测评排名末位。',
          deadline: '2026年3月20日',
          rectificationPeriod: '三个月',
        },
        date: '2026-03-05',
        sourceType: 'test',
        sourceId: 'x',
        ...over,
      }),
    );

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    const operator = await t.login('operator');
    for (const layer of [townLayer, noPrefixLayer]) {
      const res = await operator.inject({
        method: 'POST',
        url: `/api/v1/rulebooks/${layer.id}/versions`,
        payload: layer,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const [unit, rulebookId] of [
      [t.world.units.county.id, 'district-001'],
      [t.world.units.town1.id, townLayer.id],
      [t.world.units.town2.id, noPrefixLayer.id],
    ] as const) {
      const res = await operator.inject({
        method: 'PUT',
        url: `/api/v1/units/${unit}/rulebook`,
        payload: { rulebookId, validFrom: '2026-01-01' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('numbers per issuing body and year, restarting in a new year', async () => {
    const a = await issue();
    const b = await issue();
    const c = await issue({ issuerBody: 'committee', kind: 'veto_decision' });
    const d = await issue({
      issuerUnitId: t.world.units.town1.id,
      subjectUnitId: t.world.units.village1a.id,
    });
    const e = await issue({ date: '2027-01-04' });
    expect([a.number, b.number, c.number, d.number, e.number]).toEqual([
      '综治办〔2026〕1号',
      '综治办〔2026〕2号',
      '综治委〔2026〕1号',
      '一综治办〔2026〕1号',
      '综治办〔2027〕1号',
    ]);
    expect(a.title).toBe('关于对一号镇社会治安综合治理工作予以通报的决定');
    expect(
      await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'document.issued'"),
    ).toBeGreaterThanOrEqual(5);
  });

  it('gives concurrent issues distinct, gap-free numbers', async () => {
    const before = await count(
      t.db,
      "SELECT COALESCE(MAX(last), 0) FROM document_number_sequences WHERE prefix = '综治办' AND year = 2026",
    );
    const issued = await Promise.all(Array.from({ length: 6 }, () => issue()));
    const seqs = issued.map((d) => Number(/〕(\d+)号$/.exec(d.number)?.[1])).sort((x, y) => x - y);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6].map((i) => before + i));
  });

  it('refuses to issue without a number prefix (422 naming the rulebook field) and writes nothing', async () => {
    const docs = await count(t.db, 'SELECT count(*) FROM official_documents');
    const seqs = await count(t.db, 'SELECT count(*) FROM document_number_sequences');
    const err = await issue({
      issuerUnitId: t.world.units.town2.id,
      subjectUnitId: t.world.units.village2a.id,
    }).catch((e) => e);
    expect(err.status).toBe(422);
    expect(err.fields[0].path).toBe('rulebook.bodies.office.abbreviation');
    expect(err.bilingual.zh).toContain('bodies.office.abbreviation');
    expect(await count(t.db, 'SELECT count(*) FROM official_documents')).toBe(docs);
    expect(await count(t.db, 'SELECT count(*) FROM document_number_sequences')).toBe(seqs);
  });

  it('keeps an issued document immutable, even in SQL', async () => {
    const { id } = await issue();
    await expect(
      t.db.query('UPDATE official_documents SET title = $2 WHERE id = $1', [id, '改']),
    ).rejects.toThrow(/cannot be changed/);
    await expect(t.db.query('DELETE FROM official_documents WHERE id = $1', [id])).rejects.toThrow(
      /cannot be changed/,
    );
    const row = (
      await t.db.query<{ title: string }>('SELECT title FROM official_documents WHERE id = $1', [id])
    )[0];
    expect(row?.title).toBe('关于对一号镇社会治安综合治理工作予以通报的决定');
  });

  it('reads, lists and exports in scope, 404 out of scope; exports are audited', async () => {
    const { id, number } = await issue({
      kind: 'interview_notice',
      vars: { interviewTime: '2026年3月10日上午9时', interviewPlace: '县委第一会议室' },
    });
    const operator = await t.login('operator');
    const detail = await operator.inject({ method: 'GET', url: `/api/v1/documents/${id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    const doc = detail.json();
    expect(doc.number).toBe(number);
    expect(doc.content.organMark).toBe('测试县社会治安综合治理委员会办公室文件');
    expect(doc.contentSm3).toBe(sm3(canonicalJson(doc.content)));
    expect(JSON.stringify(doc.content)).toContain('县委第一会议室');

    const list = await operator.inject({
      method: 'GET',
      url: `/api/v1/documents?kind=interview_notice&year=2026&unitId=${t.world.units.town1.id}`,
    });
    expect(list.json().items.map((d: { id: number }) => d.id)).toContain(id);

    const pdf = await operator.inject({ method: 'GET', url: `/api/v1/documents/${id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await measurePdf(pdf.rawPayload);
    expect(visualLines(pages[0]!).map((l) => l.text)).toContain(number);
    const docx = await operator.inject({ method: 'GET', url: `/api/v1/documents/${id}/docx` });
    expect(docx.statusCode).toBe(200);
    expect((await readDocx(docx.rawPayload)).text).toContain(number);
    expect(
      await count(
        t.db,
        "SELECT count(*) FROM audit_log WHERE action = 'document.exported' AND target_id = $1",
        [String(id)],
      ),
    ).toBe(2);

    const other = await t.login('operator2');
    for (const url of [
      `/api/v1/documents/${id}`,
      `/api/v1/documents/${id}/pdf`,
      `/api/v1/documents/${id}/docx`,
    ]) {
      expect((await other.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
    const otherList = await other.inject({ method: 'GET', url: '/api/v1/documents?pageSize=500' });
    expect(otherList.json().items.map((d: { id: number }) => d.id)).not.toContain(id);
  });

  it('inherits templates down the tree: the nearest unit’s version wins, else the shipped default', async () => {
    const operator = await t.login('operator');
    const operator2 = await t.login('operator2');
    const dflt = await operator2.inject({ method: 'GET', url: '/api/v1/document-templates/listing_notice' });
    expect(dflt.json()).toMatchObject({ origin: 'default', unitId: null });
    const content = {
      format: 'document',
      title: '关于对{{unitName}}挂牌督办的决定（县版）',
      body: [
        {
          kind: 'paragraph',
          text: '{{unitName}}须于{{firstReportDeadline}}前报告，此后{{reportCadence}}报告一次。',
        },
      ],
    };
    const put = await operator.inject({
      method: 'PUT',
      url: '/api/v1/document-templates/listing_notice',
      payload: { content },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ origin: 'unit', unitId: t.world.units.county.id, version: 1 });
    // town2 inherits the county's
    const inherited = await operator2.inject({
      method: 'GET',
      url: '/api/v1/document-templates/listing_notice',
    });
    expect(inherited.json()).toMatchObject({ origin: 'unit', unitId: t.world.units.county.id });
    // town2's own wins for town2, not for town1
    const own = { ...content, title: '关于对{{unitName}}挂牌督办的决定（镇版）' };
    expect(
      (
        await operator2.inject({
          method: 'PUT',
          url: '/api/v1/document-templates/listing_notice',
          payload: { content: own },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await operator2.inject({ method: 'GET', url: '/api/v1/document-templates/listing_notice' })).json()
        .content.title,
    ).toContain('镇版');
    const town1 = await operator.inject({
      method: 'GET',
      url: `/api/v1/document-templates/listing_notice?unitId=${t.world.units.town1.id}`,
    });
    expect(town1.json().content.title).toContain('县版');
    // issuing from town1 uses the county's template
    const issued = await issue({
      kind: 'listing_notice',
      issuerUnitId: t.world.units.town1.id,
      subjectUnitId: t.world.units.village1a.id,
      vars: { firstReportDeadline: '2026年3月15日', reportCadence: '每月' },
    });
    expect(issued.title).toBe('关于对甲村挂牌督办的决定（县版）');
    // a second save is version 2; the list has every kind
    const again = await operator.inject({
      method: 'PUT',
      url: '/api/v1/document-templates/listing_notice',
      payload: { content, note: '再改' },
    });
    expect(again.json().version).toBe(2);
    const all = await operator.inject({ method: 'GET', url: '/api/v1/document-templates' });
    expect(all.json()).toHaveLength(7);
  });

  it('refuses bad template input with the field path and changes nothing', async () => {
    const operator = await t.login('operator');
    const before = await count(t.db, 'SELECT count(*) FROM document_templates');
    const unknownVar = await operator.inject({
      method: 'PUT',
      url: '/api/v1/document-templates/notice',
      payload: {
        content: { format: 'document', title: '通报', body: [{ kind: 'paragraph', text: '{{nosuch}}整改' }] },
      },
    });
    expect(unknownVar.statusCode).toBe(400);
    expect(unknownVar.json().errors[0].path).toBe('body.content.body.0.text');
    const stray = await operator.inject({
      method: 'PUT',
      url: '/api/v1/document-templates/notice',
      payload: {
        content: { format: 'document', title: '通报{{', body: [{ kind: 'paragraph', text: '整改' }] },
      },
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().errors[0].path).toBe('body.content.title');
    const empty = await operator.inject({
      method: 'PUT',
      url: '/api/v1/document-templates/notice',
      payload: { content: { format: 'document', title: '', body: [] } },
    });
    expect(empty.statusCode).toBe(400);
    const badKind = await operator.inject({
      method: 'PUT',
      url: '/api/v1/document-templates/nosuch',
      payload: { content: { format: 'document', title: 'x', body: [{ kind: 'paragraph', text: 'y' }] } },
    });
    expect(badKind.statusCode).toBe(400);
    expect(await count(t.db, 'SELECT count(*) FROM document_templates')).toBe(before);
    // leaders read templates but cannot write them
    const leader = await t.login('leader');
    expect(
      (
        await leader.inject({
          method: 'PUT',
          url: '/api/v1/document-templates/notice',
          payload: { content: { format: 'document', title: 'x', body: [{ kind: 'paragraph', text: 'y' }] } },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('previews a PDF without a number and without storing anything', async () => {
    const operator = await t.login('operator');
    const docs = await count(t.db, 'SELECT count(*) FROM official_documents');
    const seq = await count(t.db, 'SELECT COALESCE(SUM(last), 0) FROM document_number_sequences');
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/documents/preview',
      payload: {
        kind: 'recommendation_letter',
        issuerUnitId: t.world.units.county.id,
        addressee: '市公安局',
        vars: { unitName: '县公安局', situation: '连续两个季度考评排名末位', deadline: '2026年4月1日' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await measurePdf(res.rawPayload))
      .flatMap((p) => visualLines(p).map((l) => l.text))
      .join('\n');
    expect(text).toContain('关于建议对县公安局有关负责人追究责任的函');
    expect(text).toContain('综治办〔2026〕');
    expect(await count(t.db, 'SELECT count(*) FROM official_documents')).toBe(docs);
    expect(await count(t.db, 'SELECT COALESCE(SUM(last), 0) FROM document_number_sequences')).toBe(seq);
  });
});
