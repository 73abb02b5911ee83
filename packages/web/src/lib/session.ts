import type { Role, SessionResponse } from '@zongzhi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, api, setCsrfToken } from './api';
import { type Area, canRead, canWrite } from './access';

export const SESSION_KEY = ['session'] as const;

const fetchSession = async () => {
  try {
    const s = await api.get<SessionResponse>('/auth/session');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
};

/** The signed-in account and its grants; `null` when nobody is signed in. */
export const useSession = () =>
  useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });

export const useSetSession = () => {
  const qc = useQueryClient();
  return (s: SessionResponse | null) => {
    setCsrfToken(s?.csrfToken ?? '');
    if (s === null) qc.clear();
    qc.setQueryData(SESSION_KEY, s);
  };
};

/** The roles of the signed-in account and what they allow. */
export const useAccess = () => {
  const { data } = useSession();
  return useMemo(() => {
    const roles: Role[] = [...new Set((data?.grants ?? []).map((g) => g.role))];
    return {
      session: data ?? null,
      roles,
      canRead: (area: Area) => canRead(roles, area),
      canWrite: (area: Area) => canWrite(roles, area),
    };
  }, [data]);
};
