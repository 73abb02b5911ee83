import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount, insertPerson, insertPost } from '../../fixtures/factories';
import { totpCode, totpStep } from '../../platform/auth/totp';
import { sm4Encrypt } from '../../platform/crypto';
import { readDocx } from '../../platform/documents/docx-read';
import { measurePdf, pageText, textMargins } from '../../platform/documents/pdf-measure';
import { XLSX_MIME_TYPE } from '../../platform/http/content-types';
import {
  type Session,
  TEST_SECRET_KEY,
  TEST_TOTP_SECRET,
  type TestApp,
  createTestApp,
} from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { createDocumentJobWorker } from './document-job-worker';
import { ensureShippedLetterTemplates } from './ensure-shipped-letter-templates';

type Letter = {
  id: number;
  status: string;
  currentVersion: number;
  recipientUnitId: number;
  recipientUnitName: string;
  awaitingMe: boolean;
  signedCount: number;
  signatoryCount: number;
  version: {
    hash: string;
    locked: boolean;
    title: string;
    targets: { key: string; threshold?: number | null }[];
  };
  signatures: {
    party: string;
    name: string;
    signedAt: string | null;
    hash: string | null;
    signedBy: string | null;
  }[];
};

let t: TestApp;
let operator: Session;
let liaison: Session;
const ids = { countyLetter1: 0, countyLetter2: 0, template: 0, batch: 0, villageTemplate: 0 };

/** A fresh TOTP code of the shared test secret: one step on, so a code is never reused. */
const nextCode = () => {
  t.clock.advance(30_000);
  return totpCode(TEST_TOTP_SECRET, totpStep(t.clock.now()));
};

const enableTotp = async (username: string) =>
  t.db.query('UPDATE accounts SET totp_secret_enc = $2, totp_enabled = true WHERE username = $1', [
    username,
    sm4Encrypt(TEST_SECRET_KEY, TEST_TOTP_SECRET),
  ]);

