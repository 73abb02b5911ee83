import { z } from 'zod';
import { barReasonSchema } from '../eligibility/eligibility';
import { rewardSchema } from '../rewards/rewards';

// 工作实绩档案 (issue 6 §4): a leader's year assembled from the facts the system holds.

/** GET /archives?person=&year= (and /archives/pdf, PUT /archives/duty-report) */
export const archiveQuerySchema = z.strictObject({
  person: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** PUT /archives/duty-report — the 述职报告 file, base64 (≤ 10 MB once decoded). */
export const dutyReportUploadSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.enum([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/plain',
  ]),
  contentBase64: z.string().min(1).max(14_000_000),
});

export const dutyReportInfoSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});

export const archivePostSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  /** 第一责任人 (principal) or 直接责任人 (in_charge). */
  role: z.enum(['principal', 'in_charge']),
  title: z.string(),
  /** The part of the year the post was held: [from, to). */
  from: z.string(),
  to: z.string(),
  duties: z.object({ onTime: z.number().int(), late: z.number().int(), open: z.number().int() }),
  meetingsChaired: z.array(z.object({ date: z.string(), duty: z.string() })),
  rectifications: z.array(
    z.object({
      id: z.number().int(),
      issuedOn: z.string(),
      deadline: z.string(),
      state: z.string(),
      onTime: z.boolean().nullable(),
    }),
  ),
  incidents: z.array(z.object({ id: z.number().int(), occurredAt: z.string(), title: z.string() })),
  grade: z
    .object({ gradeId: z.string().nullable(), score: z.number().nullable(), rank: z.number().nullable() })
    .nullable(),
});

export const archiveSchema = z.object({
  person: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  posts: z.array(archivePostSchema),
  lettersSigned: z.array(
    z.object({
      letterId: z.number().int(),
      year: z.number().int(),
      party: z.enum(['issuer', 'recipient']),
      issuerUnitName: z.string(),
      recipientUnitName: z.string(),
      signedAt: z.string(),
      targets: z.number().int(),
    }),
  ),
  accountability: z.array(barReasonSchema),
  rewards: z.array(rewardSchema),
  dutyReport: dutyReportInfoSchema.nullable(),
});
export type Archive = z.infer<typeof archiveSchema>;
