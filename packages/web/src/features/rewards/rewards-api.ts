import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RewardRound } from '@zongzhi/contracts';
import { api } from '../../lib/api';

export type { RewardRound };

export const useRound = (id: number) =>
  useQuery({
    queryKey: ['rewards', 'round', id],
    queryFn: () => api.get<RewardRound>(`/rewards/rounds/${id}`),
  });

export const useInvalidateRewards = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['rewards'] });
};

export const createRound = (periodId: number) => api.post<RewardRound>('/rewards/rounds', { periodId });
export const proposeCandidate = (id: number, personId: number, kind: string) =>
  api.post<RewardRound>(`/rewards/rounds/${id}/candidates`, { personId, kind });
export const decideRound = (id: number, candidateIds: number[]) =>
  api.post<RewardRound>(`/rewards/rounds/${id}/decide`, { candidateIds });
