import type { SharedSolution, SolutionsView } from '@reps/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api-client';

const path = (slug: string) => `/challenges/${encodeURIComponent(slug)}/solutions`;

/** The solutions, or `locked` while the learner has not passed (the API's 403 `not_passed`). */
export type SolutionsState = { locked: false; view: SolutionsView } | { locked: true; message: string };

export async function getSolutions(slug: string): Promise<SolutionsState> {
  try {
    return { locked: false, view: await api<SolutionsView>(path(slug)) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_passed')
      return { locked: true, message: error.message };
    throw error;
  }
}

/**
 * Under the challenge's key: a finished grading invalidates ['challenge'] (submissions feature), so
 * the panel opens by itself once a submission passes.
 */
export const solutionsQueryOptions = (slug: string) =>
  queryOptions({ queryKey: ['challenge', slug, 'solutions'], queryFn: () => getSolutions(slug) });

export const useSolutions = (slug: string, enabled = true) =>
  useQuery({ ...solutionsQueryOptions(slug), enabled });

export const shareSolution = (slug: string, submissionId: string) =>
  api<SharedSolution>(`${path(slug)}/share`, {
    method: 'POST',
    body: JSON.stringify({ submission_id: submissionId }),
  });

/** Opens the solutions: the first time freezes the learner's place on this version's boards. */
export const openSolutions = (slug: string) => api<SolutionsView>(`${path(slug)}/open`, { method: 'POST' });

export function useOpenSolutions(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => openSolutions(slug),
    onSuccess: (view) => {
      const opened: SolutionsState = { locked: false, view };
      queryClient.setQueryData(solutionsQueryOptions(slug).queryKey, opened);
    },
  });
}

export const withdrawSolution = (slug: string) => api<null>(`${path(slug)}/share`, { method: 'DELETE' });

export function useShareSolution(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (submissionId: string | null) =>
      submissionId ? shareSolution(slug, submissionId) : withdrawSolution(slug),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: solutionsQueryOptions(slug).queryKey }),
  });
}
