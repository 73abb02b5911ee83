import type { RulebookVersionDetail } from '@zongzhi/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2E } from './support/browser';
import { logIn } from './support/ui';

// The rulebook editor's form: an operator lengthens the interview's rectification period of the
// Henan preset (3 → 4 months) in the 追究阶梯 tab, previews the diff (one changed parameter), sees
// the same draft in the JSON tab, and publishes it as version 2.
const RULEBOOK = 'henan-2016';
const FIELD = 'rb-ladder-steps-interview-rectification-amount';

const getJson = async <T>(page: Page, path: string): Promise<T> => {
  const res = await page.request.get(`/api/v1${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};

describe('rulebook editor: a ladder period edited in the form, previewed and published', () => {
  const e2e = useE2E();

  it('an operator changes the interview period in the form, previews the diff and publishes v2', async () => {
    const { page } = e2e;
    await logIn(page, 'operator');
    await page.goto(`/rulebooks/${RULEBOOK}/edit`);
    await page.getByTestId('rulebook-section-tabs').waitFor();

    await page.getByTestId('rulebook-tab-ladder').click();
    await page.getByTestId('rulebook-form-ladder').waitFor();
    const amount = page.getByTestId(FIELD).locator('input');
    expect(await amount.inputValue()).toBe('3');
    await amount.fill('4');

    // The JSON tab holds the same draft; back on the form, the change is still there.
    await page.getByTestId('rulebook-tab-json').click();
    const json = JSON.parse(await page.getByTestId('rulebook-editor').inputValue()) as {
      ladder: { steps: { id: string; rectification?: { amount: number } }[] };
    };
    expect(json.ladder.steps.find((s) => s.id === 'interview')?.rectification?.amount).toBe(4);
    await page.getByTestId('rulebook-tab-ladder').click();
    expect(await page.getByTestId(FIELD).locator('input').inputValue()).toBe('4');

    await page.getByTestId('rulebook-preview').click();
    const diff = page.getByTestId('rulebook-diff-previous');
    const row = diff.locator('tbody tr', { hasText: 'ladder.steps[interview].rectification.amount' });
    await row.waitFor();
    expect(await diff.locator('tbody tr').count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(-2)).toEqual(['3', '4']);

    await page.getByTestId('rulebook-publish').click();
    await page.getByTestId('rulebook-publish-confirm').click();
    await page.waitForURL('**/rulebooks');

    const latest = await getJson<RulebookVersionDetail>(page, `/rulebooks/${RULEBOOK}`);
    expect(latest.version).toBe(2);
    const steps = (latest.body.ladder as { steps: { id: string; rectification?: { amount: number } }[] })
      .steps;
    expect(steps.find((s) => s.id === 'interview')?.rectification?.amount).toBe(4);
  });
});
