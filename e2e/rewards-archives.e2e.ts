import type { RewardRound } from '@zongzhi/contracts';
import { describe, expect, it } from 'vitest';
import { apiCall, chinaToday } from './support/api';
import { useE2E } from './support/browser';
import { logIn } from './support/ui';

// Rewards and archives (issue 6 §3–4) in the browser: the operator decides a citation in a round
// of last year's closed assessment, and the person's archive shows it; the duty report is uploaded
// through the page.
describe('rewards and performance archives', () => {
  const e2e = useE2E();

  it('the operator decides a citation, then reads and completes the person’s archive', async () => {
    const { page, server } = e2e;
    const { county } = server.world.units;
    const { deputy } = server.world.people;
    const year = Number(chinaToday().slice(0, 4)) - 1;
    await logIn(page, 'operator');
    await apiCall(page, 'PUT', `/units/${county.id}/rulebook`, {
      rulebookId: 'national-2016',
      validFrom: `${year}-01-01`,
    });
    const period = await apiCall<{ id: number }>(page, 'POST', '/assessments/periods', {
      unitId: county.id,
      kind: 'year',
      periodKey: String(year),
    });
    await apiCall(page, 'POST', `/assessments/periods/${period.id}/compute`);
    await apiCall(page, 'POST', `/assessments/periods/${period.id}/close`);
    const round = await apiCall<RewardRound>(page, 'POST', '/rewards/rounds', { periodId: period.id });
    await apiCall(page, 'POST', `/rewards/rounds/${round.id}/candidates`, {
      personId: deputy,
      kind: 'citation',
    });

    await page.goto(`/rewards/rounds/${round.id}`);
    const row = page.locator('tbody tr', { hasText: '王副书记' });
    await row.waitFor();
    // The individuals' own quota, its basis and the rulebook parameter it comes from.
    const quota = (await page.getByTestId('rewards-quota').textContent()) ?? '';
    expect(quota).toContain(`先进个人至多 ${round.quota.individuals.places} 名`);
    expect(quota).toContain('第一责任人、直接责任人');
    expect(quota).toContain('indicators.assessment.advancedIndividuals');
    await expect(row.textContent()).resolves.toContain('嘉奖');
    await row.locator('.ant-checkbox-input').check();
    await page.getByTestId('rewards-decide').click();
    await page.getByText('已决定').first().waitFor();

    await page.goto(`/archives/${deputy}/${year}`);
    await page.getByText('任职与履职情况').waitFor();
    await page.getByText('嘉奖').first().waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'report.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('述职报告正文'),
    });
    await page.getByText(/report\.txt/).waitFor();
    const pdf = await page.request.get(`/api/v1/archives/pdf?person=${deputy}&year=${year}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  });
});
