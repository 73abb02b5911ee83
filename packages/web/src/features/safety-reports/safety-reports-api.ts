import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CountySafetyReport,
  FileSafetyReportRequest,
  SafetyReport,
  SafetyReportSummary,
} from '@zongzhi/contracts';
import { ApiError, api, apiUrl } from '../../lib/api';

export type { CountySafetyReport, FileSafetyReportRequest, SafetyReport, SafetyReportSummary };

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

/**
 * The 平安报表 summary of a period (2026, 2026-Q1, 2026-M03) for a unit's subtree. A reader whose
 * jurisdiction lies below the unit (a town's liaison looking at the county's period) gets the
 * summary of their own scope instead: the unit itself answers 404 to them.
 */
export const useSafetyReportSummary = (period: string | null, unitId: number | null) =>
  useQuery({
    queryKey: ['safety-reports', 'summary', period, unitId],
    queryFn: async () => {
      try {
        return await api.get<SafetyReportSummary>('/safety-reports/summary', { period, unitId });
      } catch (e) {
        if (unitId !== null && e instanceof ApiError && e.status === 404)
          return api.get<SafetyReportSummary>('/safety-reports/summary', { period });
        throw e;
      }
    },
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });

export const safetyReportSummaryXlsxUrl = (period: string, unitId: number) =>
  apiUrl('/safety-reports/summary.xlsx', { period, unitId });
