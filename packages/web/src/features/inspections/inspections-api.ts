import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateFindingRequest,
  CreateInspectionPlanRequest,
  CreateInspectionRequest,
  Finding,
  FindingsImportResponse,
  Inspection,
  InspectionDetail,
  InspectionPlan,
  RectificationDetail,
  RectificationSummary,
  RectificationTask,
} from '@zongzhi/contracts';
import type { FindingSeverity, InspectionKindId, RectificationStatus } from '@zongzhi/domain';
import { type Page, api, apiUrl, request } from '../../lib/api';

export type {
  Finding,
  FindingSeverity,
  Inspection,
  InspectionDetail,
  InspectionKindId,
  InspectionPlan,
  RectificationDetail,
  RectificationStatus,
  RectificationSummary,
  RectificationTask,
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const usePlans = () =>
  useQuery({
    queryKey: ['inspections', 'plans'],
    queryFn: () => api.get<Page<InspectionPlan>>('/inspection-plans', { pageSize: 200 }),
  });

export const useInspections = (filters: { planId: number | null; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['inspections', 'list', filters],
    queryFn: () => api.get<Page<Inspection>>('/inspections', filters),
    placeholderData: keepPreviousData,
  });

export const useInspection = (id: number | null) =>
  useQuery({
    queryKey: ['inspections', 'one', id],
    queryFn: () => api.get<InspectionDetail>(`/inspections/${id}`),
    enabled: id !== null,
  });

export const useRectifications = (filters: {
  unitId: number | null;
  status: RectificationStatus | null;
  asOf: string | null;
  page: number;
  pageSize: number;
}) =>
  useQuery({
    queryKey: ['inspections', 'rectifications', filters],
    queryFn: () => api.get<Page<RectificationTask>>('/rectifications', filters),
    placeholderData: keepPreviousData,
  });

export const useRectificationSummary = (unitId: number | null, asOf: string | null) =>
  useQuery({
    queryKey: ['inspections', 'summary', unitId, asOf],
    queryFn: () => api.get<RectificationSummary>('/rectifications/summary', { unitId, asOf }),
  });

export const useRectification = (id: number) =>
  useQuery({
    queryKey: ['inspections', 'rectification', id],
    queryFn: () => api.get<RectificationDetail>(`/rectifications/${id}`),
  });

export const createPlan = (body: CreateInspectionPlanRequest) =>
  api.post<InspectionPlan>('/inspection-plans', body);
export const createInspection = (body: CreateInspectionRequest) => api.post<Inspection>('/inspections', body);
export const createFinding = (inspectionId: number, body: CreateFindingRequest) =>
  api.post<Finding>(`/inspections/${inspectionId}/findings`, body);
export const importFindings = (inspectionId: number, file: Blob) =>
  request<FindingsImportResponse>(`/inspections/${inspectionId}/findings/import`, {
    method: 'POST',
    body: file,
    contentType: XLSX_TYPE,
  });
export const findingsExportUrl = (unitId: number) => apiUrl('/findings.xlsx', { unitId });

export type RectificationAction = 'progress' | 'submit' | 'accept' | 'reject' | 'close';
export const actOnRectification = (id: number, action: RectificationAction, body: Record<string, unknown>) =>
  api.post<RectificationDetail>(`/rectifications/${id}/${action}`, body);

/** Any write here changes plans, findings, the tracker and the summary. */
export const useInvalidateInspections = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['inspections'] });
};
