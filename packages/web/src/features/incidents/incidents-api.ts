import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateIncidentRequest, Incident } from '@zongzhi/contracts';
import type { IncidentKind, ReportTimeliness } from '@zongzhi/domain';
import { type Page, api } from '../../lib/api';

export type { Incident, IncidentKind, ReportTimeliness };

export type IncidentFilters = {
  unitId: number | null;
  kind: IncidentKind | null;
  from: string | null;
  to: string | null;
  timeliness: ReportTimeliness | null;
};

export const useIncidents = (filters: IncidentFilters & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['incidents', 'list', filters],
    queryFn: () => api.get<Page<Incident>>('/incidents', filters),
    placeholderData: keepPreviousData,
  });

export const useIncident = (id: number | null) =>
  useQuery({
    queryKey: ['incidents', 'one', id],
    queryFn: () => api.get<Incident>(`/incidents/${id}`),
    enabled: id !== null,
  });

export const recordIncident = (body: CreateIncidentRequest) => api.post<Incident>('/incidents', body);

/** A new incident changes the register and the month's safety-report figures. */
export const useInvalidateIncidents = () => {
  const qc = useQueryClient();
  return async () => {
    await Promise.all(
      ['incidents', 'safety-reports'].map((key) => qc.invalidateQueries({ queryKey: [key] })),
    );
  };
};
