import { describe, expect, it } from 'vitest';
import { useE2E } from './support/browser';
import { logIn, pickDate } from './support/ui';

// The registry journey of an operator: 可倒查 — for any past date, who was responsible for a unit.
// The test world (packages/server/src/test/harness.ts + seedHistory) gives 一号镇 today 张书记 and
// 李镇长 as principals and 王副书记 in charge since 2025-06-01; in 2023 its principal was 陈前书记.
describe('registry: who was responsible on a past date', () => {
  const e2e = useE2E();

  it('an operator logs in, browses the unit tree, opens a town and looks back to 2023', async () => {
    const { page } = e2e;
    await logIn(page, 'operator');

    await page.getByTestId('menu-units').click();
    const tree = page.getByTestId('unit-tree');
    // The operator's scope is the county: its root is expanded and shows the towns.
    await tree.getByText('测试县', { exact: true }).waitFor();
    await tree.getByText('一号镇', { exact: true }).click();

    await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe('一号镇');
    await page.waitForURL(new RegExp(`/units/${e2e.server.world.units.town1.id}(?:[?#]|$)`));

    const table = page.getByTestId('responsible-table');
    await table.getByText('张书记').waitFor();
    const today = (await table.textContent()) ?? '';
    expect(today).toContain('李镇长');
    expect(today).toContain('王副书记');
    expect(today).not.toContain('陈前书记');

    await pickDate(page.getByTestId('responsible-date'), '2023-06-01');

    await table.getByText('陈前书记').waitFor();
    await expect.poll(async () => (await table.textContent()) ?? '').not.toContain('张书记');
    const then = (await table.textContent()) ?? '';
    expect(then).not.toContain('李镇长');
    expect(then).not.toContain('王副书记');
  });
});
