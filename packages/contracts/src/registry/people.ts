import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from '../common/problem';
import { postSchema } from './posts';

export const genderSchema = z.enum(['male', 'female']);

/** Mainland mobile or landline digits, with optional +86 / dashes. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+86)?[0-9-]{7,20}$/, 'phone number');

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: z.string().nullable(),
  /** Masked (138****5678) unless a sysadmin or operator asks for it on the detail. */
  phone: z.string().nullable(),
  phoneMasked: z.boolean(),
  unitId: z.number().int().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema.extend({ posts: z.array(postSchema) });
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const listPeopleQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  /** People with a post (at any time) in this unit's subtree. */
  unitId: z.coerce.number().int().positive().optional(),
});
export type ListPeopleQuery = z.infer<typeof listPeopleQuerySchema>;

export const getPersonQuerySchema = z.object({
  revealPhone: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const createPersonRequestSchema = z.object({
  name: z.string().trim().min(1).max(50),
  gender: genderSchema.nullable().optional(),
  birthDate: isoDateSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  /** The registering unit; must be in the caller's scope. */
  unitId: z.number().int().positive(),
});
export type CreatePersonRequest = z.infer<typeof createPersonRequestSchema>;

export const updatePersonRequestSchema = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  gender: genderSchema.nullable().optional(),
  birthDate: isoDateSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
});
export type UpdatePersonRequest = z.infer<typeof updatePersonRequestSchema>;
