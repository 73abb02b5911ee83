import { z } from 'zod';
import { bilingualSchema } from '../common/problem';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const registryExportQuerySchema = z.object({ unitId: z.coerce.number().int().positive().optional() });

export const registryImportResponseSchema = z.object({
  units: z.number().int(),
  people: z.number().int(),
  posts: z.number().int(),
});
export type RegistryImportResponse = z.infer<typeof registryImportResponseSchema>;

/** A wrong cell of an import: path is sheet!cell, e.g. '任职!D7'. */
export const importCellErrorSchema = z.object({ path: z.string(), message: bilingualSchema });
