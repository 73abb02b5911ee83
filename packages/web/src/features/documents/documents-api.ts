import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DocumentTemplate,
  DocumentTemplateContent,
  OfficialDocumentDetail,
  OfficialDocumentKindName,
  OfficialDocumentSummary,
  PreviewDocumentRequest,
} from '@zongzhi/contracts';
import { ApiError, type Page, api, apiUrl } from '../../lib/api';

export type {
  DocumentTemplate,
  DocumentTemplateContent,
  OfficialDocumentDetail,
  OfficialDocumentKindName,
  OfficialDocumentSummary,
};

export const DOCUMENT_KINDS: OfficialDocumentKindName[] = [
  'notice',
  'interview_notice',
  'listing_notice',
  'veto_decision',
  'major_case_notice',
  'recommendation_letter',
  'referral',
];

/** URLs of an issued document's files (the server audits each export). */
export const documentPdfUrl = (id: number, download = false) =>
  apiUrl(`/documents/${id}/pdf`, download ? { download: 1 } : undefined);
export const documentDocxUrl = (id: number) => apiUrl(`/documents/${id}/docx`);

export type DocumentFilter = {
  kind?: OfficialDocumentKindName;
  year?: number;
  unitId?: number;
  page: number;
  pageSize: number;
};

export const useDocuments = (f: DocumentFilter) =>
  useQuery({
    queryKey: ['documents', f],
    queryFn: () => api.get<Page<OfficialDocumentSummary>>('/documents', f),
    placeholderData: keepPreviousData,
  });

export const useDocument = (id: number | null) =>
  useQuery({
    queryKey: ['documents', 'one', id],
    queryFn: () => api.get<OfficialDocumentDetail>(`/documents/${id}`),
    enabled: id !== null,
  });

export const useDocumentTemplates = () =>
  useQuery({
    queryKey: ['document-templates'],
    queryFn: () => api.get<DocumentTemplate[]>('/document-templates'),
  });

export const useSaveTemplate = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: OfficialDocumentKindName; content: DocumentTemplateContent; note?: string }) =>
      api.put<DocumentTemplate>(`/document-templates/${v.kind}`, {
        content: v.content,
        ...(v.note ? { note: v.note } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['document-templates'] }),
  });
};

/** A preview PDF (nothing issued, no number), as a Blob; sent with the session's CSRF token. */
export const fetchPreviewPdf = async (body: PreviewDocumentRequest, csrfToken: string): Promise<Blob> => {
  const res = await fetch(apiUrl('/documents/preview'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/pdf', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => null);
    if (problem && typeof problem.code === 'string') throw new ApiError(res.status, problem);
    throw new Error(`HTTP ${res.status}`);
  }
  return res.blob();
};
