import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AmendLetterRequest,
  BatchExport,
  BatchPreview,
  BatchPreviewRecipient,
  BatchRequest,
  BoundPerson,
  CascadeGap,
  EditLetterRequest,
  EnterProgressRequest,
  LetterBatch,
  LetterDetail,
  LetterProgress,
  LetterRelationship,
  LetterRules,
  LetterSummary,
  LetterTargetDto,
  LetterTargetInput,
  LetterTemplate,
  LetterTemplateSummary,
  LetterVersion,
  LetterVersionDiff,
  SaveLetterTemplateRequest,
  Signature,
  SigningRate,
  TargetProgress,
  TargetValue,
} from '@zongzhi/contracts';
import { type Page, api, apiUrl, request } from '../../lib/api';

export type {
  BatchExport,
  BatchPreview,
  BatchPreviewRecipient,
  BoundPerson,
  CascadeGap,
  LetterBatch,
  LetterDetail,
  LetterProgress,
  LetterRelationship,
  LetterRules,
  LetterSummary,
  LetterTargetDto,
  LetterTargetInput,
  LetterTemplate,
  LetterTemplateSummary,
  LetterVersion,
  LetterVersionDiff,
  Signature,
  SigningRate,
  TargetProgress,
  TargetValue,
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every URL of the letters API in one place (packages/server/src/modules/letters/letters.routes.ts).
 */
export const LETTER_URLS = {
  rules: '/letters/rules',
  templates: '/letter-templates',
  template: (id: number) => `/letter-templates/${id}`,
  batches: '/letter-batches',
  batch: (id: number) => `/letter-batches/${id}`,
  batchIssue: (id: number) => `/letter-batches/${id}/issue`,
  batchRecipients: '/letter-batches/recipients',
  batchPreview: '/letter-batches/preview',
  batchRecover: (id: number) => `/letter-batches/${id}/recover`,
  batchExports: (id: number) => `/letter-batches/${id}/exports`,
  batchExport: (id: number, jobId: number) => `/letter-batches/${id}/exports/${jobId}`,
  batchExportFile: (id: number, jobId: number) => `/letter-batches/${id}/exports/${jobId}/file`,
  letters: '/letters',
  letter: (id: number) => `/letters/${id}`,
  amend: (id: number) => `/letters/${id}/amendments`,
  sign: (id: number) => `/letters/${id}/sign`,
  version: (id: number, v: number) => `/letters/${id}/versions/${v}`,
  diff: (id: number, v: number) => `/letters/${id}/versions/${v}/diff`,
  pdf: (id: number) => `/letters/${id}/pdf`,
  docx: (id: number) => `/letters/${id}/docx`,
  progress: (id: number) => `/letters/${id}/progress`,
  progressValue: (id: number, key: string, period: string) =>
    `/letters/${id}/progress/${encodeURIComponent(key)}/${encodeURIComponent(period)}`,
  progressTemplate: (id: number) => `/letters/${id}/progress.xlsx`,
  progressImport: (id: number) => `/letters/${id}/progress/import`,
  signingRate: '/letters/signing-rate',
} as const;

export const useLetterRules = (unitId: number | null) =>
  useQuery({
    queryKey: ['letters', 'rules', unitId],
    queryFn: () => api.get<LetterRules>(LETTER_URLS.rules, { unitId }),
    enabled: unitId !== null,
    staleTime: 60_000,
  });

export const useLetterTemplates = (filters: {
  relationshipId?: string | null;
  ownerUnitId?: number | null;
}) =>
  useQuery({
    queryKey: ['letters', 'templates', filters],
    queryFn: () => api.get<Page<LetterTemplateSummary>>(LETTER_URLS.templates, { ...filters, pageSize: 500 }),
    placeholderData: keepPreviousData,
  });

export const useLetterTemplate = (id: number | null) =>
  useQuery({
    queryKey: ['letters', 'template', id],
    queryFn: () => api.get<LetterTemplate>(LETTER_URLS.template(id ?? 0)),
    enabled: id !== null,
  });

export const createTemplate = (body: SaveLetterTemplateRequest) =>
  api.post<LetterTemplate>(LETTER_URLS.templates, body);
export const saveTemplate = (id: number, body: SaveLetterTemplateRequest) =>
  api.put<LetterTemplate>(LETTER_URLS.template(id), body);

export const useBatchRecipients = (issuerUnitId: number | null, templateId: number | null) =>
  useQuery({
    queryKey: ['letters', 'recipients', issuerUnitId, templateId],
    queryFn: () =>
      api.get<{
        items: { unitId: number; name: string; kind: string; path: string; hasLetter: boolean }[];
      }>(LETTER_URLS.batchRecipients, { issuerUnitId, templateId }),
    enabled: issuerUnitId !== null && templateId !== null,
  });

export const previewBatch = (body: BatchRequest) => api.post<BatchPreview>(LETTER_URLS.batchPreview, body);
/** Creates the batch (a draft: recipients frozen, the unfit ones recorded as skipped). */
export const createBatch = (body: BatchRequest) => api.post<LetterBatch>(LETTER_URLS.batches, body);
/** Writes the draft batch's letters; `useBatch` follows its progress meanwhile. */
export const startBatch = (id: number) => api.post<LetterBatch>(LETTER_URLS.batchIssue(id));

/** A batch, polled every second while its letters are being issued. */
export const useBatch = (id: number | null) =>
  useQuery({
    queryKey: ['letters', 'batch', id],
    queryFn: () => api.get<LetterBatch>(LETTER_URLS.batch(id ?? 0)),
    enabled: id !== null,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'issued' || s === 'failed' ? false : 1000;
    },
  });

