import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { E2E_PASSWORD } from './server';

/** Signs in through the login form (an account without a second factor) and waits for the menu. */
export const logIn = async (page: Page, username: string, password = E2E_PASSWORD) => {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('main-menu').waitFor();
};

/** The <input> of an Ant Design DatePicker, whether its test id sits on the input or on its wrapper. */
export const datePickerInput = async (picker: Locator): Promise<Locator> =>
  (await picker.evaluate((el) => el.tagName)) === 'INPUT' ? picker : picker.locator('input').first();

/** Types a date into an Ant Design DatePicker the way a keyboard user does, and confirms it. */
export const pickDate = async (picker: Locator, date: string) => {
  const input = await datePickerInput(picker);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(date);
  await input.press('Enter');
  await input.page().keyboard.press('Escape');
};

/**
 * Opens an Ant Design Select by its test id, optionally types into its search, and clicks the
 * option with the given test id (options render in a popup outside the select).
 */
export const chooseOption = async (select: Locator, optionTestId: string, search?: string) => {
  const page = select.page();
  await select.click();
  if (search !== undefined) {
    // A server-side search replaces the options when its answer arrives: wait for the answer to
    // the whole search text, or a click may land on a list that is being swapped and choose nothing.
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/') && safeDecode(r.url()).includes(search),
      { timeout: 10_000 },
    );
    await page.keyboard.type(search);
    await answered;
  }
  await page.getByTestId(optionTestId).click();
  if (search !== undefined)
    await expect.poll(async () => (await select.textContent()) ?? '').toContain(search);
};

const safeDecode = (url: string) => {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
};
