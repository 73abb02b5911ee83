import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseDetail, ProposalList, SweepResult } from '@zongzhi/contracts';
import { CHINA_CALENDAR_DATA } from '@zongzhi/domain';
import { describe, expect, it } from 'vitest';
import { apiCall, chinaToday } from './support/api';
import { useE2E } from './support/browser';
import { chooseOption, logIn, pickDate } from './support/ui';

// The ladder's first escalation, as an operator of the 综治办 lives it: 一号镇 was given a notice
// (通报) with a two-month rectification period (Henan 2016) and let it pass; the sweep proposes
// an interview (约谈); the operator accepts it on the board with the deciding body; the case
// stands at 约谈 and its 约谈通知书 downloads as a PDF naming the town and carrying its number.
//
// The e2e server runs on the system clock, which no test can move. The story is therefore set in
// the past, through dates the API accepts (any date not in the future): the notice decided on
// 5 January of year Y, its deadline passed in March; the escalation sweep run through its own
// route (POST /accountability/sweep, as an operator may; the scheduler is off in the e2e server);
// the interview decided, as the meeting minutes date it, on 20 March of Y. Y is the latest year
// whose working calendar is shipped and whose 20 March has passed, so that every deadline the
// interview carries (3 months, first report in 10 working days) lies in a year the calendar knows:
// a step decided today whose deadlines run into a year not yet shipped is refused (400,
// 工作日历缺少计算期限所需的年份), as it should be.
const COUNTY_RULEBOOK = 'zhuzhou-county-2018';
const TOWN_RULEBOOK = 'henan-2016';

/** The latest year with a shipped working calendar whose 20 March is not after `today`. */
const storyYear = (today: string) => {
  const shipped = new Set(CHINA_CALENDAR_DATA.map((y) => y.year));
  for (let y = Number(today.slice(0, 4)); y > 2000; y -= 1)
    if (shipped.has(y) && `${y}-03-20` <= today) return y;
  throw new Error('no shipped calendar year before today');
};

