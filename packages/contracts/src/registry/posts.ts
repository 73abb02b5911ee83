import { POST_KINDS } from '@zongzhi/domain';
import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from '../common/problem';

export const postKindSchema = z.enum(POST_KINDS);
export const responsibilityRoleSchema = z.enum(['principal', 'in_charge', 'member', 'specific']);

export const postSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  postKind: postKindSchema,
  role: responsibilityRoleSchema,
  title: z.string(),
  portfolio: z.string().nullable(),
  startDate: z.string(),
  /** Exclusive: the first day the post is no longer held. */
  endDate: z.string().nullable(),
});
export type Post = z.infer<typeof postSchema>;

export const listPostsQuerySchema = pageQuerySchema.extend({
  unitId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  /** Only posts held on this date. */
  date: isoDateSchema.optional(),
});
export type ListPostsQuery = z.infer<typeof listPostsQuerySchema>;

export const createPostRequestSchema = z.object({
  personId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  postKind: postKindSchema,
  title: z.string().trim().min(1).max(100),
  portfolio: z.string().trim().max(200).nullable().optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema.nullable().optional(),
});
export type CreatePostRequest = z.infer<typeof createPostRequestSchema>;

export const updatePostRequestSchema = z.object({
  title: z.string().trim().min(1).max(100).optional(),
  portfolio: z.string().trim().max(200).nullable().optional(),
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.nullable().optional(),
});
export type UpdatePostRequest = z.infer<typeof updatePostRequestSchema>;
