import {
  type DocumentTemplateContent,
  documentTemplateContentSchema,
  OFFICIAL_DOCUMENT_KINDS,
  type OfficialDocumentKindName,
} from '@zongzhi/contracts';
import shipped from './default-templates.json';

/**
 * The shipped default text of each kind (data: default-templates.json), used when neither the
 * unit nor an ancestor has its own template. Validated when loaded.
 */
export const DEFAULT_TEMPLATES: Record<OfficialDocumentKindName, DocumentTemplateContent> =
  Object.fromEntries(
    OFFICIAL_DOCUMENT_KINDS.map((kind) => {
      const parsed = documentTemplateContentSchema.safeParse((shipped as Record<string, unknown>)[kind]);
      if (!parsed.success)
        throw new Error(`default-templates.json: ${kind} is invalid: ${parsed.error.message}`);
      return [kind, parsed.data];
    }),
  ) as Record<OfficialDocumentKindName, DocumentTemplateContent>;
