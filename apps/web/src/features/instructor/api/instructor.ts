import type {
  ChallengeAnalytics,
  ChallengeSummary,
  GradingReviewView,
  InstructorVersionView,
} from '@reps/shared';
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

/** Every published challenge (the catalogue and instructors' uploads): an instructor reads analytics of any. */
export const getPublishedChallenges = () => api<{ items: ChallengeSummary[] }>('/challenges');
export const publishedChallengesQueryOptions = () =>
  queryOptions({ queryKey: ['instructor', 'published'], queryFn: getPublishedChallenges });
export const usePublishedChallenges = () => useQuery(publishedChallengesQueryOptions());

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

/** Gradings of the instructor's challenges held for review (too many grader errors), oldest first. */
export const getPendingReviews = () => api<{ items: GradingReviewView[] }>('/instructor/reviews');
export const pendingReviewsQueryOptions = () =>
  queryOptions({ queryKey: ['instructor', 'reviews', 'pending'], queryFn: getPendingReviews });
export const usePendingReviews = () => useQuery(pendingReviewsQueryOptions());

export const decideReview = ({ id, decision }: { id: string; decision: 'accept' | 'reject' }) =>
  api<GradingReviewView>(`/instructor/reviews/${encodeURIComponent(id)}/${decision}`, { method: 'POST' });

export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideReview,
    onSuccess: (decided) => {
      void queryClient.invalidateQueries({ queryKey: ['instructor', 'reviews'] });
      void queryClient.invalidateQueries({ queryKey: ['instructor', 'analytics', decided.slug] });
    },
  });
}
