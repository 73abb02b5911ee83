import type { LetterSummary, LetterTemplateSummary } from '@zongzhi/contracts';
import { type APIRequestContext, type Page, request as playwrightRequest } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../packages/server/src/platform/auth/totp';
import { TEST_TOTP_SECRET } from '../packages/server/src/test/harness';
import { chinaToday } from './support/api';
import { useE2E } from './support/browser';
import { E2E_PASSWORD } from './support/server';
import { logIn } from './support/ui';

// A full year's cycle of target-responsibility letters (issue 4): the county's operator issues the
// shipped county → town letter to both towns through the wizard ("select all towns" in one click),
// 一号镇's party secretary 张书记 signs on a phone with his authenticator's code, and the operator's
// signing-rate dashboard shows the rate rise and the unsigned list shrink.
//
// The parties' other principals sign through the API beforehand (the county's secretary, created
// here with an account, and 一号镇's mayor 李镇长), so that 张书记's is the last signature of
// 一号镇's letter: the letter becomes fully signed and the rate moves from 0 % to 50 %.

/** An authenticator app: a code per 30 s step, never the same step twice (the server refuses replays). */
class Authenticator {
  private last = -1;
  constructor(readonly secret: string) {}

  async code(): Promise<string> {
    for (;;) {
      const now = totpStep(new Date());
      const step = Math.max(now, this.last + 1);
      // The server accepts one step of drift either way: a step ahead is fine, two are not.
      if (step <= now + 1) {
        this.last = step;
        return totpCode(this.secret, step);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

type ApiSession = {
  ctx: APIRequestContext;
  call: <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => Promise<T>;
};

/** Signs in through the API (no browser), as a user of another device would. */
const apiSession = async (baseURL: string, username: string, auth?: Authenticator): Promise<ApiSession> => {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD, ...(auth ? { totp: await auth.code() } : {}) },
  });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    ctx,
    call: async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => {
      const res = await ctx.fetch(`/api/v1${path}`, {
        method,
        headers: { 'x-csrf-token': csrfToken },
        ...(data === undefined ? {} : { data }),
      });
      if (!res.ok()) throw new Error(`${username} ${method} ${path}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
};

/** Enrols a second factor for the signed-in account, as 我的账户 does; answers its authenticator. */
const enrolTotp = async (s: ApiSession) => {
  const { secret } = await s.call<{ secret: string }>('POST', '/auth/totp/enroll');
  const auth = new Authenticator(secret);
  await s.call('POST', '/auth/totp/confirm', { code: await auth.code() });
  return auth;
};

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe('letters: issue → sign on a phone → signing rate', () => {
  const e2e = useE2E();
  /** The letters the first test issued, for the second. */
  let issued: { town1: number; town2: number } | null = null;

  it('the county issues to the towns, 张书记 signs on his phone, the dashboard follows', {
    timeout: 240_000,
  }, async () => {
    const { page, server } = e2e;
    const { county, town1, town2 } = server.world.units;
    const { mayor } = server.world.people;
    const year = Number(chinaToday().slice(0, 4));

    // --- Set-up through the API: the county's rulebook, its secretary, the signatories' accounts.
    const operator = await apiSession(server.url, 'operator');
    await operator.call('PUT', `/units/${county.id}/rulebook`, {
      rulebookId: 'district-001',
      validFrom: `${year}-01-01`,
    });
    const countySecretary = await operator.call<{ id: number }>('POST', '/people', {
      name: '孙县委书记',
      gender: 'male',
      unitId: county.id,
    });
    await operator.call('POST', '/posts', {
      personId: countySecretary.id,
      unitId: county.id,
      postKind: 'party_secretary',
      title: '县委书记',
      startDate: '2025-01-01',
    });
    const sysadmin = await apiSession(server.url, 'sysadmin', new Authenticator(TEST_TOTP_SECRET));
    const secadmin = await apiSession(server.url, 'secadmin', new Authenticator(TEST_TOTP_SECRET));
    const signerAccount = async (username: string, displayName: string, personId: number, unitId: number) => {
      const account = await sysadmin.call<{ id: number }>('POST', '/accounts', {
        username,
        displayName,
        password: E2E_PASSWORD,
        personId,
      });
      await secadmin.call('POST', `/accounts/${account.id}/roles`, { role: 'leader', unitId });
      const session = await apiSession(server.url, username);
      return { session, auth: await enrolTotp(session) };
    };
    const secretarySigner = await signerAccount('sunshuji', '孙县委书记', countySecretary.id, county.id);
    const mayorSigner = await signerAccount('lizhenzhang', '李镇长', mayor, town1.id);
    // 张书记's account (`leader`) enrols its second factor too; from now on it signs in with a code.
    const leaderAuth = await enrolTotp(await apiSession(server.url, 'leader'));

    const templates = await operator.call<{ items: LetterTemplateSummary[] }>(
      'GET',
      `/letter-templates?ownerUnitId=${county.id}&pageSize=100`,
    );
    const template = templates.items.find((t) => t.shipped && t.relationshipId === 'county-town');
    if (!template) throw new Error('the shipped county → town template is missing');

    // --- The operator issues the batch through the wizard.
    await logIn(page, 'operator');
    await page.getByTestId('menu-letters').click();
    await page.getByTestId('letters-issue').click();
    await page.getByTestId('letters-wizard-template').click();
    await page.getByTestId(`letters-template-option-${template.id}`).click();
    await page.getByTestId('letters-wizard-next-0').click();
    // "All towns" is one click.
    await page.getByTestId('letters-wizard-select-all-town').click();
    await expect.poll(() => text(page, 'letters-wizard-selected')).toBe('已选 2 个单位');
    await page.getByTestId('letters-wizard-next-1').click();
    // The check shows who is bound on each side before anything is issued.
    await page.getByTestId('letters-wizard-preview').waitFor();
    expect(await text(page, 'letters-wizard-summary')).toContain('2 个单位中 2 个可下达');
    expect(await text(page, 'letters-preview-issuer')).toContain('孙县委书记');
    const town1Signatories = await text(page, `letters-preview-signatories-${town1.id}`);
    expect(town1Signatories).toContain('张书记');
    expect(town1Signatories).toContain('李镇长');
    expect(await text(page, `letters-preview-signatories-${town2.id}`)).toContain('赵书记');
    await page.getByTestId('letters-wizard-issue').click();
    await page.getByTestId('letters-wizard-done').waitFor();
    expect(await text(page, 'letters-wizard-progress-text')).toBe('已生成 2/2 份');
    expect(await text(page, 'letters-wizard-done')).toContain('已下达 2 份责任书');

    const { items: letters } = await operator.call<{ items: LetterSummary[] }>(
      'GET',
      `/letters?year=${year}`,
    );
    const letter1 = letters.find((l) => l.recipientUnitId === town1.id);
    const letter2 = letters.find((l) => l.recipientUnitId === town2.id);
    if (!letter1 || !letter2)
      throw new Error(`letters to both towns expected, got ${JSON.stringify(letters)}`);
    issued = { town1: letter1.id, town2: letter2.id };

    // --- The county's secretary and 李镇长 sign 一号镇's letter elsewhere (API).
    await secretarySigner.session.call('POST', `/letters/${letter1.id}/sign`, {
      totpCode: await secretarySigner.auth.code(),
    });
    await mayorSigner.session.call('POST', `/letters/${letter1.id}/sign`, {
      totpCode: await mayorSigner.auth.code(),
    });

    // --- The dashboard before 张书记 signs: nothing fully signed, three signatures outstanding.
    await page.goto(`/letters/signing-rate?year=${year}`);
    await expect
      .poll(() => text(page, 'letters-rate-summary'))
      .toBe('共 2 份责任书，已全部签署 0 份；尚有 3 人次未签署');
    expect(await text(page, 'letters-rate-overall')).toContain('0');
    const unsignedBefore = await text(page, 'letters-rate-unsigned');
    expect(unsignedBefore).toContain('张书记');
    expect(unsignedBefore).toContain('赵书记');
    expect(unsignedBefore).toContain('孙县委书记');
    expect(unsignedBefore).not.toContain('李镇长');

    // --- 张书记 signs on his phone (390 × 844).
    const phoneContext = await page
      .context()
      .browser()!
      .newContext({
        baseURL: server.url,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
    phoneContext.setDefaultTimeout(15_000);
    try {
      const phone = await phoneContext.newPage();
      await phone.goto('/login');
      await phone.getByTestId('login-username').fill('leader');
      await phone.getByTestId('login-password').fill(E2E_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('login-totp').fill(await leaderAuth.code());
      await phone.getByTestId('login-totp-submit').click();
      await phone.waitForURL((u) => !u.pathname.startsWith('/login'));

      await phone.goto('/my-letters');
      const item = phone.getByTestId(`my-letter-${letter1.id}`);
      await item.waitFor();
      expect((await item.textContent()) ?? '').toContain('测试县 → 一号镇');
      await phone.getByTestId(`my-letter-open-${letter1.id}`).click();
      await phone.getByTestId('sign-letter-form').waitFor();
      expect(await text(phone, 'letter-title')).toContain('社会治安综合治理（平安建设）目标管理责任书');
      expect(await phone.getByTestId('letter-targets').locator('.ant-list-item').count()).toBeGreaterThan(5);
      // Nothing is wider than the phone.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // A wrong code is refused, in Chinese, on the field.
      const good = await leaderAuth.code();
      const wrong = good === '000000' ? '111111' : '000000';
      await phone.getByTestId('sign-letter-code').fill(wrong);
      await phone.getByTestId('sign-letter-submit').click();
      await expect
        .poll(async () => (await phone.getByTestId('sign-letter-form').textContent()) ?? '')
        .toContain('动态验证码不正确或已使用');

      await phone.getByTestId('sign-letter-code').fill(good);
      await phone.getByTestId('sign-letter-submit').click();
      await phone.getByTestId('sign-letter-done').waitFor();
      const record = phone.getByTestId(`letter-signature-${server.world.people.secretary}`);
      await expect.poll(async () => (await record.textContent()) ?? '').toContain('已签署');
      const hash = await text(phone, `letter-signature-hash-${server.world.people.secretary}`);
      expect(hash).toMatch(/SM3 [0-9a-f]{64}/);
      expect((await record.textContent()) ?? '').toContain('账户 leader');
      // The letter is no longer waiting for him.
      await phone.goto('/my-letters');
      await phone.getByTestId('my-letters-list').waitFor();
      await expect.poll(() => phone.getByTestId(`my-letter-${letter1.id}`).count()).toBe(0);
      expect(await text(phone, 'my-letters-list')).toContain('没有待您签署的责任书');
    } finally {
      await phoneContext.close();
    }

    // --- The operator's dashboard: 一号镇's letter is fully signed, 50 %, two signatures left.
    await page.reload();
    await expect
      .poll(() => text(page, 'letters-rate-summary'))
      .toBe('共 2 份责任书，已全部签署 1 份；尚有 2 人次未签署');
    expect(await text(page, 'letters-rate-overall')).toContain('50');
    const unsignedAfter = await text(page, 'letters-rate-unsigned');
    expect(unsignedAfter).not.toContain('张书记');
    expect(unsignedAfter).toContain('赵书记');
    expect(unsignedAfter).toContain('孙县委书记');
    expect(await text(page, `letters-rate-issuer-${county.id}`)).toContain('已签 1 / 共 2 份');

    // The same figures in English, through the language switch.
    await page.getByTestId('language-switch').click();
    await expect
      .poll(() => text(page, 'letters-rate-summary'))
      .toBe('2 letters, 1 fully signed; 2 signatures outstanding');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => text(page, 'letters-rate-summary')).toContain('共 2 份责任书');

    // And the letter's page shows the three signatures of 一号镇's letter.
    await page.goto(`/letters/${letter1.id}`);
    await page.getByTestId('letter-detail').waitFor();
    expect(await text(page, 'letter-status-signed')).toBe('已签署');

    await Promise.all(
      [operator, sysadmin, secadmin, secretarySigner.session, mayorSigner.session].map((s) =>
        s.ctx.dispose(),
      ),
    );
  });

  it('the template editor shows the server’s field errors and reorders targets; progress is entered on the letter', async () => {
    const { page, server } = e2e;

    const { county } = server.world.units;
    await logIn(page, 'operator');
    const operator = await apiSession(server.url, 'operator');
    const { items } = await operator.call<{ items: LetterTemplateSummary[] }>(
      'GET',
      `/letter-templates?ownerUnitId=${county.id}&pageSize=100`,
    );
    const shipped = items.find((t) => t.shipped && t.relationshipId === 'county-town');
    if (!shipped) throw new Error('the shipped county → town template is missing');

    // A shipped template is read-only: copy it.
    await page.getByTestId('menu-letters').click();
    await page.getByTestId('letters-templates').click();
    await page.getByTestId(`letter-template-copy-${shipped.id}`).click();
    await page.getByTestId('letter-template-form').waitFor();
    if (!issued) throw new Error('the first test issues the letters this one reads');
    expect(await page.getByTestId('letter-template-name').inputValue()).toContain('（副本）');
    // Twenty targets open folded; unfold the first two.
    await page.getByTestId('target-0-toggle').click();
    await page.getByTestId('target-1-toggle').click();
    const title0 = await page.getByTestId('target-0-title').inputValue();
    const title1 = await page.getByTestId('target-1-title').inputValue();
    // Move the second target up: it is first now.
    await page.getByTestId('target-1-up').click();
    expect(await page.getByTestId('target-0-title').inputValue()).toBe(title1);
    expect(await page.getByTestId('target-1-title').inputValue()).toBe(title0);
    // A key the API refuses: the error shows on that field, from the problem's path body.targets.0.key.
    await page.getByTestId('target-0-key').fill('Bad Key');
    await page.getByTestId('letter-template-save').click();
    const keyItem = page.locator('.ant-form-item', { has: page.getByTestId('target-0-key') });
    await expect.poll(async () => keyItem.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('/letters/templates/new');
    await page.getByTestId('target-0-key').fill('moved-first');
    await page.getByTestId('letter-template-save').click();
    await page.waitForURL(/\/letters\/templates\/\d+$/);
    const savedId = Number(new URL(page.url()).pathname.split('/').pop());
    const saved = await operator.call<{ shipped: boolean; targets: { key: string; title: string }[] }>(
      'GET',
      `/letter-templates/${savedId}`,
    );
    expect(saved.shipped).toBe(false);
    // Every target is saved, the folded ones too.
    expect(saved.targets.length).toBe(shipped.targetCount);
    expect(saved.targets[0]).toMatchObject({ key: 'moved-first', title: title1 });
    expect(saved.targets[1]?.title).toBe(title0);

    // Progress on 二号镇's letter: a value entered for a quantitative target turns its tag.
    type Progress = {
      targets: {
        key: string;
        kind: string;
        computed: boolean;
        comparator: string | null;
        threshold: number | null;
        values: { periodKey: string }[];
      }[];
    };
    const progress = await operator.call<Progress>('GET', `/letters/${issued.town2}/progress`);
    const target = progress.targets.find(
      (t) => t.kind === 'quantitative' && !t.computed && t.threshold !== null && t.values.length === 1,
    );
    if (!target) throw new Error('no entered yearly quantitative target on the letter');
    const met =
      target.comparator === 'lt'
        ? target.threshold! - 1
        : target.comparator === 'gt'
          ? target.threshold! + 1
          : target.threshold!;
    await page.goto(`/letters/${issued.town2}`);
    await page.getByTestId('progress-table').waitFor();
    expect(await text(page, `progress-status-${target.key}`)).toBe('无数据');
    await page.getByTestId(`progress-enter-${target.key}`).click();
    await page.getByTestId('progress-form-value').fill(String(met));
    await page.getByTestId('progress-form-submit').click();
    await expect.poll(() => text(page, `progress-status-${target.key}`)).toBe('达标');
    expect(await page.getByTestId(`progress-status-${target.key}`).getAttribute('class')).toContain('green');

    // The download buttons lead to the documents: the letter as PDF and DOCX, the progress workbook.
    for (const [testId, type] of [
      ['letter-pdf', 'application/pdf'],
      ['letter-docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['progress-template', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const href = await page.getByTestId(testId).getAttribute('href');
      const res = await page.request.get(href ?? '');
      expect(res.status(), `${testId} ${href}`).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }

    // 一号镇's signed letter cannot be edited, only amended: a new version with its reason and diff,
    // which nobody has signed yet.
    await page.goto(`/letters/${issued.town1}`);
    await page.getByTestId('letter-detail').waitFor();
    expect(await page.getByTestId('letter-edit').count()).toBe(0);
    await page.getByTestId('letter-amend').click();
    await page.getByTestId('letter-amend-reason').fill('县委调整年度目标表述');
    await page.getByTestId('letter-edit-title').fill('2026年度平安建设目标管理责任书（修订）');
    await page.getByTestId('letter-amend-form-submit').click();
    await expect.poll(() => text(page, 'letter-detail-title')).toBe('2026年度平安建设目标管理责任书（修订）');
    expect(await text(page, 'letter-status-pending')).toBe('未签署');
    await page.getByRole('tab', { name: '版本与修订' }).click();
    const diff = page.getByTestId('letter-diff');
    await diff.waitFor();
    expect((await diff.textContent()) ?? '').toContain('修订理由：县委调整年度目标表述');
    expect((await diff.textContent()) ?? '').toContain('标题已修改');
    expect(await text(page, 'letter-versions')).toContain('v2');
    await operator.ctx.dispose();
  });
});
