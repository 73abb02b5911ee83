import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttachUnitRulebookRequest,
  PreviewRulebookResponse,
  PublishRulebookResponse,
  RulebookSummary,
  RulebookVersion,
  RulebookVersionDetail,
  UnitRulebookAttachment,
  UnitRulebookResponse,
} from '@zongzhi/contracts';
import { type Page, api } from '../../lib/api';
import { applyLayer, isObject } from './rulebook-draft';

export type { PreviewRulebookResponse, RulebookSummary, RulebookVersionDetail, UnitRulebookResponse };

export const useRulebooks = () =>
  useQuery({
    queryKey: ['rulebooks', 'list'],
    queryFn: () => api.get<Page<RulebookSummary>>('/rulebooks', { pageSize: 500 }),
  });

export const useRulebook = (id: string, version?: number) =>
  useQuery({
    queryKey: ['rulebooks', 'one', id, version ?? 'latest'],
    queryFn: () => api.get<RulebookVersionDetail>(`/rulebooks/${id}`, { version }),
  });

/**
 * The values a layer over `parentId` inherits: the parent's latest version resolved down its own
 * chain (root first), as the form's placeholders show them. Null for a root rulebook.
 */
export const useInheritedRulebook = (parentId: string | undefined) =>
  useQuery({
    queryKey: ['rulebooks', 'inherited', parentId],
    enabled: parentId !== undefined,
    queryFn: async () => {
      const chain: Record<string, unknown>[] = [];
      const seen = new Set<string>();
      let next: string | undefined = parentId;
      while (next !== undefined && !seen.has(next)) {
        seen.add(next);
        const detail: RulebookVersionDetail = await api.get<RulebookVersionDetail>(`/rulebooks/${next}`);
        chain.unshift(detail.body);
        next = typeof detail.body.extends === 'string' ? detail.body.extends : undefined;
      }
      const resolved = chain.reduce<unknown>((base, layer) => applyLayer(base, layer), {});
      return isObject(resolved) ? resolved : {};
    },
  });

export const useRulebookVersions = (id: string | null) =>
  useQuery({
    queryKey: ['rulebooks', 'versions', id],
    queryFn: () => api.get<{ items: RulebookVersion[] }>(`/rulebooks/${id}/versions`),
    enabled: id !== null,
  });

export const useUnitRulebook = (unitId: number | null, date: string) =>
  useQuery({
    queryKey: ['rulebooks', 'unit', unitId, date],
    queryFn: () => api.get<UnitRulebookResponse>(`/units/${unitId}/rulebook`, { date }),
    enabled: unitId !== null,
  });

export const previewRulebook = (body: Record<string, unknown>) =>
  api.post<PreviewRulebookResponse>('/rulebooks/preview', body);
export const publishRulebook = (id: string, body: Record<string, unknown>) =>
  api.post<PublishRulebookResponse>(`/rulebooks/${id}/versions`, body);
export const attachRulebook = (unitId: number, body: AttachUnitRulebookRequest) =>
  api.put<{ attachment: UnitRulebookAttachment; replaced: { rulebookId: string } | null }>(
    `/units/${unitId}/rulebook`,
    body,
  );

/** After publishing or attaching: lists, versions, what applies to units, and the duty filter. */
export const useInvalidateRulebooks = () => {
  const qc = useQueryClient();
  return async () => {
    await Promise.all(['rulebooks', 'duties'].map((key) => qc.invalidateQueries({ queryKey: [key] })));
  };
};

/** A parameter's value for a table cell: strings as they are, the rest as compact JSON. */
export const formatValue = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
