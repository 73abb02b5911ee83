import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CreatePersonRequest,
  CreatePostRequest,
  Person,
  PersonDetail,
  Post,
  UpdatePersonRequest,
  UpdatePostRequest,
} from '@zongzhi/contracts';
import { type Page, api } from '../../lib/api';

export type { Person, PersonDetail, Post };

export const usePeople = (params: { q: string; unitId: number | null; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['people', params],
    queryFn: () => api.get<Page<Person>>('/people', params),
    placeholderData: keepPreviousData,
  });

export const usePerson = (id: number, revealPhone: boolean) =>
  useQuery({
    queryKey: ['person', id, revealPhone],
    queryFn: () => api.get<PersonDetail>(`/people/${id}`, revealPhone ? { revealPhone: true } : {}),
    placeholderData: keepPreviousData,
  });

export const createPerson = (body: CreatePersonRequest) => api.post<Person>('/people', body);
export const updatePerson = (id: number, body: UpdatePersonRequest) =>
  api.patch<Person>(`/people/${id}`, body);
export const createPost = (body: CreatePostRequest) => api.post<Post>('/posts', body);
export const updatePost = (id: number, body: UpdatePostRequest) => api.patch<Post>(`/posts/${id}`, body);
