import { FINAL_RUN_STATUSES, FINAL_SUBMISSION_STATUSES } from 'virtual:contracts';
import type { AttemptDetail, AttemptKind, AttemptsPage, AttemptView } from '@reps/shared';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const FINAL = new Set<AttemptView['status']>([...FINAL_RUN_STATUSES, ...FINAL_SUBMISSION_STATUSES]);
const PAGE = 20;
/** While an attempt is queued or running its figures are still to come: the list looks again. */
const POLL_MS = 3000;

export const getAttempts = (slug: string, cursor: string | null) =>
  api<AttemptsPage>(
    `/me/attempts?slug=${encodeURIComponent(slug)}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );

/** Newest first, a page at a time; the runs and submissions features refresh it when they add one. */
export const attemptsQueryOptions = (slug: string) =>
  infiniteQueryOptions({
    queryKey: ['me', 'attempts', slug],
    queryFn: ({ pageParam }) => getAttempts(slug, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((a) => !FINAL.has(a.status))) ? POLL_MS : false,
  });

export const useAttempts = (slug: string) => useInfiniteQuery(attemptsQueryOptions(slug));

export const getAttempt = (kind: AttemptKind, id: string) => api<AttemptDetail>(`/me/attempts/${kind}/${id}`);

/** One attempt with its pipeline: the text never changes, the figures until it is final. */
export const attemptQueryOptions = (kind: AttemptKind, id: string) =>
  queryOptions({
    queryKey: ['me', 'attempt', kind, id],
    queryFn: () => getAttempt(kind, id),
    staleTime: (query) => (query.state.data && FINAL.has(query.state.data.status) ? Infinity : 0),
  });

export const useAttempt = (kind: AttemptKind, id: string) => useQuery(attemptQueryOptions(kind, id));
