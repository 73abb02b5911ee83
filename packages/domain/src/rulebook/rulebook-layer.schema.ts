import { z } from 'zod';
import {
  type Citation,
  checkRulebookConsistency,
  citationSchema,
  type Rulebook,
  type RulebookBody,
  type RulebookMetadata,
  rulebookBodyShape,
  rulebookIdSchema,
  rulebookMetadataShape,
} from './rulebook.schema';

/**
 * A rulebook that `extends` another is a layer: it states only what it changes.
 *
 * - Objects merge key by key; a key may be left out to inherit it.
 * - Lists of entries with an `id` (duties, ladder steps, triggers, windows, indicators …) merge by
 *   id: an entry with a known id overrides fields of the inherited one, a new id is appended, and
 *   `{ "id": "x", "$remove": true }` removes the inherited entry.
 * - An optional field is removed with `{ "$remove": true }`.
 * - Lists of plain values (`who`, `bars`) are replaced whole.
 * - An object with a different `kind` (a cadence changed from periodic to event-driven) replaces the
 *   inherited one whole, so that fields of two kinds never mix.
 *
 * The layer schema is derived from the complete schema, so the two cannot drift.
 */

export const REMOVE_KEY = '$remove';

/** A removal may cite why (e.g. the source has no such duty). */
export type Removal = { $remove: true; source?: Citation };

type Primitive = string | number | boolean | null | undefined;

export type DeepPatch<T> = T extends Primitive
  ? T
  : T extends readonly (infer E)[]
    ? E extends { id: infer I }
      ? (DeepPatch<E> | ({ id: I } & Removal))[]
      : T
    : {
        [K in keyof T]?: K extends 'id'
          ? T[K]
          : undefined extends T[K]
            ? DeepPatch<T[K]> | Removal
            : DeepPatch<T[K]>;
      };

export type RulebookLayer = RulebookMetadata & { extends: string } & DeepPatch<RulebookBody>;

/** A rulebook as written in a file: complete (a root) or a layer over its parent. */
export type RulebookDocument = Rulebook | RulebookLayer;

export const isRulebookLayer = (document: RulebookDocument): document is RulebookLayer =>
  document.extends !== undefined;

const removalShape = { [REMOVE_KEY]: z.literal(true), source: citationSchema.optional() };
const removalSchema = z.strictObject(removalShape);

const unwrapOptional = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional ? unwrapOptional(schema.unwrap() as z.ZodType) : schema;

const idSchemaOf = (schema: z.ZodType): z.ZodType | undefined => {
  const inner = unwrapOptional(schema);
  if (inner instanceof z.ZodObject) return inner.shape.id as z.ZodType | undefined;
  if (inner instanceof z.ZodUnion) {
    const ids = (inner.options as z.ZodType[]).map(idSchemaOf);
    return ids.every((id) => id !== undefined) ? ids[0] : undefined;
  }
  return undefined;
};

export const toPatchSchema = (schema: z.ZodType): z.ZodType => {
  const inner = unwrapOptional(schema);
  if (inner instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      if (key === 'id') {
        shape[key] = field;
        continue;
      }
      const patch = toPatchSchema(field);
      shape[key] = (field instanceof z.ZodOptional ? z.union([removalSchema, patch]) : patch).optional();
    }
    return z.strictObject(shape);
  }
  if (inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    const idSchema = idSchemaOf(element);
    if (idSchema === undefined) return inner;
    return z.array(z.union([z.strictObject({ id: idSchema, ...removalShape }), toPatchSchema(element)]));
  }
  if (inner instanceof z.ZodUnion) {
    return z.union(
      (inner.options as z.ZodType[]).map(toPatchSchema) as [z.ZodType, z.ZodType, ...z.ZodType[]],
    );
  }
  return inner;
};

const layerBodyShape = Object.fromEntries(
  Object.entries(rulebookBodyShape).map(([key, schema]) => [key, toPatchSchema(schema).optional()]),
);

export const rulebookLayerSchema = z
  .strictObject({ ...rulebookMetadataShape, extends: rulebookIdSchema, ...layerBodyShape })
  .superRefine((layer, ctx) => {
    for (const issue of checkRulebookConsistency({ rulebook: layer, complete: false })) {
      ctx.addIssue({ code: 'custom', ...issue });
    }
  });
