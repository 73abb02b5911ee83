import type { DutyOccurrenceItem } from '@zongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { useE2E } from './support/browser';
import { apiCall, chinaToday } from './support/api';
import { logIn } from './support/ui';

// The duty ledger journey of an operator: the county follows district-001 (the test world has no
// rulebook, so the test attaches one), the year is generated, a town's monthly office meeting of
// the current month is recorded today — before its deadline, the end of the month, so it is done on
// time whatever day the test runs — and the town's effective rulebook names the article it rests on.
const DUTY = 'office-meeting';

describe('duties: the ledger of a year, a meeting recorded, the rule it rests on', () => {
  const e2e = useE2E();

  it('an operator generates the year, records a town meeting and sees where the rule comes from', async () => {
    const { page, server } = e2e;
    const { county, town1 } = server.world.units;
    const today = chinaToday();
    const year = Number(today.slice(0, 4));

    await logIn(page, 'operator');
    await apiCall(page, 'PUT', `/units/${county.id}/rulebook`, {
      rulebookId: 'district-001',
      validFrom: `${year}-01-01`,
    });

    // 生成年度事项 through the page.
    await page.getByTestId('menu-duties').click();
    await page.getByTestId('duty-generate-open').click();
    await page.getByTestId('duty-generate-submit').click();
    const result = page.getByTestId('duty-generate-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`${year} 年：新生成`);
    expect(await result.textContent()).toContain('district-001');
    await page.getByTestId('duty-generate-close').click();

    // The town's office meeting of this month: its period holds today and it is due at its end.
    const { items } = await apiCall<{ items: DutyOccurrenceItem[] }>(
      page,
      'GET',
      `/duties?unitId=${town1.id}&dutyId=${DUTY}&pageSize=50`,
    );
    const current = items.find((d) => d.unitId === town1.id && d.periodStart <= today && today <= d.deadline);
    if (!current) throw new Error(`no ${DUTY} occurrence of 一号镇 holds ${today}`);
    expect(current.state === 'upcoming' || current.state === 'due_soon').toBe(true);

    // Filter the list the way a person does: the unit from the address, the period typed in.
    await page.goto(`/duties?unitId=${town1.id}`);
    const table = page.getByTestId('duties-table');
    await table.locator('tbody tr').first().waitFor();
    await page.getByTestId('duties-period').locator('input').fill(current.periodKey);
    await page.getByTestId('duties-period').locator('input').press('Enter');
    const row = page.getByTestId(`duty-open-${current.id}`);
    await row.waitFor();
    await row.click();

    const form = page.getByTestId('duty-fulfil');
    await form.waitFor();
    // The chair is picked, not typed: the town's principal on the meeting date is preset.
    await expect
      .poll(async () => (await page.getByTestId('duty-fulfil-chair').textContent()) ?? '')
      .toContain('张书记');
    await page.getByTestId('duty-fulfil-attendees').fill('张书记、李镇长、王副书记');
    await page.getByTestId('duty-fulfil-topics').fill('本月矛盾纠纷排查情况\n重点人员稳控');
    await page.getByTestId('duty-fulfil-decisions').fill('各村本周内完成排查');
    await page.getByTestId('duty-fulfil-submit').click();

    const state = page.getByTestId('duty-drawer-state');
    await expect.poll(async () => (await state.textContent()) ?? '').toBe('按期完成');
    const record = (await page.getByTestId('duty-fulfilment').textContent()) ?? '';
    expect(record).toContain(today);
    expect(record).toContain('李镇长');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await table.locator('tr', { has: row }).textContent()) ?? '')
      .toContain('按期完成');

    // 适用规则 of the town: the meeting's cadence, inherited from the county's rulebook, with its article.
    await page.getByTestId('menu-units').click();
    await page.getByTestId('unit-tree').getByText('一号镇', { exact: true }).click();
    await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe('一号镇');
    await page.getByTestId('unit-rulebook-link').click();
    const effective = page.getByTestId('rulebook-effective-table');
    await effective.locator('tbody tr').first().waitFor();
    await page.getByTestId('rulebook-effective-search').locator('input').fill(`${DUTY}].cadence.unit`);
    const param = effective.locator('tbody tr', { hasText: 'cadence.unit' }).first();
    await param.waitFor();
    const text = (await param.textContent()) ?? '';
    expect(text).toContain('month');
    expect(text).toContain('district-001');
    expect(text).toContain('社会治安综合治理会议制度 第3项');
  });
});
