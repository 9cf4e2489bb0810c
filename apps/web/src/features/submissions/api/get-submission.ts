import { FINAL_SUBMISSION_STATUSES } from 'virtual:contracts';
import type { SubmissionView } from '@reps/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const FINAL_STATUSES = new Set<SubmissionView['status']>(FINAL_SUBMISSION_STATUSES);

export const getSubmission = (id: string) => api<SubmissionView>(`/submissions/${id}`);

/** Polls slowly until final: a fallback for when the event stream is cut. */
export const submissionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['submission', id],
    queryFn: () => getSubmission(id),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data && FINAL_STATUSES.has(query.state.data.status) ? false : 5000,
  });

export const useSubmission = (id: string) => useQuery(submissionQueryOptions(id));

export const getMySubmissions = (slug: string) =>
  api<{ items: SubmissionView[] }>(`/me/submissions?slug=${encodeURIComponent(slug)}`);

export const mySubmissionsQueryOptions = (slug: string) =>
  queryOptions({ queryKey: ['me', 'submissions', slug], queryFn: () => getMySubmissions(slug) });

export const useMySubmissions = (slug: string) => useQuery(mySubmissionsQueryOptions(slug));
