import { useQuery } from '@tanstack/react-query';
import type {
  BarReason,
  EligibilityAnswer,
  EligibilityBatchResponse,
  EligibilityPurposeValue,
  PersonSanctions,
  PersonStep,
} from '@zongzhi/contracts';
import { ApiError, api, apiUrl, request } from '../../lib/api';

export type {
  BarReason,
  EligibilityAnswer,
  EligibilityBatchResponse,
  EligibilityPurposeValue,
  PersonSanctions,
  PersonStep,
};

export const CSV_MIME = 'text/csv';

export const usePersonEligibility = (person: number | null, date: string, purpose: EligibilityPurposeValue) =>
  useQuery({
    queryKey: ['eligibility', 'person', person, date, purpose],
    queryFn: () => api.get<EligibilityAnswer>('/eligibility', { person, date, purpose }),
    enabled: person !== null,
  });

export const useUnitEligibility = (unit: number | null, date: string, purpose: EligibilityPurposeValue) =>
  useQuery({
    queryKey: ['eligibility', 'unit', unit, date, purpose],
    queryFn: () => api.get<EligibilityAnswer>('/eligibility/units', { unit, date, purpose }),
    enabled: unit !== null,
  });

export const usePersonSanctions = (personId: number, enabled = true) =>
  useQuery({
    queryKey: ['eligibility', 'sanctions', personId],
    queryFn: () => api.get<PersonSanctions>(`/people/${personId}/sanctions`),
    enabled,
  });

/** The batch, answered as JSON for the results table. */
export const askBatch = (file: Blob, date: string, purpose: EligibilityPurposeValue) =>
  request<EligibilityBatchResponse>('/eligibility/batch', {
    method: 'POST',
    query: { date, purpose, format: 'json' },
    body: file,
    contentType: CSV_MIME,
  });

/**
 * The same batch answered as CSV by the server (the uploaded columns first, then the answer), as
 * a file to save. Sent with the session's CSRF token as every write is.
 */
export const askBatchCsv = async (
  file: Blob,
  date: string,
  purpose: EligibilityPurposeValue,
  csrfToken: string,
): Promise<Blob> => {
  const res = await fetch(apiUrl('/eligibility/batch', { date, purpose, format: 'csv' }), {
    method: 'POST',
    headers: { 'content-type': CSV_MIME, accept: 'text/csv', 'x-csrf-token': csrfToken },
    body: file,
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => null);
    if (problem && typeof problem.code === 'string') throw new ApiError(res.status, problem);
    throw new Error(`HTTP ${res.status}`);
  }
  return res.blob();
};

/** Saves a blob under a file name through a temporary link (no new window). */
export const saveBlob = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
