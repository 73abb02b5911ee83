import { describe, expect, it } from 'vitest';
import { useE2E } from './support/browser';
import { chooseOption, logIn, pickDate } from './support/ui';

// The registry journey of an operator who keeps it current: a new village appears under a town
// (the form refuses a code that is not a 12-digit division code, and the server one already in
// use), then a person is appointed its party secretary and is, from that day, its 第一责任人.
describe('registry: an operator adds a village and appoints its secretary', () => {
  const e2e = useE2E();

  it('creates 丁村 under 一号镇 and appoints 赵书记', async () => {
    const { page, server } = e2e;
    const { town1 } = server.world.units;
    const village1aCode = '430221100201'; // 甲村 of the test world
    await logIn(page, 'operator');

    await page.getByTestId('menu-units').click();
    await page.getByTestId('unit-tree').getByText('一号镇', { exact: true }).click();
    await page.waitForURL(new RegExp(`/units/${town1.id}(?:[?#]|$)`));

    await page.getByTestId('unit-create-open').click();
    const form = page.getByTestId('unit-create');
    await page.getByTestId('unit-create-name').fill('丁村');
    // The kind defaults to the level below a town: 村（社区）.
    await page.getByTestId('unit-create-code').fill('4302211');
    await page.getByTestId('unit-create-submit').click();
    await form.getByText('12 位数字').waitFor();

    // A well-formed code that 甲村 already holds: the server's field error lands under the code.
    await page.getByTestId('unit-create-code').fill(village1aCode);
    await page.getByTestId('unit-create-submit').click();
    await form.getByText(`单位编码 ${village1aCode} 已被现存单位使用`).waitFor();

    await page.getByTestId('unit-create-code').fill('430221100203');
    await page.getByTestId('unit-create-population').fill('860');
    await pickDate(page.getByTestId('unit-create-validFrom'), '2025-01-01');
    await page.getByTestId('unit-create-submit').click();

    await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe('丁村');
    expect(page.url()).not.toMatch(new RegExp(`/units/${town1.id}(?:[?#]|$)`));
    // The tree reloaded the town's branch: the new village is there, selected.
    await page.getByTestId('unit-tree').getByText('丁村', { exact: true }).waitFor();

    // Nobody holds a post yet: the principal is vacant.
    const table = page.getByTestId('responsible-table');
    await table.getByText('缺位').first().waitFor();

    await page.getByTestId('post-add-open').click();
    await chooseOption(
      page.getByTestId('post-add-person'),
      `person-option-${server.world.people.secretary2}`,
      '赵书记',
    );
    await chooseOption(page.getByTestId('post-add-kind'), 'post-kind-option-party_secretary');
    await page.getByTestId('post-add-title').fill('村党支部书记');
    await page.getByTestId('post-add-submit').click();

    await table.getByText('赵书记').waitFor();
    const row = (await table.textContent()) ?? '';
    expect(row).toContain('村党支部书记');
    expect(row).toContain('第一责任人');

    // The appointment is on the person's record too.
    await table.getByText('赵书记').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe('赵书记');
    await page.getByTestId('person-posts').getByText('丁村').waitFor();
  });
});
