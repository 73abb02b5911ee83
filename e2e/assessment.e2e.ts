import type {
  AssessmentExplanation,
  AssessmentPeriodDetail,
  AssessmentPeriodSummary,
  CaseDetail,
} from '@zongzhi/contracts';
import { CHINA_CALENDAR_DATA } from '@zongzhi/domain';
import { describe, expect, it } from 'vitest';
import { apiCall, chinaToday } from './support/api';
import { useE2E } from './support/browser';
import { logIn } from './support/ui';

// 考核评价 as an operator of the 综治办 lives it: a town's rulebook layer scores its villages on
// the accountability steps they received (a deduction per step) and on duties done on time; the
// annual period of the town is opened and computed through the API; in the browser the operator
// opens the period, sees the ranking, opens the score page of the village that received a step,
// expands the indicator and sees the step it rests on (the accountability_steps row and its id).
//
// The e2e server runs on the system clock, and a step's deadlines must lie in a year whose working
// calendar is shipped: the story is set in Y, the latest shipped year whose 20 March has passed,
// the step decided on 5 January of Y.
const cite = { doc: 'assess-e2e-doc', article: '第一条' };
const layer = {
  id: 'assess-e2e',
  name: { zh: '考核浏览器测试制度', en: 'Assessment e2e rulebook' },
  jurisdictionLevel: 'town',
  extends: 'zhejiang-2016',
  sources: [{ id: 'assess-e2e-doc', title: '考核测试文件', year: 2026 }],
  indicators: {
    assessment: { ranking: { minimumIndicators: 1, source: cite } },
    items: [
      {
        id: 'steps',
        name: { zh: '被追责情况', en: 'Accountability steps received' },
        method: 'deduction',
        dataSource: 'computed',
        fact: 'accountability_steps_received',
        who: ['village'],
        thresholds: [],
        scoring: { kind: 'deduction', maxPoints: 30, perOccurrence: 10, floor: 0, source: cite },
        source: cite,
      },
    ],
  },
};

const storyYear = (today: string) => {
  const shipped = new Set(CHINA_CALENDAR_DATA.map((y) => y.year));
  for (let y = Number(today.slice(0, 4)); y > 2000; y -= 1)
    if (shipped.has(y) && `${y}-03-20` <= today) return y;
  throw new Error('no shipped calendar year before today');
};

