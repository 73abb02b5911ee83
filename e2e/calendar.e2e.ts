import type { CalendarYearsResponse } from '@zongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { useE2E } from './support/browser';
import { logIn } from './support/ui';

// 工作日历: the shipped years listed with their notices, the missing ones (at least next year until
// its notice is entered) flagged; a wrong value is named by its path, a right one fills the gap.
describe('calendar: the working calendar, its missing years, an edit', () => {
  const e2e = useE2E();

  it('an operator sees the years, a year’s holidays, and enters a missing year', async () => {
    const { page } = e2e;
    await logIn(page, 'operator');
    const res = await page.request.get('/api/v1/calendar/years');
    const { missing } = (await res.json()) as CalendarYearsResponse;
    const target = missing[missing.length - 1];
    if (target === undefined) throw new Error('no missing year: next year is expected to be missing');

    await page.getByTestId('menu-calendar').click();
    const years = page.getByTestId('calendar-years');
    await years.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await years.textContent()).toContain('国务院办公厅关于2025年部分节假日安排的通知');
    const banner = page.getByTestId('calendar-missing');
    expect(await banner.textContent()).toContain('以下年份缺少节假日安排');
    for (const y of missing) {
      expect(await banner.textContent()).toContain(String(y));
      await page.getByTestId(`calendar-missing-${y}`).waitFor();
    }

    // A stored year: its festivals and make-up working days.
    await page.getByTestId('calendar-year-2025').click();
    const holidays = page.getByTestId('calendar-holidays');
    await holidays.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await holidays.textContent()).toContain('2025-01-28 ~ 2025-02-04');
    expect(
      await page.getByTestId('calendar-makeups').locator('tbody tr.ant-table-row').count(),
    ).toBeGreaterThan(0);

    // The missing year: a template; a wrong date is named by its path, then the right text saved.
    await page.goto(`/calendar/${target}`);
    const editor = page.getByTestId('calendar-editor');
    await editor.waitFor();
    const text = page.getByTestId('calendar-editor-text');
    const template = JSON.parse(await text.inputValue()) as { holidays: { from: string }[] };
    expect(template).toMatchObject({ year: target });
    const wrong = structuredClone(template);
    wrong.holidays[0]!.from = `${target}-13-01`;
    await text.fill(JSON.stringify(wrong));
    await page.getByTestId('calendar-editor-save').click();
    const errors = page.getByTestId('calendar-editor-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('body.holidays[0].from');

    await text.fill(JSON.stringify(template));
    await page.getByTestId('calendar-editor-save').click();
    await page.getByTestId('calendar-holidays').locator('tbody tr.ant-table-row').first().waitFor();
    await page.goto('/calendar');
    await years.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId(`calendar-missing-${target}`).count()).toBe(0);
  });
});
