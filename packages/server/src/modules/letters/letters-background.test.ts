import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, insertPosts, insertUnitTree } from '../../fixtures/factories';
import { DEFAULT_BACKGROUND } from '../../platform/config';
import { measurePdf, pageText } from '../../platform/documents/pdf-measure';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { createDocumentJobWorker } from './document-job-worker';
import { claimDocumentJob, reportDocumentJobProgress } from './document-jobs.repository';
import { insertLetter } from './letters.repository';
import { insertTemplateFixture } from './letters.test-support';
import { STUCK_BATCH_REASON, recoverStuckBatches } from './recover-letter-batch';
import { EXPORT_CHUNK } from './render-batch-pdf';

// The batch PDF as a background job, and batches stuck issuing (ADR 0009), on a batch of more
// letters than one rendering chunk: town2 (赵书记) issues to its key units.

let t: TestApp;
let operator: Session;
let recipients: { id: number; path: string }[] = [];
let templateId = 0;
let batchId = 0;
const LEASE_MS = DEFAULT_BACKGROUND.leaseSeconds * 1000;

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0]!.n;

const createBatch = async (year: number) => {
  const res = await operator.inject({
    method: 'POST',
    url: '/api/v1/letter-batches',
    payload: {
      templateId,
      issuerUnitId: t.world.units.town2.id,
      year,
      recipientUnitIds: recipients.map((u) => u.id),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; total: number };
};

/** A batch as a process leaves it when it dies while issuing: two chunks' letters written, none live. */
const crashWhileIssuing = async (year: number) => {
  const batch = await createBatch(year);
  const now = t.clock.now();
  await t.db.query(
    "UPDATE letter_batches SET status = 'issuing', done = 2, heartbeat_at = $2 WHERE id = $1",
    [batch.id, now],
  );
  for (const unit of recipients.slice(0, 2))
    await insertLetter(t.db, {
      batchId: batch.id,
      year,
      relationshipId: 'town-key-unit',
      issuerUnitId: t.world.units.town2.id,
      recipientUnitId: unit.id,
      parentLetterId: null,
      issueDate: '2026-03-02',
      live: false,
      now,
    });
  return batch;
};

beforeAll(async () => {
  t = await createTestApp();
  await ensurePresetRulebooks(t.db, undefined, t.clock);
  const n = EXPORT_CHUNK + 7;
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
  await insertPosts(
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
  batchId = (await createBatch(2026)).id;
  const issued = await operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${batchId}/issue` });
  expect(issued.statusCode, issued.body).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('the batch PDF in the background', () => {
  it('is picked up again after its worker died, once the lease has expired, and finished', async () => {
    const created = await operator.inject({
      method: 'POST',
      url: `/api/v1/letter-batches/${batchId}/exports`,
    });
    expect(created.statusCode, created.body).toBe(202);
    const job = created.json() as { id: number; total: number };
    expect(job.total).toBe(recipients.length);
    const progress = `/api/v1/letter-batches/${batchId}/exports/${job.id}`;

    // A worker claims it, renders one chunk, reports it … and its process dies.
    const dead = await t.db.transaction((tx) =>
      claimDocumentJob(tx, {
        token: 'dead-worker',
        now: t.clock.now(),
        leaseExpiresAt: new Date(t.clock.now().getTime() + LEASE_MS),
        maxAttempts: DEFAULT_BACKGROUND.maxAttempts,
        exhausted: { zh: '', en: '' },
      }),
    );
    expect(dead.claimed?.id).toBe(job.id);
    expect(
      await reportDocumentJobProgress(t.db, {
        id: job.id,
        token: 'dead-worker',
        done: EXPORT_CHUNK,
        leaseExpiresAt: new Date(t.clock.now().getTime() + LEASE_MS),
      }),
    ).toBe(true);
    expect((await operator.inject({ method: 'GET', url: progress })).json()).toMatchObject({
      state: 'running',
      done: EXPORT_CHUNK,
      total: recipients.length,
    });

    // Within the lease the job is still the dead worker's: nobody takes it.
    const worker = createDocumentJobWorker(t.ctx);
    t.clock.advance(LEASE_MS - 1000);
    expect(await worker.runOnce()).toBeNull();
    // After it, another worker claims it and renders it from the start.
    t.clock.advance(2000);
    expect(await worker.runOnce()).toBe(job.id);
    const done = (await operator.inject({ method: 'GET', url: progress })).json();
    expect(done).toMatchObject({ state: 'done', done: recipients.length, total: recipients.length });
    // The dead worker, were it to wake up, can no longer touch the job.
    expect(
      await reportDocumentJobProgress(t.db, {
        id: job.id,
        token: 'dead-worker',
        done: 1,
        leaseExpiresAt: t.clock.now(),
      }),
    ).toBe(false);

    const file = await operator.inject({ method: 'GET', url: `${progress}/file` });
    expect(file.statusCode).toBe(200);
    // Two chunks joined into one PDF: every letter from a new page, the first and the last one in it.
    const pages = await measurePdf(file.rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(recipients.length);
    const text = pages.map(pageText).join('\n');
    expect(text).toContain('重点单位1\n');
    expect(text).toContain(`重点单位${recipients.length}`);
    expect(text).toContain(`重点单位${EXPORT_CHUNK + 1}`);
  }, 120_000);

  it('gives two workers (two server processes) different jobs', async () => {
    const ids = [];
    for (let i = 0; i < 2; i += 1)
      ids.push(
        (await operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${batchId}/exports` })).json()
          .id,
      );
    const claimed = await Promise.all(
      [createDocumentJobWorker(t.ctx), createDocumentJobWorker(t.ctx)].map((w) => w.runOnce()),
    );
    expect([...claimed].sort()).toEqual([...ids].sort());
  }, 120_000);

  it('fails a job whose worker died too many times, with the reason', async () => {
    const job = (
      await operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${batchId}/exports` })
    ).json();
    await t.db.query(
      "UPDATE document_jobs SET state = 'running', claim_token = 'x', attempts = $2, lease_expires_at = $3 WHERE id = $1",
      [job.id, DEFAULT_BACKGROUND.maxAttempts, new Date(t.clock.now().getTime() - 1)],
    );
    expect(await createDocumentJobWorker(t.ctx).runOnce()).toBeNull();
    const failed = (
      await operator.inject({ method: 'GET', url: `/api/v1/letter-batches/${batchId}/exports/${job.id}` })
    ).json();
    expect(failed.state).toBe('failed');
    expect(failed.error.zh).toContain('中断');
    expect(failed.error.en).toContain('interrupted');
  });
});

describe('a batch stuck issuing', () => {
  it('is recovered by the operator once its heartbeat is older than the lease: failed cleanly, audited', async () => {
    const batch = await crashWhileIssuing(2027);
    const recover = () =>
      operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${batch.id}/recover` });
    // Still within the lease: it may be issuing right now in another process.
    const early = await recover();
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('letters.batch_not_stuck');
    expect(await count('SELECT count(*) FROM letters WHERE batch_id = $1', [batch.id])).toBe(2);

    t.clock.advance(LEASE_MS + 1000);
    // Out of scope (town1's operator): as if absent.
    expect(
      (
        await (
          await t.login('liaison')
        ).inject({ method: 'POST', url: `/api/v1/letter-batches/${batch.id}/recover` })
      ).statusCode,
    ).toBe(404);
    const res = await recover();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', done: 0, error: STUCK_BATCH_REASON });
    expect(await count('SELECT count(*) FROM letters WHERE batch_id = $1', [batch.id])).toBe(0);
    const audit = await t.db.query<{
      actor_name: string;
      details: { trigger: string; lettersRemoved: number };
    }>(
      "SELECT actor_name, details FROM audit_log WHERE action = 'letter_batch.recovered' AND target_id = $1",
      [String(batch.id)],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor_name: 'operator',
        details: expect.objectContaining({ trigger: 'operator', lettersRemoved: 2 }),
      }),
    ]);
    expect((await recover()).statusCode).toBe(409);
    // The units are free again: the year's batch can be created and issued anew.
    const again = await createBatch(2027);
    const issued = await operator.inject({ method: 'POST', url: `/api/v1/letter-batches/${again.id}/issue` });
    expect(issued.statusCode, issued.body).toBe(200);
  }, 60_000);

  it('is recovered by the worker on its own once the lease has expired', async () => {
    const batch = await crashWhileIssuing(2028);
    expect(await recoverStuckBatches(t.ctx)).toEqual([]);
    // A live issue renewing its heartbeat is never taken for stuck.
    t.clock.advance(LEASE_MS + 1000);
    expect(await recoverStuckBatches(t.ctx)).toEqual([batch.id]);
    const after = (
      await operator.inject({ method: 'GET', url: `/api/v1/letter-batches/${batch.id}` })
    ).json();
    expect(after).toMatchObject({ status: 'failed', error: STUCK_BATCH_REASON });
    expect(await count('SELECT count(*) FROM letters WHERE batch_id = $1', [batch.id])).toBe(0);
    const [audit] = await t.db.query<{ actor_name: string; details: { trigger: string } }>(
      "SELECT actor_name, details FROM audit_log WHERE action = 'letter_batch.recovered' AND target_id = $1",
      [String(batch.id)],
    );
    expect(audit).toMatchObject({ actor_name: 'system', details: { trigger: 'lease_expired' } });
  });

  it('at the start of a process on the embedded database, whatever the heartbeat', async () => {
    const batch = await crashWhileIssuing(2029);
    const recovered = await recoverStuckBatches(t.ctx, { atStartup: true });
    // On PostgreSQL another server may be issuing it: the lease still applies there.
    expect(recovered).toEqual(t.db.kind === 'pglite' ? [batch.id] : []);
  });
});
