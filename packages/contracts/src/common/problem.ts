import { z } from 'zod';

export const bilingualSchema = z.object({ zh: z.string(), en: z.string() });

/** application/problem+json as every error of the API is sent. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  message: bilingualSchema,
  errors: z.array(z.object({ path: z.string(), message: bilingualSchema })),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

/** A calendar date 'YYYY-MM-DD' that exists. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    // The Chinese text of a custom issue travels in params.zh (see server/platform/http/problem.ts).
    { message: 'not a real date', params: { zh: '不是有效的日期' } },
  );