describe('assessment: a unit’s score explained down to its facts', () => {
  const e2e = useE2E();

  it('the operator opens the ranking, a village’s score page and the step behind its deduction', async () => {
    const { page, server } = e2e;
    const { county, town1, village1a, village1b } = server.world.units;
    const year = storyYear(chinaToday());
    await logIn(page, 'operator');

    // The county follows Zhuzhou (its 综治委 issues the step's document); the town the scored layer.
    await apiCall(page, 'PUT', `/units/${county.id}/rulebook`, {
      rulebookId: 'zhuzhou-county-2018',
      validFrom: `${year - 1}-01-01`,
    });
    await apiCall(page, 'POST', '/rulebooks/assess-e2e/versions', layer);
    await apiCall(page, 'PUT', `/units/${town1.id}/rulebook`, {
      rulebookId: 'assess-e2e',
      validFrom: `${year - 1}-01-01`,
    });
    // One accountability step against village1a in Y: its score loses 10 of the indicator's 30 points.
    const opened = await apiCall<CaseDetail>(page, 'POST', '/accountability/cases', {
      unitId: village1a.id,
      situationId: 's1',
      relevantOn: `${year}-01-05`,
      facts: '矛盾纠纷排查化解不力',
      decidedOn: `${year}-01-05`,
    });
    const stepId = opened.steps[0]!.id;

    const period = await apiCall<AssessmentPeriodSummary>(page, 'POST', '/assessments/periods', {
      unitId: town1.id,
      kind: 'year',
      periodKey: String(year),
    });
    const computed = await apiCall<AssessmentPeriodDetail>(
      page,
      'POST',
      `/assessments/periods/${period.id}/compute`,
    );
    // The year before, also computed: the village's score page draws its trend across both.
    const before = await apiCall<AssessmentPeriodSummary>(page, 'POST', '/assessments/periods', {
      unitId: town1.id,
      kind: 'year',
      periodKey: String(year - 1),
    });
    await apiCall(page, 'POST', `/assessments/periods/${before.id}/compute`);
    const a = computed.results.find((r) => r.unitId === village1a.id);
    const b = computed.results.find((r) => r.unitId === village1b.id);
    if (!a || !b) throw new Error(`villages not assessed: ${JSON.stringify(computed.results)}`);
    expect(b.score).toBeGreaterThan(a.score ?? 0);

    // The period list: the period is there, open, computed.
    await page.getByTestId('menu-assessment').click();
    const row = page.getByTestId(`assessment-period-${period.id}`);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('一号镇');
    expect(rowText).toContain('年评');
    expect(rowText).toContain(String(year));
    expect(await page.getByTestId(`assessment-status-${period.id}`).textContent()).toBe('进行中');

    // The ranking: the village without a step first, the one with a step second, with their scores and grades.
    await page.getByTestId(`assessment-open-${period.id}`).click();
    await page.getByTestId(`assessment-row-${village1a.id}`).waitFor();
    expect(await page.getByTestId(`assessment-rank-${village1b.id}`).textContent()).toBe(String(b.rank));
    expect(await page.getByTestId(`assessment-rank-${village1a.id}`).textContent()).toBe(String(a.rank));
    expect(b.rank).toBe(1);
    expect(a.rank).toBe(2);
    expect(await page.getByTestId(`assessment-score-${village1a.id}`).textContent()).toBe(String(a.score));
    expect(await page.getByTestId(`assessment-score-${village1b.id}`).textContent()).toBe(String(b.score));
    if (a.gradeName)
      expect(await page.getByTestId(`assessment-grade-${village1a.id}`).textContent()).toContain(
        a.gradeName.zh,
      );
    // The charts are drawn (a canvas in each).
    await page.getByTestId('assessment-bar-chart').locator('canvas').waitFor();
    await page.getByTestId('assessment-heatmap').locator('canvas').waitFor();
    // 复核重算: the period re-run over the facts as they were counted equals the stored results.
    await page.getByTestId('assessment-verify').click();
    const identical = page.getByTestId('assessment-verify-identical');
    await identical.waitFor();
    expect(await identical.textContent()).toMatch(
      new RegExp(`^与已存结果一致（${computed.results.length} 个单位，用时 \\d+ ms）$`),
    );
    expect(await page.getByTestId('assessment-verify-result').textContent()).toMatch(
      /第 1 版结果，事实统计截至 \d{4}-\d{2}-\d{2}。/,
    );
    // The ranking searched by name on the server: only the matching village is listed.
    await page.getByTestId('assessment-search').locator('input').fill(a.unitName);
    await page.getByTestId('assessment-search').locator('input').press('Enter');
    await page.getByTestId(`assessment-row-${village1b.id}`).waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid^="assessment-row-"]').count()).toBe(1);
    await page.getByTestId(`assessment-row-${village1a.id}`).waitFor();
    // The town's 平安报表 summary of the year beside the ranking: a row per month and the total,
    // the filing rate drawn, each month linking to that month's reports of the town.
    const safety = page.getByTestId('safety-summary-card');
    await safety.getByTestId('safety-summary-months').waitFor();
    expect(await safety.locator('[data-testid^="safety-summary-row-"]').count()).toBe(13);
    await safety.getByTestId('safety-summary-rate-chart').locator('canvas').waitFor();
    expect(await safety.getByTestId(`safety-summary-month-${year}-01`).getAttribute('href')).toBe(
      `/safety-reports?month=${year}-01&unitId=${town1.id}`,
    );
    expect(await safety.getByTestId('safety-summary-export').getAttribute('href')).toContain(
      `/safety-reports/summary.xlsx?period=${year}&unitId=${town1.id}`,
    );

    // The village's score page: the indicator's input, its rule in words, the rulebook and the points.
    await page.getByTestId(`assessment-unit-${village1a.id}`).click();
    const title = page.getByTestId('assessment-unit-title');
    await title.waitFor();
    expect(await title.textContent()).toContain(a.unitName);
    expect(await page.getByTestId('assessment-unit-rulebook').textContent()).toBe('assess-e2e 第 1 版');
    expect(await page.getByTestId('indicator-points-steps').textContent()).toBe('20 / 30');
    expect(await page.getByTestId('indicator-inputs-steps').textContent()).toBe('被追责次数：1');
    const explained = await apiCall<AssessmentExplanation>(
      page,
      'GET',
      `/assessments/periods/${period.id}/units/${village1a.id}`,
    );
    const rule = (
      explained.unitScore as { indicators: { indicatorId: string; rule: { zh: string } }[] }
    ).indicators.find((i) => i.indicatorId === 'steps')!.rule.zh;
    expect(await page.getByTestId('indicator-rule-steps').textContent()).toBe(rule);

    // Expanding the indicator shows the fact: the accountability_steps row of the step decided.
    await page.getByTestId('indicator-row-steps').locator('.ant-table-row-expand-icon').click();
    const facts = page.getByTestId('indicator-facts-steps');
    await facts.waitFor();
    expect(await facts.getByTestId('fact-table-accountability_steps_received').textContent()).toBe(
      '责任追究措施（accountability_steps）',
    );
    expect(await facts.getByTestId('fact-counts-accountability_steps_received').textContent()).toBe(
      'total=1',
    );
    expect(await facts.getByTestId('fact-ids-accountability_steps_received').textContent()).toBe(
      String(stepId),
    );
    // Two computed years of the town: the trend across them is drawn.
    await page.getByTestId('assessment-trend').locator('canvas').waitFor();
    expect(await page.getByTestId('assessment-no-trend').count()).toBe(0);

    // Back on the list the operator closes the earlier year: the confirmation says the results
    // freeze and failures are recorded; then a correction needs a reason and makes version 2.
    await page.getByTestId('menu-assessment').click();
    await page.getByTestId(`assessment-close-${before.id}`).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect((await confirm.textContent()) ?? '').toContain('结果冻结');
    await page.getByTestId('assessment-close-ok').click();
    await expect
      .poll(async () => (await page.getByTestId(`assessment-status-${before.id}`).textContent()) ?? '')
      .toBe('已关闭');
    await page.getByTestId(`assessment-correct-${before.id}`).click();
    await page.getByTestId('assessment-correct-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('assessment-correct-reason').fill('更正填报数据后重新计算');
    await page.getByTestId('assessment-correct-submit').click();
    await expect
      .poll(async () => (await page.getByTestId(`assessment-version-${before.id}`).textContent()) ?? '')
      .toBe('2');
    const corrected = await apiCall<AssessmentPeriodDetail>(page, 'GET', `/assessments/periods/${before.id}`);
    expect(corrected.version).toBe(2);

    // A step against village1b decided after the computation: 复核重算 of the open year now lists
    // village1b in amber, linking to its score page, with what differs (its facts and its score).
    await apiCall(page, 'POST', '/accountability/cases', {
      unitId: village1b.id,
      situationId: 's1',
      relevantOn: `${year}-01-06`,
      facts: '矛盾纠纷排查化解不力',
      decidedOn: `${year}-01-06`,
    });
    await page.getByTestId(`assessment-open-${period.id}`).click();
    await page.getByTestId('assessment-verify').click();
    const differing = page.getByTestId('assessment-verify-differing');
    await differing.waitFor();
    expect(await differing.textContent()).toMatch(
      new RegExp(`个单位与已存结果不一致（共 ${computed.results.length} 个单位，用时 \\d+ ms）$`),
    );
    const item = page.getByTestId(`assessment-verify-unit-${village1b.id}`);
    const itemText = (await item.textContent()) ?? '';
    expect(itemText).toContain(b.unitName);
    expect(itemText).toContain('事实');
    expect(itemText).toContain('得分');
    expect(await item.locator('a').getAttribute('href')).toBe(
      `/assessment/periods/${period.id}/units/${village1b.id}`,
    );
    // village1a's facts are unchanged (its rank may move with village1b's score).
    const other = page.getByTestId(`assessment-verify-unit-${village1a.id}`);
    if ((await other.count()) > 0) expect((await other.textContent()) ?? '').not.toContain('事实');
  });
});
