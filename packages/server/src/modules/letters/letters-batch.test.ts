import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, insertPosts, insertUnitTree } from '../../fixtures/factories';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { ISSUE_CHUNK } from './issue-letter-batch';
import { insertTemplateFixture } from './letters.test-support';

let t: TestApp;
let operator: Session;
let recipients: { id: number; path: string }[] = [];
let postIds: number[] = [];
let templateId = 0;

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  await ensurePresetRulebooks(t.db, undefined, t.clock);
  // More key units than one chunk of the issue, each with its principal; town2's 赵书记 issues.
  const n = ISSUE_CHUNK + 10;
  recipients = await insertUnitTree(
    t.db,
    Array.from({ length: n }, (_, i) => ({
      name: `重点单位${i + 1}`,
      kind: 'key_unit' as const,
      code: `KU${String(i).padStart(4, '0')}`,
      parentId: t.world.units.town2.id,
    })),
  );
  const people = await insertPeople(
    t.db,
    recipients.map((_, i) => ({ name: `负责人${i + 1}` })),
  );
  postIds = await insertPosts(
    t.db,
    recipients.map((u, i) => ({
      personId: people[i]!,
      unitId: u.id,
      postKind: 'chief',
      title: '法定代表人',
      startDate: '2024-01-01',
    })),
  );
  templateId = await insertTemplateFixture(t.db, {
    ownerUnitId: t.world.units.town2.id,
    name: '镇与重点单位治安目标责任书',
    relationshipId: 'town-key-unit',
  });
  operator = await t.login('operator');
});
afterAll(async () => {
  await t.close();
});

describe('a batch that fails while issuing', () => {
  it('leaves a failed status with the reason and no letter of the batch, live or not', async () => {
    const created = await operator.inject({
      method: 'POST',
      url: '/api/v1/letter-batches',
      payload: {
        templateId,
        issuerUnitId: t.world.units.town2.id,
        year: 2026,
        recipientUnitIds: recipients.map((u) => u.id),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const batch = created.json() as { id: number; total: number };
    expect(batch.total).toBe(ISSUE_CHUNK + 10);
    // The registry changes after the batch was planned: the last unit's principal left before the issue date.
    await t.db.query("UPDATE posts SET end_date = '2026-01-01' WHERE id = $1", [postIds.at(-1)]);

    const issued = await operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${batch.id}/issue` });
    expect(issued.statusCode).toBe(409);
    expect(issued.json().code).toBe('letters.batch_failed');
    const after = (
      await operator.inject({ method: 'GET', url: `/api/v1/letter-batches/${batch.id}` })
    ).json();
    expect(after).toMatchObject({ status: 'failed', done: 0 });
    expect(after.error.zh).toBeTruthy();
    // The first chunk had been written and committed: it is gone again.
    expect(await count('SELECT count(*) FROM letters WHERE batch_id = $1', [batch.id])).toBe(0);
    expect((await operator.inject({ method: 'GET', url: '/api/v1/letters' })).json().total).toBe(0);
    const audit = await t.db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'letter_batch.issued' AND target_id = $1",
      [String(batch.id)],
    );
    expect(audit.map((a) => a.outcome)).toEqual(['failed']);
    // A failed batch is not issued a second time.
    expect(
      (await operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${batch.id}/issue` })).statusCode,
    ).toBe(409);
  });

  it('reports units without a principal and issues the others, in one click for all of them', async () => {
    const preview = (
      await operator.inject({
        method: 'POST',
        url: '/api/v1/letter-batches/preview',
        payload: {
          templateId,
          issuerUnitId: t.world.units.town2.id,
          year: 2026,
          recipientUnitIds: recipients.map((u) => u.id),
        },
      })
    ).json();
    expect(preview.issuableCount).toBe(recipients.length - 1);
    const created = (
      await operator.inject({
        method: 'POST',
        url: '/api/v1/letter-batches',
        payload: {
          templateId,
          issuerUnitId: t.world.units.town2.id,
          year: 2026,
          recipientUnitIds: recipients.map((u) => u.id),
        },
      })
    ).json();
    expect(created.skipped).toEqual([
      expect.objectContaining({ unitId: recipients.at(-1)!.id, code: 'missing_principal' }),
    ]);
    const issued = await operator.inject({
      method: 'POST',
      url: `/api/v1/letter-batches/${created.id}/issue`,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      status: 'issued',
      done: recipients.length - 1,
      total: recipients.length - 1,
    });
    expect(await count('SELECT count(*) FROM letters WHERE batch_id = $1 AND live', [created.id])).toBe(
      recipients.length - 1,
    );
  });
});