/** 重新处理: fails a batch stuck issuing cleanly (the server refuses one still in progress). */
export const recoverBatch = (id: number) => api.post<LetterBatch>(LETTER_URLS.batchRecover(id));

/** Queues the PDF of the whole batch (rendered in the background; follow it with useBatchExports). */
export const startBatchExport = (id: number) => api.post<BatchExport>(LETTER_URLS.batchExports(id));

/** The batch's exports, newest first, polled every second while the newest one is under way. */
export const useBatchExports = (id: number | null) =>
  useQuery({
    queryKey: ['letters', 'batch-exports', id],
    queryFn: () => api.get<{ items: BatchExport[] }>(LETTER_URLS.batchExports(id ?? 0)),
    enabled: id !== null,
    refetchInterval: (q) => {
      const s = q.state.data?.items[0]?.state;
      return s === 'queued' || s === 'running' ? 1000 : false;
    },
  });

export const useBatches = (year: number | null) =>
  useQuery({
    queryKey: ['letters', 'batches', year],
    queryFn: () => api.get<Page<LetterBatch>>(LETTER_URLS.batches, { year, pageSize: 100 }),
    placeholderData: keepPreviousData,
  });

export type LetterFilters = {
  year?: number | null;
  batchId?: number | null;
  recipientUnitId?: number | null;
  status?: string | null;
  awaitingMe?: boolean | null;
  page?: number;
  pageSize?: number;
};

export const useLetters = (filters: LetterFilters, enabled = true) =>
  useQuery({
    queryKey: ['letters', 'list', filters],
    queryFn: () => api.get<Page<LetterSummary>>(LETTER_URLS.letters, filters),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useLetter = (id: number | null) =>
  useQuery({
    queryKey: ['letters', 'one', id],
    queryFn: () => api.get<LetterDetail>(LETTER_URLS.letter(id ?? 0)),
    enabled: id !== null,
  });

export const useLetterVersion = (id: number, version: number | null) =>
  useQuery({
    queryKey: ['letters', 'one', id, 'version', version],
    queryFn: () => api.get<LetterVersion>(LETTER_URLS.version(id, version ?? 0)),
    enabled: version !== null,
  });

export const useLetterDiff = (id: number, version: number | null) =>
  useQuery({
    queryKey: ['letters', 'one', id, 'diff', version],
    queryFn: () => api.get<LetterVersionDiff>(LETTER_URLS.diff(id, version ?? 0)),
    enabled: version !== null && version > 1,
  });

export const editLetter = (id: number, body: EditLetterRequest) =>
  api.patch<LetterDetail>(LETTER_URLS.letter(id), body);
export const amendLetter = (id: number, body: AmendLetterRequest) =>
  api.post<LetterDetail>(LETTER_URLS.amend(id), body);
export const signLetter = (id: number, totpCode: string) =>
  api.post<LetterDetail>(LETTER_URLS.sign(id), { totpCode });

export const useLetterProgress = (id: number) =>
  useQuery({
    queryKey: ['letters', 'one', id, 'progress'],
    queryFn: () => api.get<LetterProgress>(LETTER_URLS.progress(id)),
  });

export const enterProgress = (id: number, key: string, period: string, body: EnterProgressRequest) =>
  api.put<TargetProgress>(LETTER_URLS.progressValue(id, key, period), body);

export const importProgress = (id: number, file: File) =>
  request<{ imported: number }>(LETTER_URLS.progressImport(id), {
    method: 'POST',
    body: file,
    contentType: XLSX_MIME,
  });

export const useSigningRate = (year: number, unitId: number | null) =>
  useQuery({
    queryKey: ['letters', 'signing-rate', year, unitId],
    queryFn: () => api.get<SigningRate>(LETTER_URLS.signingRate, { year, unitId }),
    placeholderData: keepPreviousData,
  });

export const fileUrl = (path: string) => apiUrl(path);

/** Any write may change lists, a letter, its progress and the signing rate. */
export const useInvalidateLetters = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['letters'] });
};
