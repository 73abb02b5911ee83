import { toChinaDate } from '@zongzhi/domain';
import type { Page } from 'playwright-core';

/** Today in China, as the server's duty dates count it. */
export const chinaToday = () => toChinaDate(new Date());

/** A JSON call with the session of the signed-in page (and its CSRF token on writes). */
export const apiCall = async <T>(
  page: Page,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  data?: unknown,
): Promise<T> => {
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
