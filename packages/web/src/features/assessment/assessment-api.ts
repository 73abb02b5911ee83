import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentExplanation,
  AssessmentPeriodDetail,
  AssessmentPeriodSummary,
  AssessmentResultRow,
  CloseAssessmentResponse,
  CorrectAssessmentRequest,
  OpenAssessmentPeriodRequest,
} from '@zongzhi/contracts';
import type { UnitScore } from '@zongzhi/domain';
import { api, apiUrl } from '../../lib/api';

export type {
  AssessmentExplanation,
  AssessmentPeriodDetail,
  AssessmentPeriodSummary,
  AssessmentResultRow,
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
