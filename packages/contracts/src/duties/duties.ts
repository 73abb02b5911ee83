import { DUTY_KINDS, DUTY_STATES } from '@zongzhi/domain';
import { z } from 'zod';
import { bilingualSchema, isoDateSchema, pageQuerySchema } from '../common/problem';

export const dutyStateSchema = z.enum(DUTY_STATES);
export const timeStatusSchema = z.enum(['green', 'yellow', 'red']);
export const dutyKindSchema = z.enum(DUTY_KINDS);
export const fulfilmentKindSchema = z.enum(['meeting', 'report']);

const shortText = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(5000);

export const listDutiesQuerySchema = pageQuerySchema.extend({
  /** The unit and everything below it. */
  unitId: z.coerce.number().int().positive().optional(),
  dutyId: z.string().trim().min(1).max(100).optional(),
  state: dutyStateSchema.optional(),
  periodKey: z.string().trim().min(1).max(40).optional(),
  /** Deadlines on or after / on or before these days. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type ListDutiesQuery = z.infer<typeof listDutiesQuerySchema>;

export const attachmentSchema = z.object({
  name: z.string().trim().min(1).max(255),
  mediaType: z.string().trim().min(1).max(100).optional(),
  size: z.number().int().min(0).optional(),
  /** Hex SHA-256 or SM3 of the file, where a file store keeps it. */
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * A meeting as recorded: the chair is a person (picked, not typed — RULES §9), who must hold a post
 * in the unit on the meeting date; the server stores their name with the record.
 */
export const meetingRecordSchema = z.object({
  date: isoDateSchema,
  chairPersonId: z.number().int().positive(),
  attendees: z.array(shortText).min(1).max(200),
  topics: z.array(longText).min(1).max(50),
  decisions: z.array(longText).max(50).default([]),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

/** A recorded meeting: the chair's name as recorded, and their id (null on records made before ids). */
export const meetingRecordViewSchema = meetingRecordSchema.extend({
  chair: z.string(),
  chairPersonId: z.number().int().nullable(),
});
export type MeetingRecordView = z.infer<typeof meetingRecordViewSchema>;

/** A structured report: a summary and named figures or answers (the form of the duty's report). */
export const reportSchema = z.object({
  title: shortText.optional(),
  summary: longText,
  items: z
    .array(z.object({ label: shortText, value: z.union([z.string().max(2000), z.number(), z.boolean()]) }))
    .max(200)
    .default([]),
});
export type Report = z.infer<typeof reportSchema>;

export const fulfilDutyRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meeting'),
    meeting: meetingRecordSchema,
    attachments: z.array(attachmentSchema).max(50).default([]),
  }),
  z.object({
    kind: z.literal('report'),
    report: reportSchema,
    attachments: z.array(attachmentSchema).max(50).default([]),
  }),
]);
export type FulfilDutyRequest = z.infer<typeof fulfilDutyRequestSchema>;

export const waiveDutyRequestSchema = z.object({ reason: z.string().trim().min(2).max(1000) });
export type WaiveDutyRequest = z.infer<typeof waiveDutyRequestSchema>;

export const generateDutiesRequestSchema = z.object({ year: z.number().int().min(2000).max(2100) });
export type GenerateDutiesRequest = z.infer<typeof generateDutiesRequestSchema>;

export const generateDutiesResponseSchema = z.object({
  year: z.number().int(),
  /** Occurrences stored by this run; 0 when the year was generated already. */
  created: z.number().int(),
  /** Occurrences owed in the window, stored now or before. */
  owed: z.number().int(),
  units: z.number().int(),
  /** Units without a rulebook (nothing is generated for them). */
  unitsWithoutRulebook: z.number().int(),
  rulebooks: z.array(
    z.object({ rulebookId: z.string(), version: z.number().int(), units: z.number().int() }),
  ),
  /** (duty, period)s left out until the calendar year they need is loaded. */
  waitingForCalendar: z.array(
    z.object({
      dutyId: z.string(),
      periodKey: z.string(),
      missingYear: z.number().int(),
      unitCount: z.number().int(),
    }),
  ),
});
export type GenerateDutiesResponse = z.infer<typeof generateDutiesResponseSchema>;

export const dutyOccurrenceSchema = z.object({
  id: z.number().int(),
  dutyId: z.string(),
  dutyName: bilingualSchema,
  dutyKind: dutyKindSchema,
  unitId: z.number().int(),
  unitName: z.string(),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  deadline: z.string(),
  evidenceRequired: z.boolean(),
  rulebookId: z.string(),
  rulebookVersion: z.number().int(),
  state: dutyStateSchema,
  timeStatus: timeStatusSchema,
  daysLate: z.number().int(),
  fulfilledOn: z.string().nullable(),
  fulfilmentKind: fulfilmentKindSchema.nullable(),
  waiver: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type DutyOccurrenceItem = z.infer<typeof dutyOccurrenceSchema>;

export const dutyFulfilmentSchema = z.object({
  kind: fulfilmentKindSchema,
  fulfilledOn: z.string(),
  meeting: meetingRecordViewSchema.nullable(),
  report: reportSchema.nullable(),
  attachments: z.array(attachmentSchema),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type DutyFulfilment = z.infer<typeof dutyFulfilmentSchema>;

export const dutyOccurrenceDetailSchema = dutyOccurrenceSchema.extend({
  unitPath: z.string(),
  fulfilment: dutyFulfilmentSchema.nullable(),
});
export type DutyOccurrenceDetail = z.infer<typeof dutyOccurrenceDetailSchema>;

export const complianceQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** The unit whose children form the rows (the caller's scope root when absent). */
  unitId: z.coerce.number().int().positive().optional(),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const complianceCellSchema = z.object({
  month: z.number().int().min(1).max(12),
  total: z.number().int(),
  done: z.number().int(),
  doneLate: z.number().int(),
  overdue: z.number().int(),
  waived: z.number().int(),
  /** Not yet due (upcoming or due soon). */
  open: z.number().int(),
  timeStatus: timeStatusSchema.nullable(),
});

/** Rows: the unit itself (its own duties) and each child (its whole subtree); columns: deadline month. */
export const complianceResponseSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      /** 'self': the unit's own occurrences; 'subtree': the child and everything below it. */
      scope: z.enum(['self', 'subtree']),
      months: z.array(complianceCellSchema),
    }),
  ),
});
export type ComplianceResponse = z.infer<typeof complianceResponseSchema>;

export const notificationKindSchema = z.enum(['due_soon', 'overdue']);

export const listNotificationsQuerySchema = pageQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: notificationKindSchema,
  createdAt: z.string(),
  readAt: z.string().nullable(),
  occurrence: z.object({
    id: z.number().int(),
    dutyId: z.string(),
    dutyName: bilingualSchema,
    unitId: z.number().int(),
    unitName: z.string(),
    periodKey: z.string(),
    deadline: z.string(),
  }),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;
