import type { LetterTarget } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { insertPerson, insertPost } from '../../fixtures/factories';
import { insertDocumentJob } from './document-jobs.repository';
import { hashLetterVersion } from './letter-content';
import {
  type NewSignatory,
  findUnit,
  insertBatch,
  insertLetter,
  insertLetterVersion,
  insertTemplate,
} from './letters.repository';

// Test fixtures of the letters area (the role × scope matrix and the benchmark build records
// directly, without going through the routes they probe).

export const SAMPLE_TARGETS: LetterTarget[] = [
  {
    kind: 'quantitative',
    key: 'criminal-case-rate',
    title: '刑事发案率',
    weight: 50,
    evidence: null,
    indicatorId: 'criminal-cases-per-10k',
    comparator: 'lte',
    threshold: 7,
    unit: 'per_10k_population',
    per: 'year',
  },
  { kind: 'qualitative', key: 'patrol', title: '落实巡逻防控', weight: 50, evidence: null, per: 'year' },
];

/** A principal (chief) for a unit, so that letters can bind it. */
export const givePrincipal = async (q: Queryable, unitId: number, name: string) => {
  const personId = await insertPerson(q, { name });
  await insertPost(q, { personId, unitId, postKind: 'chief', title: '主任', startDate: '2024-01-01' });
  return personId;
};

export const insertTemplateFixture = async (
  q: Queryable,
  t: { ownerUnitId: number; name: string; relationshipId?: string },
) =>
  insertTemplate(q, {
    name: t.name,
    relationshipId: t.relationshipId ?? 'town-village',
    title: '平安建设目标管理责任书',
    preamble: '为落实责任制，签订本责任书。',
    responsibilities: ['（一）双方共同遵守。'],
    targets: SAMPLE_TARGETS,
    ownerUnitId: t.ownerUnitId,
    shippedKey: null,
    now: new Date(),
    by: 'fixture',
  });

export const insertBatchFixture = async (
  q: Queryable,
  b: {
    templateId: number;
    templateName: string;
    issuerUnitId: number;
    recipientUnitIds: number[];
    year?: number;
  },
) =>
  insertBatch(q, {
    ...b,
    relationshipId: 'town-village',
    year: b.year ?? 2026,
    issueDate: '2026-03-02',
    skipped: [],
    now: new Date(),
    by: 'fixture',
    accountId: null,
  });

/** A live letter, version 1, with its signatories pending. */
export const insertLetterFixture = async (
  q: Queryable,
  l: {
    issuerUnitId: number;
    recipientUnitId: number;
    title: string;
    signatories: NewSignatory[];
    batchId?: number | null;
    year?: number;
    targets?: LetterTarget[];
  },
) => {
  const issuer = (await findUnit(q, l.issuerUnitId))!;
  const recipient = (await findUnit(q, l.recipientUnitId))!;
  const year = l.year ?? 2026;
  const now = new Date();
  const id = await insertLetter(q, {
    batchId: l.batchId ?? null,
    year,
    relationshipId: 'town-village',
    issuerUnitId: issuer.id,
    recipientUnitId: recipient.id,
    parentLetterId: null,
    issueDate: '2026-03-02',
    live: true,
    now,
  });
  const text = {
    title: l.title,
    preamble: '为落实责任制，签订本责任书。',
    responsibilities: ['（一）双方共同遵守。'],
    targets: l.targets ?? SAMPLE_TARGETS,
  };
  await insertLetterVersion(q, id, 1, {
    ...text,
    reason: null,
    hash: hashLetterVersion({
      letterId: id,
      version: 1,
      year,
      issuer: { unitId: issuer.id, name: issuer.name },
      recipient: { unitId: recipient.id, name: recipient.name },
      issueDate: '2026-03-02',
      ...text,
    }),
    now,
    by: 'fixture',
    signatories: l.signatories,
  });
  return id;
};

/** A finished export of a batch (a tiny stand-in PDF), visible to callers scoped over `scopePath`. */
export const insertDoneExportFixture = async (q: Queryable, batchId: number, scopePath: string) => {
  const job = await insertDocumentJob(q, {
    kind: 'letter_batch_pdf',
    targetId: batchId,
    total: 1,
    scopePatterns: [`${scopePath}%`],
    now: new Date(),
    by: 'fixture',
    accountId: null,
  });
  await q.query(
    `UPDATE document_jobs SET state = 'done', done = 1, file = $2, file_name = 'fixture.pdf', file_bytes = $3,
            finished_at = now() WHERE id = $1`,
    [job.id, Buffer.from('%PDF-1.3\n%%EOF\n'), 15],
  );
  return job.id;
};
