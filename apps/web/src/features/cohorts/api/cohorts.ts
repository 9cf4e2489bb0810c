import type { CohortLearnerRow, CohortView, Period, RatingBoard } from '@reps/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type { Period };

/** Members come and go while a page is open elsewhere: cohort data is refetched whenever it is shown. */
const FRESH = { staleTime: 0 } as const;

export const getCohorts = () => api<{ items: CohortView[] }>('/cohorts');
export const cohortsQueryOptions = () =>
  queryOptions({ queryKey: ['cohorts'], queryFn: getCohorts, ...FRESH });
export const useCohorts = () => useQuery(cohortsQueryOptions());

export const getCohort = (id: string) => api<CohortView>(`/cohorts/${encodeURIComponent(id)}`);
export const cohortQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['cohorts', id], queryFn: () => getCohort(id), ...FRESH });
export const useCohort = (id: string) => useQuery(cohortQueryOptions(id));

/** `global`, `skill:<skill>` or `domain:<domain>`, among the cohort's members only. */
export const getCohortBoard = (id: string, scope: string, period: Period) =>
  api<RatingBoard>(
    `/cohorts/${encodeURIComponent(id)}/leaderboard?scope=${encodeURIComponent(scope)}&period=${period}`,
  );
export const cohortBoardQueryOptions = (id: string, scope: string, period: Period) =>
  queryOptions({
    queryKey: ['cohorts', id, 'board', scope, period],
    queryFn: () => getCohortBoard(id, scope, period),
    placeholderData: keepPreviousData,
    ...FRESH,
  });
export const useCohortBoard = (id: string, scope: string, period: Period) =>
  useQuery(cohortBoardQueryOptions(id, scope, period));

/** The per-learner table: only the cohort's instructor (or an admin) may read it. */
export const getCohortLearners = (id: string) =>
  api<{ items: CohortLearnerRow[] }>(`/cohorts/${encodeURIComponent(id)}/learners`);
export const cohortLearnersQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['cohorts', id, 'learners'], queryFn: () => getCohortLearners(id), ...FRESH });
export const useCohortLearners = (id: string, enabled: boolean) =>
  useQuery({ ...cohortLearnersQueryOptions(id), enabled });

export const createCohort = (name: string) =>
  api<CohortView>('/cohorts', { method: 'POST', body: JSON.stringify({ name }) });
export const joinCohort = (code: string) =>
  api<CohortView>('/cohorts/join', { method: 'POST', body: JSON.stringify({ code }) });

function useCohortMutation(fn: (arg: string) => Promise<CohortView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cohorts'] }),
  });
}

export const useCreateCohort = () => useCohortMutation(createCohort);
export const useJoinCohort = () => useCohortMutation(joinCohort);
