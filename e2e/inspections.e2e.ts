import type { Finding, Inspection } from '@zongzhi/contracts';
import { toDayNumber, fromDayNumber } from '@zongzhi/domain';
import { describe, expect, it } from 'vitest';
import { apiCall, chinaToday } from './support/api';
import { useE2E } from './support/browser';
import { E2E_PASSWORD } from './support/server';
import { logIn } from './support/ui';

// A county half-year check of 一号镇 finds a problem; its rectification is tracked with a countdown
// (red once the deadline has passed, seen by asking the tracker about the day after the deadline);
// the town's liaison reports it done on a phone; the county operator accepts and closes it.
describe('inspections: finding → rectification → acceptance', () => {
  const e2e = useE2E();

  it('an operator records a finding, the liaison submits on a phone, the operator accepts and closes', async () => {
    const { page, server } = e2e;
    const { county, town1 } = server.world.units;
    await logIn(page, 'operator');
    const inspection = await apiCall<Inspection>(page, 'POST', '/inspections', {
      kind: 'half_year_check',
      inspectingUnitId: county.id,
      unitId: town1.id,
      carriedOutOn: chinaToday(),
      inspectors: '县综治办督查组',
    });

    // The finding is recorded on the board; its deadline comes from the rulebook.
    await page.goto(`/inspections?inspection=${inspection.id}`);
    await page.getByTestId('finding-new').click();
    await page.getByTestId('finding-description').fill('矛盾纠纷排查台账不全');
    await page.getByTestId('finding-form-submit').click();
    const row = page.getByTestId('finding-1');
    await row.waitFor();
    const { findingList } = await apiCall<{ findingList: Finding[] }>(
      page,
      'GET',
      `/inspections/${inspection.id}`,
    );
    const task = findingList[0]!.task;
    expect(task.deadlineBasis).toBe('rulebook');
    const countdown = page.getByTestId('finding-table').getByTestId('rectification-countdown');
    expect(await countdown.getAttribute('class')).toMatch(/green|gold/);

    // The tracker, asked about the day after the deadline, shows it overdue in red.
    const dayAfter = fromDayNumber(toDayNumber(task.deadline) + 1);
    await page.goto(`/rectifications?asOf=${dayAfter}`);
    const open = page.getByTestId(`rectification-open-${task.id}`);
    await open.waitFor();
    const overdue = page
      .getByTestId('rectifications-table')
      .locator('tr', { has: open })
      .getByTestId('rectification-status-overdue');
    expect(await overdue.textContent()).toBe('已逾期');
    expect(await overdue.getAttribute('class')).toContain('red');

    // 一号镇's liaison reports it done, on a phone.
    const phoneContext = await page
      .context()
      .browser()!
      .newContext({
        baseURL: server.url,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
    phoneContext.setDefaultTimeout(15_000);
    try {
      const phone = await phoneContext.newPage();
      await phone.goto('/');
      await phone.getByTestId('login-username').fill('liaison');
      await phone.getByTestId('login-password').fill(E2E_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.waitForURL((u) => !u.pathname.startsWith('/login'));
      await phone.goto('/rectifications');
      await phone.getByTestId('rectifications-list').waitFor();
      await phone.getByTestId(`rectification-open-${task.id}`).click();
      await phone.getByTestId('rectification-submit').click();
      await phone.getByTestId('rectification-action-text').fill('已补齐台账，请验收');
      await phone.getByTestId('rectification-submit-form-submit').click();
      await phone.getByTestId('rectification-status-submitted').waitFor();
      expect(await phone.getByTestId('rectification-accept').count()).toBe(0);
    } finally {
      await phoneContext.close();
    }

    // The county operator accepts and closes it.
    await page.goto(`/rectifications/${task.id}`);
    await page.getByTestId('rectification-accept').click();
    await page.getByTestId('rectification-accept-form-submit').click();
    await page.getByTestId('rectification-status-accepted').waitFor();
    await page.getByTestId('rectification-close').click();
    await page.getByTestId('rectification-close-form-submit').click();
    await page.getByTestId('rectification-status-closed').waitFor();
    const history = (await page.getByTestId('rectification-history').textContent()) ?? '';
    for (const step of ['下达整改', '申请验收', '验收合格', '销号']) expect(history).toContain(step);
  });
});
