import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { XLSX_MIME_TYPE } from './registry-workbook';

const counts = async (t: TestApp) =>
  (
    await t.db.query<{ units: number; people: number; posts: number }>(
      `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM people)::int AS people,
              (SELECT count(*) FROM posts)::int AS posts`,
    )
  )[0]!;

const load = async (body: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
};

const sheetRows = (wb: ExcelJS.Workbook, name: string) => {
  const rows: string[][] = [];
  wb.getWorksheet(name)!.eachRow((row, n) => {
    if (n > 1)
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
      );
  });
  return rows;
};

describe('registry: Excel template, import, export', () => {
  let t: TestApp;
  let operator: Session;
  let operator2: Session;
  let liaison: Session;
  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.login('operator');
    operator2 = await t.login('operator2');
    liaison = await t.login('liaison');
  });
  afterAll(async () => t.close());

  const fill = async (edit: (wb: ExcelJS.Workbook) => void) => {
    const res = await operator.inject({ method: 'GET', url: '/api/v1/registry/template.xlsx' });
    const wb = await load(res.rawPayload);
    edit(wb);
    return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  };
  const upload = (s: Session, body: Buffer) =>
    s.inject({
      method: 'POST',
      url: '/api/v1/registry/import',
      payload: body,
      headers: { 'content-type': XLSX_MIME_TYPE },
    });

  const goodFile = (wb: ExcelJS.Workbook) => {
    const units = wb.getWorksheet('单位')!;
    // The child comes first: parents may be referenced before they appear.
    units.addRow(['430221100203', '丁家村', '村（社区）', '430221100299', 2100, '2020-01-01']);
    units.addRow(['430221100299', '一号镇新区', 'subunit', '430221100000', '', '2019-06-01']);
    const people = wb.getWorksheet('人员')!;
    people.addRow(['P1', '陈书记', '男', '1975-04-02', '13900001111', '430221100203']);
    people.addRow(['P2', '林主任', '女', '', '', '430221100203']);
    const posts = wb.getWorksheet('任职')!;
    posts.addRow(['P1', '430221100203', '党委（党组）书记', '村党支部书记', '', '2021-01-01', '']);
    posts.addRow([
      'P2',
      '430221100203',
      'deputy_in_charge',
      '村治保主任',
      '治安',
      '2021-01-01',
      '2025-01-01',
    ]);
    posts.addRow(['P2', '430221100203', '行政主职（镇长/主任/局长）', '村委会主任', '', '2025-01-01', '']);
  };

  it('offers a template with the Chinese sheets and instructions', async () => {
    const res = await operator.inject({ method: 'GET', url: '/api/v1/registry/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME_TYPE);
    const wb = await load(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位', '人员', '任职', '说明']);
    expect(wb.getWorksheet('任职')!.getRow(1).getCell(4).value).toBe('职务名称*');
    expect((await liaison.inject({ method: 'GET', url: '/api/v1/registry/template.xlsx' })).statusCode).toBe(
      403,
    );
  });

  it('imports a filled template in one go and reads it back in the export', async () => {
    const before = await counts(t);
    const res = await upload(operator, await fill(goodFile));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ units: 2, people: 2, posts: 3 });
    expect(await counts(t)).toEqual({
      units: before.units + 2,
      people: before.people + 2,
      posts: before.posts + 3,
    });
    const [village] = await t.db.query<{ id: number; path: string; depth: number }>(
      `SELECT id, path, depth FROM units WHERE code = '430221100203'`,
    );
    expect(village?.depth).toBe(3);
    expect(village?.path.startsWith(t.world.units.town1.path)).toBe(true);
    const responsible = await operator.inject({
      method: 'GET',
      url: `/api/v1/units/${village!.id}/responsible?date=2024-06-01`,
    });
    expect(responsible.json().roles.in_charge.map((h: { name: string }) => h.name)).toEqual(['林主任']);

    const exported = await liaison.inject({
      method: 'GET',
      url: `/api/v1/registry/export.xlsx?unitId=${t.world.units.town1.id}`,
    });
    expect(exported.statusCode).toBe(200);
    const wb = await load(exported.rawPayload);
    const units = sheetRows(wb, '单位');
    expect(units.map((r) => r[0])).toEqual(
      expect.arrayContaining(['430221100000', '430221100299', '430221100203']),
    );
    expect(units.find((r) => r[0] === '430221100203')).toEqual([
      '430221100203',
      '丁家村',
      '村（社区）',
      '430221100299',
      '2100',
      '2020-01-01',
    ]);
    expect(units.map((r) => r[0])).not.toContain('430221101000');
    const people = sheetRows(wb, '人员');
    // A liaison's export masks phones.
    expect(people.find((r) => r[1] === '陈书记')?.[4]).toBe('139****1111');
    const posts = sheetRows(wb, '任职');
    expect(posts.filter((r) => r[1] === '430221100203').map((r) => [r[2], r[5], r[6]])).toEqual([
      ['党委（党组）书记', '2021-01-01', ''],
      ['分管负责人', '2021-01-01', '2025-01-01'],
      ['行政主职（镇长/主任/局长）', '2025-01-01', ''],
    ]);
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action IN ('registry.imported', 'registry.exported') AND outcome = 'ok'`,
    );
    expect(audit?.n).toBe(2);
    // An operator's export of the same subtree reads back through the importer as a duplicate file.
    const again = await upload(operator, await fill(goodFile));
    expect(again.statusCode).toBe(400);
    expect(again.json().errors.map((e: { path: string }) => e.path)).toContain('单位!A2');
  });

  it('imports nothing when one row is wrong, naming every bad cell', async () => {
    const before = await counts(t);
    const body = await fill((wb) => {
      const units = wb.getWorksheet('单位')!;
      units.addRow(['430221109911', '好村', 'village', '430221100000', '', '2020-01-01']);
      units.addRow(['430221109912', '坏村', '星球', 'NOPE', -5, '2020-13-01']);
      units.addRow(['430221109913', '环甲', 'village', '430221109914', '', '2020-01-01']);
      units.addRow(['430221109914', '环乙', 'village', '430221109913', '', '2020-01-01']);
      units.addRow(['V-SHORT', '短码村', 'village', '430221100000', '', '2020-01-01']);
      wb.getWorksheet('人员')!.addRow(['P1', '好人', '男', '', '', '430221109911']);
      const posts = wb.getWorksheet('任职')!;
      posts.addRow(['P1', '430221109911', 'member', '委员', '', '2021-01-01', '']);
      posts.addRow(['P9', '430221109911', 'member', '', '', '2021-01-01', '2020-01-01']);
    });
    const res = await upload(operator, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('registry.import_invalid');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '单位!C3',
        '单位!D3',
        '单位!E3',
        '单位!F3',
        '单位!D4',
        '单位!D5',
        '单位!A6',
        '任职!A3',
        '任职!D3',
        '任职!G3',
      ]),
    );
    expect(paths).not.toContain('单位!A2');
    // A territorial unit's code must be the 12-digit division code.
    const cell = res.json().errors.find((e: { path: string }) => e.path === '任职!D3');
    expect(cell.message).toEqual({ zh: '必填', en: 'Required' });
    expect(await counts(t)).toEqual(before);
  });

  it('refuses parents out of the importer’s scope and files that are not workbooks', async () => {
    const before = await counts(t);
    const res = await upload(
      operator2,
      await fill((wb) => {
        wb.getWorksheet('单位')!.addRow([
          '430221109915',
          '越权村',
          'village',
          '430221100000',
          '',
          '2020-01-01',
        ]);
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['单位!D2']);
    const junk = await upload(operator, Buffer.from('not a workbook'));
    expect(junk.statusCode).toBe(400);
    expect(await counts(t)).toEqual(before);
    const liaisonUpload = await upload(liaison, await fill(() => undefined));
    expect(liaisonUpload.statusCode).toBe(403);
  });

  it('exports only within scope', async () => {
    const res = await liaison.inject({
      method: 'GET',
      url: `/api/v1/registry/export.xlsx?unitId=${t.world.units.town2.id}`,
    });
    expect(res.statusCode).toBe(404);
    const own = await operator2.inject({ method: 'GET', url: '/api/v1/registry/export.xlsx' });
    const wb = await load(own.rawPayload);
    expect(sheetRows(wb, '单位').map((r) => r[1])).toEqual(['二号镇', '丙村']);
    expect(sheetRows(wb, '人员').map((r) => r[1])).toEqual(['赵书记']);
  });
});
