import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ComplianceResponse,
  DutyOccurrenceDetail,
  DutyOccurrenceItem,
  FulfilDutyRequest,
  GenerateDutiesResponse,
  NotificationPage,
  ResponsibleResponse,
  UnitRulebookResponse,
  WaiveDutyRequest,
} from '@zongzhi/contracts';
import type { DutyState } from '@zongzhi/domain';
import { type Page, api } from '../../lib/api';

export type { ComplianceResponse, DutyOccurrenceDetail, DutyOccurrenceItem, DutyState, NotificationPage };

export type DutyFilters = {
  unitId: number | null;
  dutyId: string | null;
  state: DutyState | null;
  periodKey: string | null;
  from: string | null;
  to: string | null;
};

export const useDuties = (filters: DutyFilters & { page: number; pageSize: number }, enabled = true) =>
  useQuery({
    queryKey: ['duties', 'list', filters],
    queryFn: () => api.get<Page<DutyOccurrenceItem>>('/duties', filters),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useDuty = (id: number | null) =>
  useQuery({
    queryKey: ['duties', 'one', id],
    queryFn: () => api.get<DutyOccurrenceDetail>(`/duties/${id}`),
    enabled: id !== null,
  });

export const useCompliance = (year: number, unitId: number | null) =>
  useQuery({
    queryKey: ['duties', 'compliance', year, unitId],
    queryFn: () => api.get<ComplianceResponse>('/duties/compliance', { year, unitId }),
    placeholderData: keepPreviousData,
  });

/**
 * The duties a unit's rulebook defines, for the duty filter: the effective rulebook of the unit
 * (or of the top of the caller's scope) lists them with their names.
 */
export const useDutyDefinitions = (unitId: number | null) =>
  useQuery({
    queryKey: ['duties', 'definitions', unitId],
    queryFn: async () => {
      const res = await api.get<UnitRulebookResponse>(`/units/${unitId}/rulebook`);
      const duties = (res.rulebook?.duties ?? []) as { id: string; name: { zh: string; en: string } }[];
      return duties.map((d) => ({ id: d.id, name: d.name }));
    },
    enabled: unitId !== null,
    staleTime: 5 * 60_000,
  });

/** Who held a post in the unit on the date, role by role (the chair of a meeting is picked from them). */
export const usePostHolders = (unitId: number, date: string, enabled: boolean) =>
  useQuery({
    queryKey: ['unit', unitId, 'responsible', date],
    queryFn: () => api.get<ResponsibleResponse>(`/units/${unitId}/responsible`, { date }),
    enabled,
  });

export const fulfilDuty = (id: number, body: FulfilDutyRequest) =>
  api.post<DutyOccurrenceDetail>(`/duties/${id}/fulfil`, body);
export const waiveDuty = (id: number, body: WaiveDutyRequest) =>
  api.post<DutyOccurrenceDetail>(`/duties/${id}/waive`, body);
export const generateDuties = (year: number) =>
  api.post<GenerateDutiesResponse>('/duties/generate', { year });

/** After a duty changes: the ledger, the grid and the notifications may all read differently. */
export const useInvalidateDuties = () => {
  const qc = useQueryClient();
  return async () => {
    await Promise.all(['duties', 'notifications'].map((key) => qc.invalidateQueries({ queryKey: [key] })));
  };
};

const NOTIFICATION_POLL_MS = 60_000;

/** The unread count for the bell, polled every minute. */
export const useUnreadNotifications = () =>
  useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api.get<NotificationPage>('/notifications', { unread: 'true', pageSize: 1 }),
    refetchInterval: NOTIFICATION_POLL_MS,
  });

export const useNotifications = (unreadOnly: boolean, enabled: boolean) =>
  useQuery({
    queryKey: ['notifications', 'list', unreadOnly],
    queryFn: () =>
      api.get<NotificationPage>('/notifications', { unread: unreadOnly ? 'true' : undefined, pageSize: 50 }),
    enabled,
  });

export const markNotificationRead = (id: number) =>
  api.post<{ id: number; readAt: string }>(`/notifications/${id}/read`);