describe('accountability: notice → missed deadline → proposal → interview → document', () => {
  const e2e = useE2E();

  it('an operator accepts the proposed interview on the board and downloads its notice', async () => {
    const { page, server } = e2e;
    const { county, town1 } = server.world.units;
    const today = chinaToday();
    const year = storyYear(today);
    const noticeOn = `${year}-01-05`;
    const interviewOn = `${year}-03-20`;

    await logIn(page, 'operator');

    // Set-up through the API, since a year before the notice: the county follows Zhuzhou (its
    // 综治委 and 综治办 number the documents, 株综治委〔year〕N号), the town Henan's periods.
    const validFrom = `${year - 1}-01-01`;
    await apiCall(page, 'PUT', `/units/${county.id}/rulebook`, { rulebookId: COUNTY_RULEBOOK, validFrom });
    await apiCall(page, 'PUT', `/units/${town1.id}/rulebook`, { rulebookId: TOWN_RULEBOOK, validFrom });
    const opened = await apiCall<CaseDetail>(page, 'POST', '/accountability/cases', {
      unitId: town1.id,
      situationId: 's1',
      relevantOn: noticeOn,
      facts: '基层基础工作薄弱，矛盾纠纷排查化解不力，群众反映强烈',
      decidedOn: noticeOn,
    });
    expect(opened.currentStep).toBe('notice');
    const rectification = opened.deadlines.find((d) => d.kind === 'rectification');
    if (!rectification) throw new Error(`the notice of ${TOWN_RULEBOOK} carries no rectification deadline`);
    expect(rectification.date < interviewOn).toBe(true);

    const sweep = await apiCall<SweepResult>(page, 'POST', '/accountability/sweep', {});
    expect(sweep.ran).toBe(true);
    const { items } = await apiCall<ProposalList>(
      page,
      'GET',
      `/accountability/proposals?caseId=${opened.id}&status=pending`,
    );
    const proposal = items.find((p) => p.step === 'interview');
    if (!proposal) throw new Error(`no interview proposal for case ${opened.id} after the sweep`);

    // The board: the case still at 通报 with its deadline missed (red), the proposal waiting.
    await page.getByTestId('menu-accountability').click();
    const row = page.getByTestId(`case-row-${opened.id}`);
    await row.waitFor();
    expect(await row.getByTestId(`case-step-${opened.id}`).textContent()).toBe('通报');
    const deadline = row.getByTestId(`case-deadline-${opened.id}`);
    expect(await deadline.getAttribute('data-state')).toBe('missed');
    expect((await deadline.textContent()) ?? '').toContain('已逾期');
    expect(await deadline.locator('.ant-tag').getAttribute('class')).toContain('red');

    const queue = page.getByTestId('proposal-queue');
    const item = queue.getByTestId(`proposal-${proposal.id}`);
    await item.waitFor();
    const itemText = (await item.textContent()) ?? '';
    expect(itemText).toContain('一号镇');
    expect(itemText).toContain('约谈');
    expect(itemText).toContain(rectification.date);

    // Accept as an interview, decided by the county committee (综治委).
    await item.getByTestId(`proposal-accept-open-${proposal.id}`).click();
    await page.getByTestId('proposal-accept').waitFor();
    await chooseOption(page.getByTestId('proposal-accept-decisionBody'), 'decision-body-option-committee');
    await pickDate(page.getByTestId('proposal-accept-decidedOn'), interviewOn);
    await page
      .getByTestId('proposal-accept-note')
      .fill('经县综治委会议研究，决定对一号镇党政主要负责人进行约谈');
    await page.getByTestId('proposal-accept-submit').click();

    // The board: the proposal has left the queue and the case stands at 约谈.
    await expect.poll(async () => await item.count()).toBe(0);
    await expect
      .poll(async () => (await row.getByTestId(`case-step-${opened.id}`).textContent()) ?? '')
      .toBe('约谈');

    // The case page: at 约谈, the decision recorded with its body.
    await row.getByTestId(`case-open-${opened.id}`).click();
    await expect.poll(() => page.url()).toContain(`/accountability/cases/${opened.id}`);
    const step = page.getByTestId('case-current-step');
    await expect.poll(async () => (await step.textContent()) ?? '').toBe('约谈');
    expect((await page.getByTestId('case-unit').textContent()) ?? '').toBe('一号镇');
    const steps = (await page.getByTestId('case-steps').textContent()) ?? '';
    expect(steps).toContain('约谈');
    expect(steps).toContain('综治委');

    // The 约谈通知书 among the documents, with its number; downloaded as a PDF.
    const after = await apiCall<CaseDetail>(page, 'GET', `/accountability/cases/${opened.id}`);
    const interview = after.steps.find((s) => s.step === 'interview');
    if (!interview?.documentId || !interview.documentNumber)
      throw new Error(`the interview step of case ${opened.id} has no document`);
    const docNumber = interview.documentNumber;
    const shownNumber = page.getByTestId(`document-number-${interview.documentId}`);
    await shownNumber.waitFor();
    expect(await shownNumber.textContent()).toBe(docNumber);

    // Previewed in the page (the PDF in the browser's viewer), then downloaded.
    await page.getByTestId(`document-preview-open-${interview.documentId}`).click();
    const frame = page.getByTestId(`document-frame-${interview.documentId}`);
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toContain(`/documents/${interview.documentId}/pdf`);
    await page.keyboard.press('Escape');
    await frame.waitFor({ state: 'detached' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`document-download-pdf-${interview.documentId}`).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'zz-e2e-doc-'));
    try {
      const pdf = join(dir, 'interview.pdf');
      await download.saveAs(pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      // pdftotext may break a line inside the number or the name: compare without whitespace.
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('一号镇');
      expect(flat).toContain(docNumber.replace(/\s+/g, ''));
      expect(flat).toContain('约谈');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