const getLetter = async (session: Session, id: number) => {
  const res = await session.inject({ method: 'GET', url: `/api/v1/letters/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Letter;
};

const sign = (session: Session, id: number, totp = nextCode()) =>
  session.inject({ method: 'POST', url: `/api/v1/letters/${id}/sign`, payload: { totpCode: totp } });

beforeAll(async () => {
  t = await createTestApp();
  await ensurePresetRulebooks(t.db, undefined, t.clock);
  await ensureShippedLetterTemplates(t.db, t.clock);
  const { units } = t.world;
  // The county's principals (党政同责), a village principal, and accounts for the other signatories.
  await t.db.transaction(async (q) => {
    const countySecretary = await insertPerson(q, { name: '陈县委书记', gender: 'male' });
    const countyHead = await insertPerson(q, { name: '刘县长', gender: 'female' });
    const villageHead = await insertPerson(q, { name: '周主任', gender: 'male' });
    await insertPost(q, {
      personId: countySecretary,
      unitId: units.county.id,
      postKind: 'party_secretary',
      title: '县委书记',
      startDate: '2024-01-01',
    });
    await insertPost(q, {
      personId: countyHead,
      unitId: units.county.id,
      postKind: 'chief',
      title: '县长',
      startDate: '2024-01-01',
    });
    await insertPost(q, {
      personId: villageHead,
      unitId: units.village1a.id,
      postKind: 'chief',
      title: '村委会主任',
      startDate: '2024-01-01',
    });
    const sign = (username: string, personId: number, unitId: number) =>
      insertAccount(q, TEST_SECRET_KEY, {
        username,
        password: 'Zz!test-2026',
        roles: [{ role: 'leader', unitId }],
        totpSecret: TEST_TOTP_SECRET,
        personId,
      });
    await sign('county-secretary', countySecretary, units.county.id);
    await sign('county-head', countyHead, units.county.id);
    await sign('mayor', t.world.people.mayor, units.town1.id);
    await sign('deputy', t.world.people.deputy, units.town1.id);
  });
  operator = await t.login('operator');
  liaison = await t.login('liaison');
});
afterAll(async () => {
  await t.close();
});

describe('templates', () => {
  it('ships the seed-001 targets as a county → town template (19 of 20 targets, one per threshold)', async () => {
    const res = await operator.inject({
      method: 'GET',
      url: '/api/v1/letter-templates?relationshipId=county-town',
    });
    expect(res.statusCode, res.body).toBe(200);
    const shipped = (
      res.json() as { items: { id: number; shipped: boolean; targetCount: number }[] }
    ).items.find((i) => i.shipped)!;
    expect(shipped.targetCount).toBe(23);
    ids.template = shipped.id;
    const detail = (
      await operator.inject({ method: 'GET', url: `/api/v1/letter-templates/${shipped.id}` })
    ).json() as {
      targets: { number: number; key: string; comparator?: string; threshold?: number }[];
    };
    expect(new Set(detail.targets.map((x) => x.number)).size).toBe(19);
    expect(detail.targets.some((x) => x.number === 19)).toBe(false);
    expect(detail.targets.find((x) => x.key === 'criminal-case-rate')).toMatchObject({
      comparator: 'lte',
      threshold: 7,
    });
    // Shipped templates are read-only.
    const put = await operator.inject({
      method: 'DELETE',
      url: `/api/v1/letter-templates/${shipped.id}`,
    });
    expect(put.statusCode).toBe(409);
  });

  it('lets the liaison write templates of its own unit only', async () => {
    const body = {
      name: '镇与村责任书',
      relationshipId: 'town-village',
      title: '平安建设目标管理责任书',
      preamble: '为落实责任制，签订本责任书。',
      responsibilities: ['（一）村（社区）党组织书记是第一责任人。'],
      targets: [
        {
          kind: 'quantitative',
          key: 'criminal-case-rate',
          title: '刑事发案率',
          weight: 50,
          indicatorId: 'criminal-cases-per-10k',
          comparator: 'lte',
          threshold: 8,
          unit: 'per_10k_population',
        },
        { kind: 'qualitative', key: 'leadership-planning', title: '纳入总体规划', weight: 50 },
      ],
    };
    const own = await liaison.inject({
      method: 'POST',
      url: '/api/v1/letter-templates',
      payload: { ...body, ownerUnitId: t.world.units.town1.id },
    });
    expect(own.statusCode, own.body).toBe(201);
    ids.villageTemplate = (own.json() as { id: number }).id;
    const county = await liaison.inject({
      method: 'POST',
      url: '/api/v1/letter-templates',
      payload: { ...body, ownerUnitId: t.world.units.county.id },
    });
    expect(county.statusCode).toBe(404);
    const wrongKind = await operator.inject({
      method: 'POST',
      url: '/api/v1/letter-templates',
      payload: { ...body, ownerUnitId: t.world.units.county.id },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.ownerUnitId']);
    const duplicate = await liaison.inject({
      method: 'POST',
      url: '/api/v1/letter-templates',
      payload: { ...body, ownerUnitId: t.world.units.town1.id, targets: [body.targets[0], body.targets[0]] },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors[0].path).toBe('body.targets.1.key');
  });
});

describe('issuing a batch', () => {
  it('previews the bound people of both parties on the issue date', async () => {
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/letter-batches/preview',
      payload: {
        templateId: ids.template,
        issuerUnitId: t.world.units.county.id,
        year: 2026,
        recipientUnitIds: [t.world.units.town1.id, t.world.units.town2.id],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.issueDate).toBe('2026-03-02');
    expect(preview.issuerSignatories.map((p: { name: string }) => p.name)).toEqual(['陈县委书记', '刘县长']);
    expect(preview.recipients[0].signatories.map((p: { name: string }) => p.name)).toEqual([
      '张书记',
      '李镇长',
    ]);
    expect(preview.recipients[1].signatories.map((p: { name: string }) => p.name)).toEqual(['赵书记']);
    expect(preview.parentLetter).toBeNull();
    expect(preview.issuableCount).toBe(2);
  });

  it('lists the recipients of the relationship for a one-click selection', async () => {
    const res = await operator.inject({
      method: 'GET',
      url: `/api/v1/letter-batches/recipients?issuerUnitId=${t.world.units.county.id}&templateId=${ids.template}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((u: { name: string }) => u.name)).toEqual(['一号镇', '二号镇']);
  });

  it('refuses recipients outside the relationship with the field path', async () => {
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/letter-batches',
      payload: {
        templateId: ids.template,
        issuerUnitId: t.world.units.county.id,
        year: 2026,
        recipientUnitIds: [t.world.units.town1.id, t.world.units.village1a.id],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.recipientUnitIds.1']);
    expect(
      Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM letter_batches'))[0]!.n),
    ).toBe(0);
  });

  it('issues the batch with progress, once', async () => {
    const created = await operator.inject({
      method: 'POST',
      url: '/api/v1/letter-batches',
      payload: {
        templateId: ids.template,
        issuerUnitId: t.world.units.county.id,
        year: 2026,
        recipientUnitIds: [t.world.units.town1.id, t.world.units.town2.id],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', total: 2, done: 0, skipped: [] });
    ids.batch = created.json().id;
    // A draft's letters are not visible.
    expect((await operator.inject({ method: 'GET', url: '/api/v1/letters' })).json().total).toBe(0);
    const issued = await operator.inject({
      method: 'POST',
      url: `/api/v1/letter-batches/${ids.batch}/issue`,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', total: 2, done: 2 });
    const again = await operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${ids.batch}/issue` });
    expect(again.statusCode).toBe(409);
    const polled = await operator.inject({ method: 'GET', url: `/api/v1/letter-batches/${ids.batch}` });
    expect(polled.json()).toMatchObject({ status: 'issued', done: 2, total: 2 });

    const list = (
      await operator.inject({ method: 'GET', url: `/api/v1/letters?batchId=${ids.batch}` })
    ).json();
    expect(list.total).toBe(2);
    ids.countyLetter1 = list.items.find((l: Letter) => l.recipientUnitId === t.world.units.town1.id).id;
    ids.countyLetter2 = list.items.find((l: Letter) => l.recipientUnitId === t.world.units.town2.id).id;
    const letter = await getLetter(operator, ids.countyLetter1);
    expect(letter.status).toBe('pending');
    expect(letter.signatures.map((s) => `${s.party}:${s.name}`)).toEqual([
      'issuer:陈县委书记',
      'issuer:刘县长',
      'recipient:张书记',
      'recipient:李镇长',
    ]);
    expect(letter.version.title).toBe('2026年度社会治安综合治理（平安建设）目标管理责任书');
    expect(letter.version.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows a letter to those over its issuer or recipient only', async () => {
    const leader = await t.login('leader');
    expect((await leader.inject({ method: 'GET', url: '/api/v1/letters' })).json().total).toBe(1);
    expect(
      (await leader.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter2}` })).statusCode,
    ).toBe(404);
    const leader2 = await t.login('leader2');
    expect(
      (await leader2.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}` })).statusCode,
    ).toBe(404);
  });
});

describe('signing', () => {
  it('refuses everyone but a bound signatory', async () => {
    // Not linked to a person.
    const byOperator = await sign(operator, ids.countyLetter1);
    expect(byOperator.statusCode).toBe(403);
    expect(byOperator.json().message.zh).toContain('待签署人');
    // Linked to a person of the town, but not a signatory (the deputy is 直接责任人, not 第一责任人).
    const deputy = await t.login('deputy');
    expect((await sign(deputy, ids.countyLetter1)).statusCode).toBe(403);
    // The town2 secretary does not see town1's letter at all.
    expect((await sign(await t.login('leader2'), ids.countyLetter1)).statusCode).toBe(404);
    expect((await getLetter(operator, ids.countyLetter1)).signedCount).toBe(0);
  });

  it('needs the second factor of the signing account', async () => {
    const leader = await t.login('leader');
    const noTotp = await sign(leader, ids.countyLetter1);
    expect(noTotp.statusCode).toBe(409);
    expect(noTotp.json().code).toBe('letters.totp_not_enrolled');
    await enableTotp('leader');
    const wrong = await sign(leader, ids.countyLetter1, '000000' === nextCode() ? '111111' : '000000');
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.totpCode');
    expect((await getLetter(operator, ids.countyLetter1)).signedCount).toBe(0);
  });

  it('records who, when and the SM3 of the exact version, and locks it', async () => {
    const leader = await t.login('leader');
    const code = nextCode();
    const res = await sign(leader, ids.countyLetter1, code);
    expect(res.statusCode, res.body).toBe(200);
    const letter = res.json() as Letter;
    expect(letter.status).toBe('partially_signed');
    expect(letter.version.locked).toBe(true);
    const mine = letter.signatures.find((s) => s.name === '张书记')!;
    expect(mine).toMatchObject({ signedBy: 'leader', hash: letter.version.hash });
    expect(mine.signedAt).toBe(t.clock.now().toISOString());
    // The same code cannot sign again, and signing twice is refused.
    expect((await sign(leader, ids.countyLetter1, code)).statusCode).toBe(409);
    const audit = await t.db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'letter.signed' AND target_id = $1 ORDER BY id",
      [String(ids.countyLetter1)],
    );
    expect(audit.map((a) => a.outcome)).toEqual(['denied', 'denied', 'denied', 'failed', 'ok']);
  });

  it('cannot be edited by any role once signed, through the API', async () => {
    const before = await getLetter(operator, ids.countyLetter1);
    for (const name of [
      'operator',
      'liaison',
      'leader',
      'orgdept',
      'sysadmin',
      'secadmin',
      'auditadmin',
      'gridworker',
    ]) {
      const s = await t.login(name);
      const res = await s.inject({
        method: 'PATCH',
        url: `/api/v1/letters/${ids.countyLetter1}`,
        payload: { title: '改过的标题' },
      });
      expect([403, 404, 409], `${name}: ${res.statusCode}`).toContain(res.statusCode);
    }
    const byOperator = await operator.inject({
      method: 'PATCH',
      url: `/api/v1/letters/${ids.countyLetter1}`,
      payload: { title: '改过的标题' },
    });
    expect(byOperator.statusCode).toBe(409);
    expect(byOperator.json().message.en).toContain('amend');
    expect((await getLetter(operator, ids.countyLetter1)).version).toEqual(before.version);
  });

  it('cannot be changed directly in the database either', async () => {
    await expect(
      t.db.query("UPDATE letter_versions SET title = 'x' WHERE letter_id = $1 AND version = 1", [
        ids.countyLetter1,
      ]),
    ).rejects.toThrow(/signed letter version/);
    await expect(
      t.db.query('UPDATE letter_targets SET target = target || \'{"threshold": 99}\' WHERE letter_id = $1', [
        ids.countyLetter1,
      ]),
    ).rejects.toThrow(/signed letter version/);
    await expect(
      t.db.query('DELETE FROM letter_targets WHERE letter_id = $1', [ids.countyLetter1]),
    ).rejects.toThrow(/signed letter version/);
    await expect(
      t.db.query(
        'UPDATE letter_signatures SET signed_at = now() WHERE letter_id = $1 AND signed_at IS NOT NULL',
        [ids.countyLetter1],
      ),
    ).rejects.toThrow(/recorded signature/);
    await expect(t.db.query('DELETE FROM letters WHERE id = $1', [ids.countyLetter1])).rejects.toThrow();
    // An unsigned version can still be corrected in place.
    const edited = await operator.inject({
      method: 'PATCH',
      url: `/api/v1/letters/${ids.countyLetter2}`,
      payload: { preamble: '更正后的开头。' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('is fully signed when all signatories of both parties signed; the signing rate follows', async () => {
    for (const name of ['mayor', 'county-secretary', 'county-head']) {
      const res = await sign(await t.login(name), ids.countyLetter1);
      expect(res.statusCode, `${name} ${res.body}`).toBe(200);
    }
    expect((await getLetter(operator, ids.countyLetter1)).status).toBe('signed');
    t.clock.advance(3 * 86_400_000);
    // Sessions have idled out meanwhile.
    operator = await t.login('operator');
    liaison = await t.login('liaison');
    const rate = (
      await operator.inject({ method: 'GET', url: '/api/v1/letters/signing-rate?year=2026' })
    ).json();
    expect(rate.overall).toEqual({ total: 2, signed: 1, rate: 50 });
    expect(rate.byIssuer).toEqual([
      expect.objectContaining({ unitName: '测试县', total: 2, signed: 1, rate: 50 }),
    ]);
    expect(rate.byLevel).toEqual([expect.objectContaining({ unitKind: 'town', total: 2, signed: 1 })]);
    expect(
      rate.unsigned.map(
        (u: { personName: string; daysSinceIssue: number }) => `${u.personName}:${u.daysSinceIssue}`,
      ),
    ).toEqual(['陈县委书记:3', '刘县长:3', '赵书记:3']);
    // The town's leader sees its own letter only.
    const leaderRate = (
      await (await t.login('leader')).inject({ method: 'GET', url: '/api/v1/letters/signing-rate?year=2026' })
    ).json();
    expect(leaderRate.overall.total).toBe(0);
  });
});

describe('amendment', () => {
  it('creates version n+1 with a reason, needs signing again and shows the diff', async () => {
    const current = await getLetter(operator, ids.countyLetter1);
    const targets = current.version.targets
      .map((x) => (x.key === 'criminal-case-rate' ? { ...x, threshold: 6 } : x))
      .filter((x) => x.key !== 'new-models');
    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/letters/${ids.countyLetter1}/amendments`,
      payload: { reason: '县委常委会调整刑事发案率目标', targets },
    });
    expect(res.statusCode, res.body).toBe(201);
    const amended = res.json() as Letter;
    expect(amended).toMatchObject({ currentVersion: 2, status: 'pending', signedCount: 0 });
    expect(amended.version.hash).not.toBe(current.version.hash);
    const diff = (
      await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}/versions/2/diff` })
    ).json();
    expect(diff).toMatchObject({ from: 1, to: 2, reason: '县委常委会调整刑事发案率目标', added: [] });
    expect(diff.removed.map((x: { key: string }) => x.key)).toEqual(['new-models']);
    expect(diff.changed).toEqual([
      expect.objectContaining({ key: 'criminal-case-rate', fields: ['threshold'] }),
    ]);
    // Version 1 and its signatures stay as signed.
    const v1 = (
      await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}/versions/1` })
    ).json();
    expect(v1).toMatchObject({ locked: true, hash: current.version.hash });
    const rate = (
      await operator.inject({ method: 'GET', url: '/api/v1/letters/signing-rate?year=2026' })
    ).json();
    expect(rate.overall.signed).toBe(0);
    const leader = await t.login('leader');
    const pending = (await leader.inject({ method: 'GET', url: '/api/v1/letters?awaitingMe=true' })).json();
    expect(pending.items.map((l: Letter) => l.id)).toEqual([ids.countyLetter1]);
    expect((await sign(leader, ids.countyLetter1)).statusCode).toBe(200);
  });
});

