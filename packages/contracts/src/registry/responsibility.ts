import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from '../common/problem';
import { postKindSchema } from './posts';
import { unitKindSchema } from './units';

export const holderSchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  postId: z.number().int(),
  postKind: postKindSchema,
  title: z.string(),
  portfolio: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export type Holder = z.infer<typeof holderSchema>;

export const responsibleQuerySchema = z.object({ date: isoDateSchema.optional() });

export const responsibleResponseSchema = z.object({
  date: z.string(),
  unitId: z.number().int(),
  roles: z.object({
    principal: z.array(holderSchema),
    in_charge: z.array(holderSchema),
    member: z.array(holderSchema),
    specific: z.array(holderSchema),
  }),
});
export type ResponsibleResponse = z.infer<typeof responsibleResponseSchema>;

export const coverageQuerySchema = pageQuerySchema.extend({
  date: isoDateSchema.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().min(1).max(2000).default(100),
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const coverageRoleSchema = z.enum(['principal', 'in_charge']);

export const coverageResponseSchema = z.object({
  date: z.string(),
  /** Units (existing on the date, in scope) checked. */
  checked: z.number().int(),
  items: z.array(
    z.object({
      unit: z.object({ id: z.number().int(), name: z.string(), kind: unitKindSchema, code: z.string() }),
      missing: z.array(coverageRoleSchema),
    }),
  ),
  total: z.number().int(),
});
export type CoverageResponse = z.infer<typeof coverageResponseSchema>;
