import type { AssessmentPeriodDetail, AssessmentVerification } from '@zongzhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnit } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

const cite = { doc: 'query-doc', article: '第一条' };

/** A county layer scoring towns and villages on one entered rate (linear, 100): two ranking groups. */
const countyLayer = {
  id: 'assess-query-county',
  name: { zh: '排名表查询测试制度', en: 'Ranking query test rulebook' },
  jurisdictionLevel: 'county',
  extends: 'zhejiang-2016',
  sources: [{ id: 'query-doc', title: '排名表查询测试文件', year: 2026 }],
  indicators: {
    assessment: { ranking: { minimumIndicators: 1, source: cite } },
    items: [
      {
        id: 'case-rate',
        name: { zh: '刑事案件发案率', en: 'Criminal case rate' },
        method: 'linear',
        dataSource: 'entered',
        who: ['town', 'village'],
        thresholds: [],
        scoring: {
          kind: 'linear',
          lower: 0,
          upper: 100,
          direction: 'lower_is_better',
          maxPoints: 100,
          source: cite,
        },
        source: cite,
      },
    ],
  },
};

// The ranking table's filters and pages (issue 6 §5 at a province's size): a county period over
// two towns and 13 villages — 10 of them named 查询村NN under town1 — read whole, by group, by
// name, page by page, within the caller's scope, and refused with 400 naming the field.
describe('the ranking table: group, name and page', () => {
  let t: TestApp;
  let operator: Session;
  let periodId: number;
  let full: AssessmentPeriodDetail;
  const rate = new Map<number, number>();

  const get = async (s: Session, query: string) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/assessments/periods/${periodId}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AssessmentPeriodDetail;
  };
  const setValue = (unitId: number, value: number) =>
    t.db.query(
      `INSERT INTO indicator_values (unit_id, indicator_id, period_key, value, source, entered_by, entered_at)
       VALUES ($1, 'case-rate', '2025', $2, 'entered', 'test', now())
       ON CONFLICT (unit_id, indicator_id, period_key) DO UPDATE SET value = EXCLUDED.value`,
      [unitId, value],
    );

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    operator = await t.login('operator');
    const published = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/assess-query-county/versions',
      payload: countyLayer,
    });
    expect(published.statusCode, published.body).toBe(201);
    const { county, town1, town2, village1a, village1b, village2a } = t.world.units;
    const attached = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${county.id}/rulebook`,
      payload: { rulebookId: 'assess-query-county', validFrom: '2025-01-01' },
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const units = [town1.id, town2.id, village1a.id, village1b.id, village2a.id];
    for (let i = 1; i <= 10; i += 1)
      units.push(
        (
          await insertUnit(t.db, {
            name: `查询村${String(i).padStart(2, '0')}`,
            kind: 'village',
            parentId: town1.id,
          })
        ).id,
      );
    // Distinct rates: distinct scores, so the ranking order is fixed.
    for (const [i, id] of units.entries()) {
      rate.set(id, i * 3);
      await setValue(id, i * 3);
    }
    const opened = await operator.inject({
      method: 'POST',
      url: '/api/v1/assessments/periods',
      payload: { unitId: county.id, kind: 'year', periodKey: '2025' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    periodId = opened.json().id;
    const computed = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/compute`,
    });
    expect(computed.statusCode, computed.body).toBe(200);
    const answer = await operator.inject({ method: 'GET', url: `/api/v1/assessments/periods/${periodId}` });
    full = answer.json();
    // The compute answer: the table's first page (up to 1,000 rows: all 15 here), no heat map.
    expect(computed.json()).toMatchObject({ total: 15, results: full.results, branches: [] });
  }, 120_000);
  afterAll(async () => t.close());

  it('answers every unit without parameters, with the total, the groups and the top two levels', async () => {
    const { town1, town2, village1a, village2a } = t.world.units;
    const whole = await get(operator, '');
    expect(whole.results).toEqual(full.results);
    expect(whole.results).toHaveLength(15);
    expect(whole.total).toBe(15);
    const town = whole.results.find((r) => r.unitId === town1.id)!.group;
    const village = whole.results.find((r) => r.unitId === village1a.id)!.group;
    expect(town).not.toBe(village);
    expect(whole.groups).toEqual([
      { group: town, units: 2 },
      { group: village, units: 13 },
    ]);
    // Ranking order: group by group, rank by rank.
    const ranks = whole.results.filter((r) => r.group === village).map((r) => r.rank);
    expect(ranks).toEqual([...Array(13).keys()].map((i) => i + 1));
    // Heat map: the towns (their whole subtree, themselves included) and the villages below them.
    const branch = (id: number) => whole.branches.find((b) => b.unitId === id);
    const mean = (ids: number[]) => {
      const scores = whole.results.filter((r) => ids.includes(r.unitId)).map((r) => r.score!);
      return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    };
    const town1Units = whole.results.filter((r) => r.unitId !== town2.id && r.unitId !== village2a.id);
    expect(branch(town1.id)).toEqual({
      unitId: town1.id,
      unitName: '一号镇',
      level: 1,
      parentId: t.world.units.county.id,
      units: 13,
      meanScore: mean(town1Units.map((r) => r.unitId)),
      assessed: true,
      score: whole.results.find((r) => r.unitId === town1.id)!.score,
    });
    expect(branch(town2.id)).toMatchObject({ level: 1, units: 2, meanScore: mean([town2.id, village2a.id]) });
    expect(branch(village2a.id)).toMatchObject({
      level: 2,
      parentId: town2.id,
      units: 1,
      assessed: true,
      meanScore: whole.results.find((r) => r.unitId === village2a.id)!.score,
    });
    expect(whole.branches.filter((b) => b.level === 2)).toHaveLength(13);
    // The county itself (no indicator for a county) and dept1 (not assessed) have no box.
    expect(branch(t.world.units.county.id)).toBeUndefined();
    expect(branch(t.world.units.dept1.id)).toBeUndefined();
  });

  it('filters by group and by name, and pages in ranking order with the total of the filter', async () => {
    const village = full.results.find((r) => r.unitId === t.world.units.village1a.id)!.group;
    const villages = full.results.filter((r) => r.group === village);
    const byGroup = await get(operator, `?group=${encodeURIComponent(village)}`);
    expect(byGroup.results).toEqual(villages);
    expect(byGroup.total).toBe(13);
    expect(byGroup.groups).toHaveLength(2);

    const named = await get(operator, `?q=${encodeURIComponent('查询村')}`);
    expect(named.total).toBe(10);
    expect(named.results.map((r) => r.unitName).sort()).toEqual(
      [...Array(10).keys()].map((i) => `查询村${String(i + 1).padStart(2, '0')}`),
    );
    const one = await get(operator, `?q=${encodeURIComponent('村07')}&group=${encodeURIComponent(village)}`);
    expect(one.results.map((r) => r.unitName)).toEqual(['查询村07']);
    expect(one.total).toBe(1);
    const none = await get(
      operator,
      `?q=${encodeURIComponent('一号镇')}&group=${encodeURIComponent(village)}`,
    );
    expect(none).toMatchObject({ total: 0, results: [] });
    expect((await get(operator, '?group=kind%3Dnothing')).total).toBe(0);

    // Pages of 4 over the 13 villages: the same rows in the same order, the total on every page.
    const pages: AssessmentPeriodDetail['results'] = [];
    for (let offset = 0; offset < 13; offset += 4) {
      const page = await get(operator, `?group=${encodeURIComponent(village)}&limit=4&offset=${offset}`);
      expect(page.total).toBe(13);
      expect(page.results.length).toBe(Math.min(4, 13 - offset));
      pages.push(...page.results);
    }
    expect(pages).toEqual(villages);
    expect(await get(operator, '?limit=2')).toMatchObject({ total: 15, results: full.results.slice(0, 2) });
    expect((await get(operator, '?offset=14')).results).toEqual(full.results.slice(14));
    expect(await get(operator, '?limit=5&offset=15')).toMatchObject({ total: 15, results: [] });
    expect(await get(operator, '?limit=5&offset=999')).toMatchObject({ total: 15, results: [] });
    // A page of the table without the heat map's boxes.
    const lean = await get(operator, '?limit=3&branches=false');
    expect(lean).toMatchObject({ total: 15, results: full.results.slice(0, 3), branches: [] });
    expect(lean.groups).toHaveLength(2);
    expect((await get(operator, '?limit=3&branches=true')).branches).toEqual(full.branches);
  });

  it('exports every unit in scope to Excel, whatever the table shows', async () => {
    const res = await operator.inject({
      method: 'GET',
      url: `/api/v1/assessments/periods/${periodId}/results.xlsx`,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toEqual(full.results.map((r) => r.unitName));
  });

  it('counts and pages only the units in the caller’s scope', async () => {
    const { town2, village2a } = t.world.units;
    const operator2 = await t.login('operator2');
    const scoped = await get(operator2, '');
    expect(scoped.results.map((r) => r.unitId).sort()).toEqual([town2.id, village2a.id].sort());
    expect(scoped.total).toBe(2);
    expect(scoped.groups.map((g) => g.units)).toEqual([1, 1]);
    expect(scoped.branches.map((b) => b.unitId)).toEqual([town2.id, village2a.id]);
    const named = await get(operator2, `?q=${encodeURIComponent('查询村')}`);
    expect(named).toMatchObject({ total: 0, results: [] });
    const paged = await get(operator2, '?limit=1&offset=1');
    expect(paged.total).toBe(2);
    expect(paged.results.map((r) => r.unitId)).toEqual([village2a.id]);
  });

  it('refuses bad parameters with 400, in Chinese and English, naming the field', async () => {
    const cases: [string, string][] = [
      ['limit', '0'],
      ['limit', '1001'],
      ['limit', 'abc'],
      ['limit', '2.5'],
      ['offset', '-1'],
      ['offset', 'x'],
      ['q', ''],
      ['q', '  '],
      ['q', '长'.repeat(101)],
      ['group', 'g'.repeat(201)],
      ['branches', 'maybe'],
    ];
    for (const [name, value] of cases) {
      const query = `${name}=${encodeURIComponent(value)}`;
      const field = `query.${name}`;
      const res = await operator.inject({
        method: 'GET',
        url: `/api/v1/assessments/periods/${periodId}?${query}`,
      });
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
      const body = res.json() as {
        message: { zh: string; en: string };
        errors: { path: string; message: { zh: string; en: string } }[];
      };
      expect(body.message.zh, query).toMatch(/[\u4e00-\u9fff]/);
      expect(body.message.en, query).toMatch(/[A-Za-z]/);
      const error = body.errors.find((e) => e.path === field);
      expect(error, `${query}: ${JSON.stringify(body.errors)}`).toBeDefined();
      expect(error!.message.zh, query).toMatch(/[\u4e00-\u9fff]/);
      expect(error!.message.en, query).toMatch(/[A-Za-z]/);
    }
  });

  it('verification names the units whose facts changed since the computation', async () => {
    const { village2a } = t.world.units;
    const same = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/verify`,
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ identical: true, differing: 0, units: 15, differences: [] });
    await setValue(village2a.id, rate.get(village2a.id)! + 50);
    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/assessments/periods/${periodId}/verify`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as AssessmentVerification;
    expect(v.identical).toBe(false);
    const changed = v.differences.find((d) => d.unitId === village2a.id);
    expect(changed).toMatchObject({ unitName: '丙村', fields: expect.arrayContaining(['score', 'facts']) });
    await setValue(village2a.id, rate.get(village2a.id)!);
  });
});