describe('cascade and missing principals', () => {
  it('checks the town template against the county letter and leaves out units without a principal', async () => {
    const payload = {
      templateId: ids.villageTemplate,
      issuerUnitId: t.world.units.town1.id,
      year: 2026,
      recipientUnitIds: [t.world.units.village1a.id, t.world.units.village1b.id],
    };
    const preview = (
      await liaison.inject({ method: 'POST', url: '/api/v1/letter-batches/preview', payload })
    ).json();
    expect(preview.parentLetter.id).toBe(ids.countyLetter1);
    const gaps = preview.recipients[0].cascade as {
      parentKey: string;
      problem: string;
      childThreshold: number | null;
    }[];
    // The amended county letter asks ≤ 6; the village template says ≤ 8: weaker. Other targets are missing.
    expect(gaps.find((g) => g.parentKey === 'criminal-case-rate')).toMatchObject({
      problem: 'weaker',
      childThreshold: 8,
    });
    expect(gaps.find((g) => g.parentKey === 'leadership-planning')).toBeUndefined();
    expect(gaps.filter((g) => g.problem === 'missing')).toHaveLength(20);
    expect(preview.recipients.map((r: { issuable: boolean }) => r.issuable)).toEqual([true, false]);
    expect(preview.recipients[1].problems[0].code).toBe('missing_principal');

    const created = await liaison.inject({ method: 'POST', url: '/api/v1/letter-batches', payload });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      total: 1,
      skipped: [{ unitId: t.world.units.village1b.id, code: 'missing_principal' }],
    });
    const issued = await liaison.inject({
      method: 'POST',
      url: `/api/v1/letter-batches/${created.json().id}/issue`,
    });
    expect(issued.json()).toMatchObject({ status: 'issued', done: 1 });
    const cascade = (
      await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}/cascade` })
    ).json();
    expect(cascade.children).toHaveLength(1);
    expect(cascade.children[0].recipientUnitName).toBe('甲村');
    expect(cascade.children[0].gaps.length).toBe(21);
  });

  it('refuses a batch whose recipients all lack a principal, and a liaison issuing for the county', async () => {
    const none = await liaison.inject({
      method: 'POST',
      url: '/api/v1/letter-batches',
      payload: {
        templateId: ids.villageTemplate,
        issuerUnitId: t.world.units.town1.id,
        year: 2026,
        recipientUnitIds: [t.world.units.village1b.id],
      },
    });
    expect(none.statusCode).toBe(409);
    const county = await liaison.inject({
      method: 'POST',
      url: '/api/v1/letter-batches/preview',
      payload: {
        templateId: ids.template,
        issuerUnitId: t.world.units.county.id,
        year: 2026,
        recipientUnitIds: [t.world.units.town1.id],
      },
    });
    expect(county.statusCode).toBe(404);
  });
});

describe('progress', () => {
  const put = (session: Session, key: string, period: string, value: number | null) =>
    session.inject({
      method: 'PUT',
      url: `/api/v1/letters/${ids.countyLetter1}/progress/${key}/${period}`,
      payload: { value },
    });

  it('evaluates entered values against the threshold with the rulebook yellow band', async () => {
    // Version 2 asks ≤ 6 criminal cases per 10,000: 6.5 is within 10 % (yellow), 7 beyond (red).
    for (const [value, status] of [
      [5, 'green'],
      [6.5, 'yellow'],
      [7, 'red'],
    ] as const) {
      const res = await put(liaison, 'criminal-case-rate', '2026', value);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status, computed: false });
    }
    const stored = await t.db.query<{ value: number; source: string }>(
      "SELECT value, source FROM indicator_values WHERE unit_id = $1 AND indicator_id = 'criminal-cases-per-10k' AND period_key = '2026'",
      [t.world.units.town1.id],
    );
    expect(stored).toEqual([{ value: 7, source: 'entered' }]);
    const quarterly = await put(liaison, 'publicity-and-research.publicity-activities', '2026-Q1', 2);
    expect(
      quarterly.json().values.map((v: { periodKey: string; status: string }) => `${v.periodKey}:${v.status}`),
    ).toEqual(['2026-Q1:green', '2026-Q2:no_data', '2026-Q3:no_data', '2026-Q4:no_data']);
    expect((await put(liaison, 'criminal-case-rate', '2026-Q1', 1)).statusCode).toBe(400);
    expect((await put(await t.login('liaison2'), 'criminal-case-rate', '2026', 1)).statusCode).toBe(404);
    expect((await put(await t.login('leader'), 'criminal-case-rate', '2026', 1)).statusCode).toBe(403);
  });

  it('computes the signing rate of the letters the recipient issued, and refuses entering it', async () => {
    expect((await put(liaison, 'signing-rate', '2026', 100)).statusCode).toBe(409);
    const progress = (
      await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}/progress` })
    ).json();
    const rate = progress.targets.find((x: { key: string }) => x.key === 'signing-rate');
    // town1 issued one letter (to 甲村), nobody signed it yet: 0 % against ≥ 100 %.
    expect(rate).toMatchObject({ computed: true, status: 'red' });
    expect(rate.values[0]).toMatchObject({ periodKey: '2026', value: 0, source: 'computed' });
    expect(progress.counts.no_data).toBeGreaterThan(0);
  });

  it('round-trips the Excel workbook, all or nothing', async () => {
    const xlsx = await operator.inject({
      method: 'GET',
      url: `/api/v1/letters/${ids.countyLetter1}/progress.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX_MIME_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('目标进度')!;
    const rowOf = (key: string, period = '2026') => {
      for (let i = 2; i <= ws.rowCount; i += 1)
        if (ws.getRow(i).getCell(1).value === key && ws.getRow(i).getCell(5).value === period) return i;
      throw new Error(`no row ${key}`);
    };
    expect(ws.getRow(rowOf('criminal-case-rate')).getCell(6).value).toBe(7);
    expect(() => rowOf('signing-rate')).toThrow();
    const upload = async () =>
      operator.inject({
        method: 'POST',
        url: `/api/v1/letters/${ids.countyLetter1}/progress/import`,
        headers: { 'content-type': XLSX_MIME_TYPE },
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
      });
    ws.getRow(rowOf('patrol-team')).getCell(6).value = 12;
    ws.getRow(rowOf('bodies-and-staff')).getCell(6).value = '是';
    const bad = rowOf('released-persons');
    ws.getRow(bad).getCell(6).value = '百分之三';
    const wrong = await upload();
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual([`目标进度!F${bad}`]);
    const untouched = (
      await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}/progress` })
    ).json();
    expect(untouched.targets.find((x: { key: string }) => x.key === 'patrol-team').status).toBe('no_data');

    ws.getRow(bad).getCell(6).value = 3;
    const ok = await upload();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().imported).toBe(5); // criminal-case-rate and publicity kept their values, plus the three filled now
    const after = (
      await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}/progress` })
    ).json();
    const status = (key: string) => after.targets.find((x: { key: string }) => x.key === key);
    expect(status('patrol-team')).toMatchObject({ status: 'green' });
    expect(status('patrol-team').values[0]).toMatchObject({ value: 12, source: 'imported' });
    expect(status('bodies-and-staff').status).toBe('green');
    expect(status('released-persons').status).toBe('green');
  });
});

describe('documents', () => {
  it('renders the letter as PDF with both parties and the signature records, on A4 with the official margins', async () => {
    const res = await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter1}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pages = await measurePdf(res.rawPayload);
    const text = pages.map(pageText).join('\n');
    for (const s of ['测试县', '一号镇', '张书记', '已电子签署', '管理责任书']) expect(text).toContain(s);
    // The signature record: the signed version's SM3, as recorded for 张书记.
    const letter = await getLetter(operator, ids.countyLetter1);
    const signed = letter.signatures.find((x) => x.name === '张书记')!;
    expect(text.replace(/\s/g, '')).toContain(signed.hash!.slice(0, 32));
    for (const p of pages) {
      expect(p.widthMm).toBeCloseTo(210, 0);
      expect(p.heightMm).toBeCloseTo(297, 0);
    }
    const m = textMargins(pages[0]!);
    expect(m.left).toBeGreaterThan(27);
    expect(m.top).toBeGreaterThan(36);
    const audit = await t.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'letter.exported' AND target_id = $1",
      [String(ids.countyLetter1)],
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('renders the letter as DOCX for editing', async () => {
    const res = await operator.inject({ method: 'GET', url: `/api/v1/letters/${ids.countyLetter2}/docx` });
    expect(res.statusCode).toBe(200);
    const docx = await readDocx(res.rawPayload);
    for (const s of ['测试县', '二号镇', '赵书记', '更正后的开头。']) expect(docx.text).toContain(s);
    expect(docx.page.widthMm).toBeCloseTo(210, 0);
    expect(docx.margins.mm.top).toBeCloseTo(37, 0);
    expect(docx.margins.mm.left).toBeCloseTo(28, 0);
  });

  it('renders all letters of a batch into one PDF in the background, for those in scope only', async () => {
    const created = await operator.inject({
      method: 'POST',
      url: `/api/v1/letter-batches/${ids.batch}/exports`,
    });
    expect(created.statusCode, created.body).toBe(202);
    const job = created.json();
    expect(job).toMatchObject({ batchId: ids.batch, state: 'queued', done: 0, total: 2, fileName: null });
    const progress = `/api/v1/letter-batches/${ids.batch}/exports/${job.id}`;
    // Not rendered yet: nothing to download.
    const early = await operator.inject({ method: 'GET', url: `${progress}/file` });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('letters.export_not_ready');
    // Out of scope (town2's operator; the batch is the county's): as if absent.
    const other = await t.login('operator2');
    for (const [method, url] of [
      ['POST', `/api/v1/letter-batches/${ids.batch}/exports`],
      ['GET', `/api/v1/letter-batches/${ids.batch}/exports`],
      ['GET', progress],
      ['GET', `${progress}/file`],
    ] as const)
      expect((await other.inject({ method, url })).statusCode, `${method} ${url}`).toBe(404);

    expect(await createDocumentJobWorker(t.ctx).runOnce()).toBe(job.id);
    const finished = (await operator.inject({ method: 'GET', url: progress })).json();
    expect(finished).toMatchObject({ state: 'done', done: 2, total: 2, error: null });
    expect(finished.fileName).toBe('2026年度责任书-测试县.pdf');
    const listed = (
      await operator.inject({ method: 'GET', url: `/api/v1/letter-batches/${ids.batch}/exports` })
    ).json();
    expect(listed.items[0]).toMatchObject({ id: job.id, state: 'done' });

    const res = await operator.inject({ method: 'GET', url: `${progress}/file` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.length).toBe(finished.fileBytes);
    const text = (await measurePdf(res.rawPayload)).map(pageText).join('\n');
    expect(text).toContain('一号镇');
    expect(text).toContain('二号镇');
    const audit = await t.db.query<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_log WHERE target_type = 'letter_batch' AND target_id = $1
          AND action LIKE 'letter_batch.export%' ORDER BY id`,
      [String(ids.batch)],
    );
    expect(audit.map((a) => `${a.action}:${a.actor_name}`)).toEqual([
      'letter_batch.export_requested:operator',
      'letter_batch.export_rendered:system',
      'letter_batch.exported:operator',
    ]);
  });
});
