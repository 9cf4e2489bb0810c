import type { ChallengeAnalytics, InstructorVersionView } from '@reps/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** How often the versions list is refreshed while one of them is calibrating. */
const CALIBRATION_POLL_MS = 2_000;

export const getVersions = () => api<{ items: InstructorVersionView[] }>('/instructor/challenges');
export const versionsQueryOptions = () =>
  queryOptions({
    queryKey: ['instructor', 'versions'],
    queryFn: getVersions,
    refetchInterval: (query) =>
      query.state.data?.items.some((v) => v.status === 'calibrating') ? CALIBRATION_POLL_MS : false,
  });
export const useVersions = () => useQuery(versionsQueryOptions());

export const getAnalytics = (slug: string, version?: number) =>
  api<ChallengeAnalytics>(
    `/instructor/challenges/${encodeURIComponent(slug)}/analytics${version ? `?version=${version}` : ''}`,
  );
export const analyticsQueryOptions = (slug: string, version?: number) =>
  queryOptions({
    queryKey: ['instructor', 'analytics', slug, version ?? 'current'],
    queryFn: () => getAnalytics(slug, version),
    placeholderData: keepPreviousData,
  });
export const useAnalytics = (slug: string, version?: number) =>
  useQuery(analyticsQueryOptions(slug, version));

/** The bundle is the JSON `reps challenge bundle` writes, sent as it is: the API validates it. */
export const uploadBundle = (bundle: unknown) =>
  api<InstructorVersionView>('/instructor/challenges', { method: 'POST', body: JSON.stringify(bundle) });

export function useUploadBundle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadBundle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['instructor', 'versions'] }),
  });
}

export const rejudge = (slug: string) =>
  api<{ version: number; queued: number }>(`/instructor/challenges/${encodeURIComponent(slug)}/rejudge`, {
    method: 'POST',
  });

export function useRejudge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejudge,
    onSuccess: (_, slug) => queryClient.invalidateQueries({ queryKey: ['instructor', 'analytics', slug] }),
  });
}
