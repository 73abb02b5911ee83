import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

type CountyView = { expected: number; rows: { unitName: string; status: string }[] };
type Summary = {
  months: { month: string; expected: number }[];
  total: { expected: number };
  children: { unitName: string; total: { expected: number } }[];
};

/** A town's layer over district-001 in which its villages, not the town itself, file the report. */
const villagesFile = (kinds: string[]) => ({
  id: 'town1-villages-report',
  name: { zh: '一号镇平安报表细则', en: 'Town 1 safety report rules' },
  jurisdictionLevel: 'town',
  extends: 'district-001',
  sources: [{ id: 'town1-notice', title: '一号镇关于村（社区）报送平安报表的通知', year: 2026 }],
  reports: {
    monthlySafetyReport: {
      filers: { kinds, source: { doc: 'town1-notice', article: '第二条' } },
    },
  },
});

/** Who must file the monthly 平安报表 is the rulebook's (reports.monthlySafetyReport.filers), per unit. */
describe('平安报表 filers come from the rulebook each unit follows', () => {
  let t: TestApp;
  let operator: Session;

  const get = async (url: string) => {
    const res = await operator.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const countyView = async () => (await get('/api/v1/safety-reports?month=2026-02')) as CountyView;
  const summary = async () => (await get('/api/v1/safety-reports/summary?period=2026-M02')) as Summary;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    operator = await t.login('operator');
    const attached = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${t.world.units.county.id}/rulebook`,
      payload: { rulebookId: 'district-001', validFrom: '2026-01-01' },
    });
    expect(attached.statusCode, attached.body).toBe(200);
  }, 60_000);
  afterAll(async () => t.close());

  it('by the national default, every town and department owes a report', async () => {
    const view = await countyView();
    expect(view.rows.map((r) => r.unitName)).toEqual(['一号镇', '二号镇', '县公安局']);
    expect(view.expected).toBe(3);
    const s = await summary();
    expect(s.total.expected).toBe(3);
    expect(s.children.map((c) => [c.unitName, c.total.expected])).toEqual([
      ['一号镇', 1],
      ['二号镇', 1],
      ['县公安局', 1],
    ]);
    const village = await operator.inject({
      method: 'GET',
      url: `/api/v1/safety-reports/${t.world.units.village1a.id}/2026-02`,
    });
    expect(village.statusCode).toBe(400);
    expect(village.json().errors[0].path).toBe('params.unitId');
  });

  it('a layer naming other kinds changes who is due, in its subtree only', async () => {
    const { town1, village1a } = t.world.units;
    const published = await operator.inject({
      method: 'POST',
      url: '/api/v1/rulebooks/town1-villages-report/versions',
      payload: villagesFile(['village']),
    });
    expect(published.statusCode, published.body).toBe(201);
    const attached = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${town1.id}/rulebook`,
      payload: { rulebookId: 'town1-villages-report', validFrom: '2026-01-01' },
    });
    expect(attached.statusCode, attached.body).toBe(200);

    // Town 1's villages file instead of the town; town 2 (and its village) and the department keep
    // the county's rulebook.
    const view = await countyView();
    expect(view.rows.map((r) => r.unitName)).toEqual(['甲村', '乙村', '二号镇', '县公安局']);
    expect(view.expected).toBe(4);
    const s = await summary();
    expect(s.total.expected).toBe(4);
    expect(s.months.map((m) => m.expected)).toEqual([4]);
    expect(s.children.map((c) => [c.unitName, c.total.expected])).toEqual([
      ['一号镇', 2],
      ['二号镇', 1],
      ['县公安局', 1],
    ]);
    // The unit's own report follows the same rule: the village may file, the town no longer.
    expect((await get(`/api/v1/safety-reports/${village1a.id}/2026-02`)).status).toBe('draft');
    const town = await operator.inject({ method: 'GET', url: `/api/v1/safety-reports/${town1.id}/2026-02` });
    expect(town.statusCode).toBe(400);
    expect(town.json().errors[0].path).toBe('params.unitId');
    const filed = await operator.inject({
      method: 'PUT',
      url: `/api/v1/safety-reports/${village1a.id}/2026-02`,
      payload: {
        disputesScreened: 1,
        disputesResolved: 1,
        publicityActivities: 0,
        situation: '平稳。',
        remarks: '',
      },
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect((await countyView()).rows.find((r) => r.unitName === '甲村')?.status).toBe('filed');
  });

  it('refuses a filer kind that does not exist, or none, naming the field', async () => {
    for (const [kinds, path] of [
      [['village', 'hamlet'], 'body.reports.monthlySafetyReport.filers.kinds[1]'],
      [[], 'body.reports.monthlySafetyReport.filers.kinds'],
    ] as const) {
      const res = await operator.inject({
        method: 'POST',
        url: '/api/v1/rulebooks/town1-villages-report/versions',
        payload: villagesFile([...kinds]),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('rulebook.invalid');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // Nothing was published: the villages still file.
    expect((await countyView()).expected).toBe(4);
  });
});
