import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentBranch,
  AssessmentExplanation,
  AssessmentPeriodDetail,
  AssessmentPeriodResultsQuery,
  AssessmentPeriodSummary,
  AssessmentResultRow,
  AssessmentVerification,
  CloseAssessmentResponse,
  CorrectAssessmentRequest,
  OpenAssessmentPeriodRequest,
} from '@zongzhi/contracts';
import type { UnitScore } from '@zongzhi/domain';
import { api, apiUrl } from '../../lib/api';

export type {
  AssessmentBranch,
  AssessmentExplanation,
  AssessmentPeriodDetail,
  AssessmentPeriodSummary,
  AssessmentResultRow,
  AssessmentVerification,
  UnitScore,
};

/** Where one fact came from (the server's FactSource): the table, the rule, the rows counted. */
export type FactSource = { table: string; rule: string; counts: Record<string, number>; ids: string[] };

/** The API paths of the area, in one place. */
const P = {
  periods: '/assessments/periods',
  period: (id: number) => `/assessments/periods/${id}`,
  compute: (id: number) => `/assessments/periods/${id}/compute`,
  close: (id: number) => `/assessments/periods/${id}/close`,
  corrections: (id: number) => `/assessments/periods/${id}/corrections`,
  verify: (id: number) => `/assessments/periods/${id}/verify`,
  unit: (id: number, unitId: number) => `/assessments/periods/${id}/units/${unitId}`,
};

export const resultsXlsxUrl = (id: number) => apiUrl(`/assessments/periods/${id}/results.xlsx`);

export const usePeriods = (unitId: number | null = null) =>
  useQuery({
    queryKey: ['assessment', 'periods', unitId],
    queryFn: () => api.get<{ items: AssessmentPeriodSummary[] }>(P.periods, { unitId }),
  });

export const usePeriod = (id: number) =>
  useQuery({
    queryKey: ['assessment', 'period', id],
    queryFn: () => api.get<AssessmentPeriodDetail>(P.period(id)),
    enabled: Number.isFinite(id),
  });

/** One page of the ranking table (server-side: group, name, page), the previous page kept while loading. */
export const usePeriodPage = (id: number, query: Omit<AssessmentPeriodResultsQuery, 'branches'>) =>
  useQuery({
    queryKey: ['assessment', 'period', id, query],
    queryFn: () => api.get<AssessmentPeriodDetail>(P.period(id), { ...query, branches: 'false' }),
    enabled: Number.isFinite(id),
    placeholderData: keepPreviousData,
  });

/** The heat map's boxes (the two levels below the root), once per computed version. */
export const usePeriodBranches = (id: number, version: number) =>
  useQuery({
    queryKey: ['assessment', 'branches', id, version],
    queryFn: async () => (await api.get<AssessmentPeriodDetail>(P.period(id), { limit: 1 })).branches,
    enabled: Number.isFinite(id) && version > 0,
  });

/** Re-runs a computed period and compares it with the stored results (nothing is stored). */
export const verifyPeriod = (id: number) => api.post<AssessmentVerification>(P.verify(id));

export const fetchExplanation = (id: number, unitId: number) =>
  api.get<AssessmentExplanation>(P.unit(id, unitId));

export const useExplanation = (id: number, unitId: number) =>
  useQuery({
    queryKey: ['assessment', 'unit', id, unitId],
    queryFn: () => fetchExplanation(id, unitId),
    enabled: Number.isFinite(id) && Number.isFinite(unitId),
  });

export const openPeriod = (body: OpenAssessmentPeriodRequest) =>
  api.post<AssessmentPeriodSummary>(P.periods, body);
export const computePeriod = (id: number) => api.post<AssessmentPeriodDetail>(P.compute(id));
export const closePeriod = (id: number) => api.post<CloseAssessmentResponse>(P.close(id));
export const correctPeriod = (id: number, body: CorrectAssessmentRequest) =>
  api.post<CloseAssessmentResponse>(P.corrections(id), body);

export const useInvalidateAssessment = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['assessment'] });
};
