import type { DutyOccurrenceItem } from '@zongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { useE2E } from './support/browser';
import { apiCall, chinaToday } from './support/api';
import { logIn } from './support/ui';

// A late duty: the county follows district-001 from the start of the year, the year is generated,
// and a town's monthly office meeting of an earlier month — its deadline passed, nothing recorded —
// shows as overdue (已逾期, red). The meeting is then recorded as held today, after the deadline, so
// the occurrence becomes 逾期完成. In January no month of this year has ended yet (its own meeting is
// not due before the end of the month), so the rulebook applies from the start of last year and last
// year is generated too: one of its months is overdue whatever day the test runs.
const DUTY = 'office-meeting';

describe('duties: an overdue meeting, recorded late', () => {
  const e2e = useE2E();

  it('an operator sees an earlier month’s meeting overdue, records it and it is done late', async () => {
    const { page, server } = e2e;
    const { county, town1 } = server.world.units;
    const today = chinaToday();
    const year = Number(today.slice(0, 4));
    const january = today.slice(5, 7) === '01';

    await logIn(page, 'operator');
    await apiCall(page, 'PUT', `/units/${county.id}/rulebook`, {
      rulebookId: 'district-001',
      validFrom: `${january ? year - 1 : year}-01-01`,
    });
    if (january) await apiCall(page, 'POST', '/duties/generate', { year: year - 1 });

    // 生成年度事项 through the page, as the ledger test does.
    await page.getByTestId('menu-duties').click();
    await page.getByTestId('duty-generate-open').click();
    await page.getByTestId('duty-generate-submit').click();
    await page.getByTestId('duty-generate-result').waitFor();
    await page.getByTestId('duty-generate-close').click();

    // The latest of the town's meetings whose deadline has passed without a record.
    const { items } = await apiCall<{ items: DutyOccurrenceItem[] }>(
      page,
      'GET',
      `/duties?unitId=${town1.id}&dutyId=${DUTY}&state=overdue&pageSize=100`,
    );
    const late = items
      .filter((d) => d.unitId === town1.id && d.deadline < today)
      .sort((a, b) => b.deadline.localeCompare(a.deadline))[0];
    if (!late) throw new Error(`no overdue ${DUTY} occurrence of 一号镇 before ${today}`);
    expect(late.state).toBe('overdue');
    expect(late.timeStatus).toBe('red');
    if (!january) expect(late.periodKey.startsWith(String(year))).toBe(true);

    // In the list: found by its period, marked 已逾期 in red.
    await page.goto(`/duties?unitId=${town1.id}`);
    const table = page.getByTestId('duties-table');
    await table.locator('tbody tr').first().waitFor();
    await page.getByTestId('duties-period').locator('input').fill(late.periodKey);
    await page.getByTestId('duties-period').locator('input').press('Enter');
    const open = page.getByTestId(`duty-open-${late.id}`);
    await open.waitFor();
    const row = table.locator('tr', { has: open });
    const tag = row.getByTestId('duty-state-overdue');
    await tag.waitFor();
    expect(await tag.textContent()).toBe('已逾期');
    expect(await tag.getAttribute('class')).toContain('red');

    // Recorded today, after the deadline: 逾期完成.
    await open.click();
    await page.getByTestId('duty-fulfil').waitFor();
    // The chair is picked, not typed: the town's principal on the meeting date is preset.
    await expect
      .poll(async () => (await page.getByTestId('duty-fulfil-chair').textContent()) ?? '')
      .toContain('张书记');
    await page.getByTestId('duty-fulfil-attendees').fill('张书记、李镇长');
    await page.getByTestId('duty-fulfil-topics').fill('补开会议：研究部署综治工作');
    await page.getByTestId('duty-fulfil-decisions').fill('按月召开，不再延误');
    await page.getByTestId('duty-fulfil-submit').click();

    const state = page.getByTestId('duty-drawer-state');
    await expect.poll(async () => (await state.textContent()) ?? '').toBe('逾期完成');
    expect((await page.getByTestId('duty-fulfilment').textContent()) ?? '').toContain(today);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('逾期完成');
    expect(await row.getByTestId('duty-state-done_late').count()).toBe(1);

    const after = await apiCall<DutyOccurrenceItem>(page, 'GET', `/duties/${late.id}`);
    expect(after.state).toBe('done_late');
  });
});
