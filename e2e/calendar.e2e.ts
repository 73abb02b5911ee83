import type { CalendarYearsResponse } from '@zongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { useE2E } from './support/browser';
import { logIn } from './support/ui';

// 工作日历: the shipped years listed with their notices; a provisional year (暂定: statutory holidays
// only, until its State Council notice is entered) badged and warned about; any missing year
// flagged; a wrong value is named by its path, and saving the notice makes the year official.
describe('calendar: the working calendar, its provisional and missing years, an edit', () => {
  const e2e = useE2E();

  it('an operator sees the years, a year’s holidays, and enters the notice over a provisional year', async () => {
    const { page } = e2e;
    await logIn(page, 'operator');
    const res = await page.request.get('/api/v1/calendar/years');
    const { missing, provisional } = (await res.json()) as CalendarYearsResponse;
    const target = provisional[provisional.length - 1];
    if (target === undefined) throw new Error('no provisional year: 2027 is shipped as provisional');

    await page.getByTestId('menu-calendar').click();
    const years = page.getByTestId('calendar-years');
    await years.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await years.textContent()).toContain('国务院办公厅关于2025年部分节假日安排的通知');
    const warning = page.getByTestId('calendar-provisional');
    expect(await warning.textContent()).toContain('暂定');
    expect(await warning.textContent()).toContain('调休');
    expect(await warning.textContent()).toContain(String(target));
    expect(await page.getByTestId(`calendar-provisional-${target}`).textContent()).toBe('暂定');
    expect(await page.getByTestId('calendar-provisional-2026').count()).toBe(0);
    if (missing.length > 0) {
      const banner = page.getByTestId('calendar-missing');
      expect(await banner.textContent()).toContain('以下年份缺少节假日安排');
      for (const y of missing) await page.getByTestId(`calendar-missing-${y}`).waitFor();
    }

    // A stored official year: its festivals and make-up working days.
    await page.getByTestId('calendar-year-2025').click();
    const holidays = page.getByTestId('calendar-holidays');
    await holidays.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await holidays.textContent()).toContain('2025-01-28 ~ 2025-02-04');
    expect(
      await page.getByTestId('calendar-makeups').locator('tbody tr.ant-table-row').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('calendar-year-provisional').count()).toBe(0);

    // The provisional year: warned about; the editor starts from its statutory holidays and the
    // notice's template; a wrong date is named by its path, then the notice saved makes it official.
    await page.goto(`/calendar/${target}`);
    await page.getByTestId('calendar-year-provisional').waitFor();
    expect(await page.getByTestId('calendar-year-provisional').textContent()).toContain('调休');
    expect(await page.getByTestId(`calendar-provisional-${target}`).count()).toBe(1);
    expect(await holidays.textContent()).toContain('春节');
    const editor = page.getByTestId('calendar-editor');
    await editor.waitFor();
    const text = page.getByTestId('calendar-editor-text');
    const start = JSON.parse(await text.inputValue()) as {
      status?: string;
      source: { title: string };
      holidays: { name: string; from: string }[];
      makeUpWorkdays: unknown[];
    };
    expect(start).toMatchObject({ year: target, makeUpWorkdays: [] });
    expect(start.status).toBeUndefined();
    expect(start.source.title).toBe(`国务院办公厅关于${target}年部分节假日安排的通知`);
    expect(start.holidays.map((h) => h.name)).toContain('春节');
    const wrong = structuredClone(start);
    wrong.holidays[0]!.from = `${target}-13-01`;
    await text.fill(JSON.stringify(wrong));
    await page.getByTestId('calendar-editor-save').click();
    const errors = page.getByTestId('calendar-editor-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('body.holidays[0].from');

    await text.fill(JSON.stringify(start));
    await page.getByTestId('calendar-editor-save').click();
    await page.getByTestId('calendar-year-provisional').waitFor({ state: 'detached' });
    const saved = await page.request.get(`/api/v1/calendar/years/${target}`);
    expect(await saved.json()).toMatchObject({ year: target, status: 'official', updatedBy: 'operator' });
    await page.goto('/calendar');
    await years.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId(`calendar-provisional-${target}`).count()).toBe(0);
    expect(await page.getByTestId('calendar-provisional').count()).toBe(0);
  });
});
