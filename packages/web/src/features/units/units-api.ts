import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CloseUnitRequest,
  CreateUnitRequest,
  Holder,
  MoveUnitRequest,
  ResponsibleResponse,
  SplitUnitRequest,
  Unit,
  UnitDetail,
  UnitVersion,
  UpdateUnitRequest,
} from '@zongzhi/contracts';
import { RESPONSIBILITY_ROLES, type ResponsibilityRole } from '@zongzhi/domain';
import { type Page, api } from '../../lib/api';

export type { Holder, ResponsibilityRole, Unit, UnitDetail, UnitVersion };
export { RESPONSIBILITY_ROLES };

const PAGE_MAX = 500;

/** All children of a unit, page by page (a town may have more villages than one page holds). */
export const fetchChildren = async (parentId: number): Promise<Unit[]> => {
  const all: Unit[] = [];
  for (let page = 1; ; page += 1) {
    const res = await api.get<Page<Unit>>('/units', { parentId, page, pageSize: PAGE_MAX });
    all.push(...res.items);
    if (res.items.length < PAGE_MAX || all.length >= res.total) return all;
  }
};

export const fetchRoots = async (): Promise<Unit[]> =>
  (await api.get<Page<Unit>>('/units', { roots: true, pageSize: PAGE_MAX })).items;

export const searchUnits = async (q: string): Promise<Page<Unit>> =>
  api.get<Page<Unit>>('/units', { q, pageSize: 50 });

export const unitKey = (id: number) => ['unit', id] as const;

export const useUnit = (id: number | null) =>
  useQuery({
    queryKey: unitKey(id ?? 0),
    queryFn: () => api.get<UnitDetail>(`/units/${id}`),
    enabled: id !== null,
  });

export const useUnitSearch = (q: string) =>
  useQuery({ queryKey: ['units', 'search', q], queryFn: () => searchUnits(q), enabled: q.trim() !== '' });

export const useResponsible = (id: number, date: string) =>
  useQuery({
    queryKey: ['unit', id, 'responsible', date],
    queryFn: () => api.get<ResponsibleResponse>(`/units/${id}/responsible`, { date }),
  });

export const useUnitHistory = (id: number) =>
  useQuery({
    queryKey: ['unit', id, 'history'],
    queryFn: () => api.get<{ items: UnitVersion[] }>(`/units/${id}/history`),
  });

/** The ids on a unit's ancestry path '/1/5/23/' → [1, 5, 23]. */
export const pathIds = (path: string) =>
  path
    .split('/')
    .filter((p) => p !== '')
    .map(Number);

export const createUnit = (body: CreateUnitRequest) => api.post<Unit>('/units', body);
export const updateUnit = (id: number, body: UpdateUnitRequest) => api.patch<Unit>(`/units/${id}`, body);
export const moveUnit = (id: number, body: MoveUnitRequest) => api.post<Unit>(`/units/${id}/move`, body);
export const splitUnit = (id: number, body: SplitUnitRequest) =>
  api.post<{ closed: Unit; parts: Unit[] }>(`/units/${id}/split`, body);
export const closeUnit = (id: number, body: CloseUnitRequest) => api.post<Unit>(`/units/${id}/close`, body);

/**
 * After any registry write: unit pages, their responsible people and history, searches, people,
 * posts and the coverage report may all read differently now.
 */
export const useInvalidateRegistry = () => {
  const qc = useQueryClient();
  return async () => {
    await Promise.all(
      ['unit', 'units', 'people', 'person', 'coverage'].map((key) =>
        qc.invalidateQueries({ queryKey: [key] }),
      ),
    );
  };
};
