import { UNIT_KINDS } from '@zongzhi/domain';
import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from '../common/problem';

export const unitKindSchema = z.enum(UNIT_KINDS);

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const unitCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9A-Za-z_-]+$/, 'letters, digits, - and _ only');

export const unitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.number().int().nullable(),
  path: z.string(),
  depth: z.number().int(),
  population: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  childCount: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitDetailSchema = unitSchema.extend({
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), kind: unitKindSchema })),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const listUnitsQuerySchema = pageQuerySchema.extend({
  /** The top units of the caller's scope. */
  roots: booleanQuery,
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  kind: unitKindSchema.optional(),
  /** Closed units are left out unless asked for. */
  includeClosed: booleanQuery,
});
export type ListUnitsQuery = z.infer<typeof listUnitsQuerySchema>;

export const createUnitRequestSchema = z.object({
  code: unitCodeSchema,
  name: z.string().trim().min(1).max(100),
  kind: unitKindSchema,
  parentId: z.number().int().positive(),
  population: z.number().int().min(0).nullable().optional(),
  validFrom: isoDateSchema,
});
export type CreateUnitRequest = z.infer<typeof createUnitRequestSchema>;

/**
 * With `date` later than the open version's start, the change opens a new version from that date
 * (renamed, re-coded…); without it, or on the same day, it corrects the open version in place.
 */
export const updateUnitRequestSchema = z.object({
  code: unitCodeSchema.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  kind: unitKindSchema.optional(),
  population: z.number().int().min(0).nullable().optional(),
  date: isoDateSchema.optional(),
});
export type UpdateUnitRequest = z.infer<typeof updateUnitRequestSchema>;

export const moveUnitRequestSchema = z.object({ parentId: z.number().int().positive(), date: isoDateSchema });
export type MoveUnitRequest = z.infer<typeof moveUnitRequestSchema>;

export const splitUnitRequestSchema = z.object({
  date: isoDateSchema,
  parts: z
    .array(
      z.object({
        code: unitCodeSchema,
        name: z.string().trim().min(1).max(100),
        kind: unitKindSchema.optional(),
        population: z.number().int().min(0).nullable().optional(),
        /** Current children of the split unit that go to this part. */
        childIds: z.array(z.number().int().positive()).default([]),
      }),
    )
    .min(2)
    .max(20),
});
export type SplitUnitRequest = z.infer<typeof splitUnitRequestSchema>;

export const splitUnitResponseSchema = z.object({ closed: unitSchema, parts: z.array(unitSchema) });

export const closeUnitRequestSchema = z.object({ date: isoDateSchema });
export type CloseUnitRequest = z.infer<typeof closeUnitRequestSchema>;

export const unitChangeKindSchema = z.enum([
  'created',
  'updated',
  'renamed',
  'moved',
  'split_from',
  'imported',
]);

export const unitVersionSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  code: z.string(),
  kind: unitKindSchema,
  population: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  changeKind: unitChangeKindSchema,
  /** For a part of a split: the unit it came from. */
  relatedUnitIds: z.array(z.number().int()),
  /** Why the unit's last version ended; null while open or when a later version follows. */
  endedBy: z.enum(['closed', 'split']).nullable(),
  successorUnitIds: z.array(z.number().int()),
});
export type UnitVersion = z.infer<typeof unitVersionSchema>;

export const unitHistoryResponseSchema = z.object({ items: z.array(unitVersionSchema) });
