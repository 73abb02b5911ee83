import { useQuery } from '@tanstack/react-query';
import type { Holder, ResponsibleResponse, Unit, UnitDetail, UnitVersion } from '@zongzhi/contracts';
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
