import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CountySafetyReport, FileSafetyReportRequest, SafetyReport } from '@zongzhi/contracts';
import { api } from '../../lib/api';

export type { CountySafetyReport, FileSafetyReportRequest, SafetyReport };

export const useSafetyReport = (unitId: number | null, month: string) =>
  useQuery({
    queryKey: ['safety-reports', 'one', unitId, month],
    queryFn: () => api.get<SafetyReport>(`/safety-reports/${unitId}/${month}`),
    enabled: unitId !== null,
  });

export const useCountySafetyReports = (month: string, unitId: number | null) =>
  useQuery({
    queryKey: ['safety-reports', 'county', month, unitId],
    queryFn: () => api.get<CountySafetyReport>('/safety-reports', { month, unitId }),
    placeholderData: keepPreviousData,
  });

export const fileSafetyReport = (unitId: number, month: string, body: FileSafetyReportRequest) =>
  api.put<SafetyReport>(`/safety-reports/${unitId}/${month}`, body);

export const useInvalidateSafetyReports = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['safety-reports'] });
};
