import { INCIDENT_KINDS, REPORT_TIMELINESS, TIMELINESS_BASES } from '@zongzhi/domain';
import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from '../common/problem';

export const incidentKindSchema = z.enum(INCIDENT_KINDS);
export const reportTimelinessSchema = z.enum(REPORT_TIMELINESS);
export const timelinessBasisSchema = z.enum(TIMELINESS_BASES);

/** An instant with its offset, e.g. 2026-03-01T10:00:00+08:00. */
const instantSchema = z.iso.datetime({ offset: true });

const incidentFacts = {
  unitId: z.number().int().positive(),
  kind: incidentKindSchema,
  /** When it happened: the reporting limit is measured from here. */
  occurredAt: instantSchema,
  place: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(5000),
  deaths: z.number().int().min(0).max(100_000).default(0),
  injuries: z.number().int().min(0).max(100_000).default(0),
  /** Direct economic losses in yuan, where known. */
  lossesYuan: z.number().min(0).max(1e12).multipleOf(0.01).nullable().default(null),
};

/**
 * One route records both ways an incident reaches the system (issue 3 §4):
 * - `reported`: the unit reports it; timeliness is decided against the rulebook's limit;
 * - `discovered`: the 综治办 (operator) learned of it elsewhere and records it as unreported —
 *   the 瞒报/漏报 fact, with who recorded it and where it was learned from. Only an operator over
 *   the unit may record one (403 otherwise).
 */
export const createIncidentRequestSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('reported'), ...incidentFacts }),
  z.strictObject({
    source: z.literal('discovered'),
    ...incidentFacts,
    /** Where the 综治办 learned of it (police bulletin, media, petition…). */
    discoveredFrom: z.string().trim().min(1).max(500),
  }),
]);
export type CreateIncidentRequest = z.infer<typeof createIncidentRequestSchema>;

export const listIncidentsQuerySchema = pageQuerySchema.extend({
  /** The unit and everything below it. */
  unitId: z.coerce.number().int().positive().optional(),
  kind: incidentKindSchema.optional(),
  /** Happened on or after / on or before these days (China time). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  timeliness: reportTimelinessSchema.optional(),
});
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuerySchema>;

export const incidentSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  kind: incidentKindSchema,
  occurredAt: z.string(),
  place: z.string(),
  summary: z.string(),
  deaths: z.number().int(),
  injuries: z.number().int(),
  lossesYuan: z.number().nullable(),
  source: z.enum(['reported', 'discovered']),
  /** When the unit's report was filed; null when never reported. */
  reportedAt: z.string().nullable(),
  timeliness: reportTimelinessSchema,
  basis: timelinessBasisSchema,
  /** The rulebook limit applied and its deadline (null when none was counted). */
  limitId: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  rulebookId: z.string().nullable(),
  rulebookVersion: z.number().int().nullable(),
  discoveredFrom: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;
